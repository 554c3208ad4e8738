import { type FormEvent, useEffect, useState } from "react";

import { ApiError, ok } from "../../api";
import { reviewsReopen } from "../../client/sdk.gen";
import type { ReviewRead } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { TextArea } from "../../common/fields";
import { formatDate } from "../../words";

/** The shortest reason the service takes (ReviewReopen.reason). */
const SHORTEST_REASON = 10;

/** "This review was published on 20 January 2025", or without the date when none is recorded. */
export function publishedOn(review: Pick<ReviewRead, "publication_date">): string {
  return review.publication_date
    ? `This review was published on ${formatDate(review.publication_date)}`
    : "This review is published";
}

/**
 * On every screen of a published review: it is frozen, and must be reopened to change. Its
 * lead reviewer reopens it here, with the written reason the service keeps and audits.
 */
export function PublishedNotice({
  review,
  lead,
  onReopened,
}: {
  review: ReviewRead;
  /** Whether the reader is the review's lead reviewer, the one person who may reopen it. */
  lead: boolean;
  onReopened: (review: ReviewRead) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (asking) document.getElementById("reopen-reason")?.focus();
  }, [asking]);

  async function reopen(event: FormEvent) {
    event.preventDefault();
    const why = reason.trim();
    if (why.length < SHORTEST_REASON) {
      setProblems([
        {
          field: "reopen-reason",
          text: why ? `Give the reason in at least ${SHORTEST_REASON} characters` : "Enter why the review is reopened",
        },
      ]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      const next = await ok(
        reviewsReopen({ path: { review_id: review.id }, body: { version: review.version, reason: why } }),
      );
      onReopened(next);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems([{ field: "reopen-reason", text: error.message }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="published-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="published-title">
          Published
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {publishedOn(review)}, so neither it nor its records can be changed. It must be reopened to change it.
        </p>
        {!lead && <p className="govuk-body">Only its lead reviewer can reopen it.</p>}
        {lead && !asking && (
          <>
            <p className="govuk-body">
              Reopening makes it a draft again and takes it out of every export until it is published again.
            </p>
            <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => setAsking(true)}>
              Reopen the review
            </button>
          </>
        )}
        {lead && asking && (
          <form noValidate onSubmit={reopen} aria-label="Reopen the review">
            <ErrorSummary problems={problems} title="The review was not reopened" />
            <TextArea
              id="reopen-reason"
              label="Why is the review reopened?"
              hint="For example: the family's solicitor found a street name in finding 2. The reason is kept with the review and in the audit trail."
              rows={3}
              value={reason}
              error={problems[0]?.text}
              onChange={setReason}
            />
            <div className="govuk-button-group govuk-!-margin-bottom-0">
              <button type="submit" className="govuk-button" disabled={busy}>
                Reopen the review
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => {
                  setAsking(false);
                  setReason("");
                  setProblems([]);
                }}
              >
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}

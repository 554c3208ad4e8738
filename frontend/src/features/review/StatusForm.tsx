import { type FormEvent, useState } from "react";

import { ApiError, ok } from "../../api";
import { reviewsUpdate } from "../../client/sdk.gen";
import type { CheckRead, ReviewRead, ReviewStatus } from "../../client/types.gen";
import { ConflictNotice, currentOf } from "../../common/Conflict";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Radios, TextArea } from "../../common/fields";
import { useUnsavedChanges } from "../../common/unsaved";
import { STATUSES } from "../../words";
import { useEditable, useReview } from "./ReviewLayout";

type Outcome =
  | { kind: "none" }
  | { kind: "saved"; status: ReviewStatus }
  | { kind: "problems"; problems: Problem[]; detail?: string }
  | { kind: "conflict"; message: string; theirs: ReviewRead; yourVersion: number };

const GATED: ReviewStatus[] = ["draft", "published"];

/** What the success banner says once the review has moved. */
const MOVED: Record<ReviewStatus, string> = {
  scoping: "The review is now at the scoping stage.",
  gathering: "The review is now at the gathering stage.",
  analysis: "The review is now at the analysis stage.",
  findings: "The review is now at the findings stage.",
  draft: "The review is now a draft.",
  published: "The review is published.",
  archived: "The review is archived.",
};

/**
 * Move the review on (or back); draft and published wait for the blocking checks. Once the
 * review is published only the banner saying so stays: a published review does not move.
 */
export function StatusForm({ onChanged }: { onChanged: () => void }) {
  const { review, setReview } = useReview();
  const editable = useEditable();
  const [status, setStatus] = useState<ReviewStatus>(review.status);
  const [reason, setReason] = useState("");
  const [version, setVersion] = useState(review.version);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "none" });
  const [busy, setBusy] = useState(false);
  const dirty = status !== review.status || reason.trim() !== "";
  const [leaveWarning] = useUnsavedChanges(dirty);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === review.status && version === review.version) {
      setOutcome({ kind: "problems", problems: [{ field: "status", text: "Choose a different status" }] });
      return;
    }
    setBusy(true);
    try {
      const saved = await ok(
        reviewsUpdate({
          path: { review_id: review.id },
          body: {
            version,
            status,
            ...(reason.trim() ? { checks_override_reason: reason.trim() } : {}),
          },
        }),
      );
      setReview(saved);
      setVersion(saved.version);
      setReason("");
      setOutcome({ kind: "saved", status: saved.status });
      onChanged();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const theirs = currentOf(error);
      const blocking = (error.body as { checks?: CheckRead[] }).checks;
      if (error.status === 409 && theirs) {
        setOutcome({
          kind: "conflict",
          message: error.message,
          theirs: theirs as unknown as ReviewRead,
          yourVersion: version,
        });
      } else if (blocking) {
        setOutcome({
          kind: "problems",
          detail: `The review cannot move to ${STATUSES[status].toLowerCase()} while these blocking checks fail. Put them right, or give a reason to override them (lead reviewer only).`,
          problems: blocking.map((check) => ({ field: "override-reason", text: check.message })),
        });
      } else {
        const field = error.status === 403 || reason ? "override-reason" : "status";
        setOutcome({ kind: "problems", problems: [{ field, text: error.message }] });
      }
    } finally {
      setBusy(false);
    }
  }

  const problems = outcome.kind === "problems" ? outcome.problems : [];
  const reasonError =
    outcome.kind === "problems" && outcome.detail
      ? "Put the blocking checks right, or give a reason to override them"
      : problems.find((p) => p.field === "override-reason")?.text;
  const moved = outcome.kind === "saved" && (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
      <div className="govuk-notification-banner__header">
        <h3 className="govuk-notification-banner__title">Success</h3>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{MOVED[outcome.status]}</p>
      </div>
    </div>
  );
  if (!editable) return moved || null;
  return (
    <section aria-labelledby="status-heading">
      <h2 className="govuk-heading-m" id="status-heading">
        Change the status
      </h2>
      {leaveWarning}
      {moved}
      {outcome.kind === "problems" && (
        <ErrorSummary problems={outcome.problems}>
          {outcome.detail && <p className="govuk-body">{outcome.detail}</p>}
        </ErrorSummary>
      )}
      {outcome.kind === "conflict" && (
        <ConflictNotice
          message={outcome.message}
          theirs={outcome.theirs as unknown as Record<string, unknown>}
          yours={{ ...review, status }}
          yourVersion={outcome.yourVersion}
          compared={[{ label: "Status", show: (r) => STATUSES[r.status as ReviewStatus] ?? "" }]}
          onUseTheirs={() => {
            setReview(outcome.theirs);
            setStatus(outcome.theirs.status);
            setVersion(outcome.theirs.version);
            setReason("");
            setOutcome({ kind: "none" });
          }}
          onKeepYours={() => {
            setVersion(outcome.theirs.version);
            setOutcome({ kind: "none" });
          }}
        />
      )}
      <form noValidate onSubmit={submit}>
        <Radios
          id="status"
          label="Status"
          value={status}
          options={Object.entries(STATUSES)}
          error={problems.find((p) => p.field === "status")?.text}
          onChange={(value) => setStatus(value as ReviewStatus)}
        />
        {GATED.includes(status) && (
          <TextArea
            id="override-reason"
            label="Reason to override blocking checks (optional)"
            hint="Only the lead reviewer can give one, and only when blocking checks fail. It is kept with the review."
            rows={3}
            value={reason}
            error={reasonError}
            onChange={setReason}
          />
        )}
        <button type="submit" className="govuk-button" disabled={busy}>
          Change the status
        </button>
      </form>
    </section>
  );
}

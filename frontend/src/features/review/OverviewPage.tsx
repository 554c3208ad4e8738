import { Link, useLocation } from "react-router-dom";

import { ok } from "../../api";
import { graphChecks } from "../../client/sdk.gen";
import { REVIEW_TYPE_ENTRIES, SIZE_ENTRIES } from "../../common/glossary";
import { mayChange, useSession } from "../../common/signedIn";
import { Saved } from "../../common/Saved";
import { Term } from "../../common/Term";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { AGE_BANDS, formatDate, OUTCOMES, STATUS_TAG, STATUSES } from "../../words";
import { ChecksList } from "./ChecksList";
import { QualityMarkers } from "./QualityMarkers";
import { loadContextGroups } from "./contextCodes";
import { useEditable, useReview } from "./ReviewLayout";
import { StatusForm } from "./StatusForm";
import { type TimescaleState, timescales } from "./timescales";
import { RecordTable } from "../../common/RecordTable";

const STATE_TAGS: Record<TimescaleState, [string, string]> = {
  met: ["Met", "govuk-tag--green"],
  missed: ["Missed", "govuk-tag--red"],
  due: ["Due", "govuk-tag--blue"],
  overdue: ["Overdue", "govuk-tag--red"],
  "not-started": ["Not started", "govuk-tag--grey"],
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{term}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function OverviewPage() {
  const session = useSession();
  const { review } = useReview();
  const editable = useEditable();
  const published = review.status === "published";
  const [checks, reloadChecks] = useLoad(
    (signal) => ok(graphChecks({ path: { review_id: review.id }, signal })),
    [review.id, review.version],
  );
  const [groups] = useLoad((signal) => loadContextGroups(signal), []);
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const today = new Date().toISOString().slice(0, 10);
  const codeLabels = new Map(
    (groups.state === "ready" ? groups.data : []).flatMap((group) =>
      group.codes.map((code) => [code.id, code.label] as const),
    ),
  );

  return (
    <>
      <Saved what={saved} />
      <h1 className="govuk-heading-l">Overview</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list" aria-label="About the review">
            <Row term="Reference">{review.reference}</Row>
            <Row term="Child">{review.child_pseudonym}</Row>
            <Row term="Status">
              <strong className={`govuk-tag ${STATUS_TAG[review.status]}`}>{STATUSES[review.status]}</strong>
              {published && review.publication_date && ` on ${formatDate(review.publication_date)}`}
            </Row>
            <Row term="Type of review">
              <Term entry={REVIEW_TYPE_ENTRIES[review.review_type]} />
            </Row>
            <Row term="Learning Together size">
              {review.learning_together_size ? (
                <Term entry={SIZE_ENTRIES[review.learning_together_size]} />
              ) : (
                "Not recorded"
              )}
            </Row>
            <Row term="Child's age">{review.child_age_band ? AGE_BANDS[review.child_age_band] : "Not recorded"}</Row>
            <Row term="Outcome">{review.outcome ? OUTCOMES[review.outcome] : "Not recorded"}</Row>
            <Row term="Period the review looks at">
              {review.scope_start || review.scope_end
                ? `${formatDate(review.scope_start)} to ${formatDate(review.scope_end)}`
                : "Not recorded"}
            </Row>
            <Row term="Case context">
              {review.context_codes.length > 0
                ? review.context_codes.map((code) => codeLabels.get(code) ?? code).join(", ")
                : "Not recorded"}
            </Row>
            {review.case_summary && (
              <Row term="Case summary">
                <span className="scr-pre-line">{review.case_summary}</span>
              </Row>
            )}
            {review.checks_override_reason && (
              <Row term="Blocking checks overridden">
                {review.checks_override_reason} ({review.checks_overridden_by})
              </Row>
            )}
          </dl>
          {editable && (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/reviews/${review.id}/details`}>
                Change the review's details
              </Link>
            </p>
          )}
        </div>
      </div>

      <h2 className="govuk-heading-m">Key dates and timescales</h2>
      <dl className="govuk-summary-list" aria-label="Key dates">
        <Row term="Incident">{formatDate(review.incident_date)}</Row>
        <Row term="Notification">{formatDate(review.notification_date)}</Row>
        <Row term="Rapid review">{formatDate(review.rapid_review_date)}</Row>
        {review.rapid_review_outcome && (
          <Row term="Rapid review's outcome">
            <span className="scr-pre-line">{review.rapid_review_outcome}</span>
          </Row>
        )}
        <Row term="Review started">{formatDate(review.start_date)}</Row>
        <Row term="Published">
          {formatDate(review.publication_date)}
          {!published && review.publication_date && " (the review is not published now)"}
        </Row>
      </dl>
      <RecordTable
        caption="Timescales"
        captionClass="govuk-table__caption--s"
        records={timescales(review, today)}
        rowKey={(step) => step.name}
        columns={[
          { header: "Step", rowHeader: true, cell: (step) => step.name },
          { header: "Timescale", cell: (step) => step.rule },
          { header: "Due by", cell: (step) => (step.due ? formatDate(step.due) : "Not known yet") },
          { header: "Done", cell: (step) => (step.done ? formatDate(step.done) : "Not yet") },
          {
            header: "Met?",
            cell: (step) => (
              <strong className={`govuk-tag ${STATE_TAGS[step.state][1]}`}>{STATE_TAGS[step.state][0]}</strong>
            ),
          },
        ]}
      />
      <p className="govuk-hint">Working days leave out weekends; bank holidays are not taken into account.</p>

      <QualityMarkers />

      <h2 className="govuk-heading-m">Completeness checks</h2>
      <p className="govuk-body">
        What is still missing before the draft. A review moves to draft or published only when no blocking check fails,
        or with its lead reviewer's written reason.
      </p>
      <LoadProblem loaded={checks} what="checks" />
      {checks.state === "ready" && (
        <>
          <ChecksList reviewId={review.id} checks={checks.data.checks} severity="blocking" />
          <ChecksList reviewId={review.id} checks={checks.data.checks} severity="advisory" />
        </>
      )}

      {/* Kept once the review is published, to say so; it offers no move then. */}
      {mayChange(session) && <StatusForm onChanged={reloadChecks} />}
    </>
  );
}

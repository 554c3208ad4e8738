import { Link } from "react-router-dom";

import type { CheckRead } from "../../client/types.gen";

// The records a check names that have a screen of their own, and its address.
const SCREENS: Record<string, string> = { episode: "episodes", factor: "factors", finding: "findings" };

/** A check's records as links, each by the method's name ("Open KPE 3"), not its id. */
function RecordLinks({ reviewId, check }: { reviewId: number; check: CheckRead }) {
  const linked = check.records
    .map((record, index) => ({ record, name: check.names[index] ?? record, kind: record.split(":")[0] }))
    .filter(({ kind }) => kind in SCREENS);
  if (linked.length === 0) return null;
  return (
    <>
      {" "}
      {linked.map(({ record, name, kind }, index) => (
        <span key={`${record}-${index}`}>
          {index > 0 && ", "}
          <Link className="govuk-link" to={`/reviews/${reviewId}/${SCREENS[kind]}/${record.split(":")[1]}`}>
            Open {name}
          </Link>
        </span>
      ))}
    </>
  );
}

/** The completeness checks that fail, blocking or advisory. */
export function ChecksList({
  reviewId,
  checks,
  severity,
}: {
  reviewId: number;
  checks: CheckRead[];
  severity: "blocking" | "advisory";
}) {
  const these = checks.filter((check) => check.severity === severity);
  const heading = severity === "blocking" ? "Blocking checks" : "Advisory checks";
  return (
    <>
      <h3 className="govuk-heading-s">
        {heading}{" "}
        <strong
          className={`govuk-tag ${these.length ? (severity === "blocking" ? "govuk-tag--red" : "govuk-tag--yellow") : "govuk-tag--green"}`}
        >
          {these.length === 0 ? "None failing" : `${these.length} failing`}
        </strong>
      </h3>
      {these.length > 0 && (
        <ul className="govuk-list govuk-list--bullet" aria-label={heading}>
          {these.map((check, index) => (
            <li key={`${check.code}-${index}`}>
              {check.message}
              <RecordLinks reviewId={reviewId} check={check} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

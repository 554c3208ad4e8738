import { Link } from "react-router-dom";

import type { CheckRead } from "../../client/types.gen";

/** A check's records ("episode:12") as links where the workbench has a screen for them. */
function RecordLinks({ reviewId, records }: { reviewId: number; records: string[] }) {
  const episodes = records.filter((record) => record.startsWith("episode:"));
  if (episodes.length === 0) return null;
  return (
    <>
      {" "}
      {episodes.map((record, index) => (
        <span key={record}>
          {index > 0 && ", "}
          <Link className="govuk-link" to={`/reviews/${reviewId}/episodes/${record.split(":")[1]}`}>
            Open the episode<span className="govuk-visually-hidden"> {record.split(":")[1]}</span>
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
        <strong className={`govuk-tag ${these.length ? (severity === "blocking" ? "govuk-tag--red" : "govuk-tag--yellow") : "govuk-tag--green"}`}>
          {these.length === 0 ? "None failing" : `${these.length} failing`}
        </strong>
      </h3>
      {these.length > 0 && (
        <ul className="govuk-list govuk-list--bullet" aria-label={heading}>
          {these.map((check, index) => (
            <li key={`${check.code}-${index}`}>
              {check.message}
              <RecordLinks reviewId={reviewId} records={check.records} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

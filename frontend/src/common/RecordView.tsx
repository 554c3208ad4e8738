import type { ReactNode } from "react";

/** One line of a record read as a document: what it is, and what the record says (or nothing). */
export type ViewRow = [term: string, value: ReactNode];

/**
 * A record as a reader who may not change it reads it (a board member, the national analyst):
 * a document of terms and their values, not greyed-out form fields; it prints as it shows. Text
 * keeps its paragraphs; a field left empty says "Not recorded".
 */
export function RecordView({ rows, label }: { rows: ViewRow[]; label: string }) {
  return (
    <dl className="govuk-summary-list scr-record-view" aria-label={label}>
      {rows.map(([term, value]) => (
        <div className="govuk-summary-list__row" key={term}>
          <dt className="govuk-summary-list__key">{term}</dt>
          <dd className="govuk-summary-list__value scr-record-view__value">
            {value === null || value === undefined || value === "" ? (
              <span className="govuk-hint govuk-!-margin-bottom-0">Not recorded</span>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

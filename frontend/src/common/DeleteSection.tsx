import { type ReactNode, useEffect, useRef, useState } from "react";

import { ErrorSummary, type Problem } from "./ErrorSummary";

/**
 * "Delete this …": a warning button that first asks, saying what goes with the record, and
 * deletes only on "Yes". The caller deletes and reports its problems.
 */
export function DeleteSection({
  what,
  question,
  problems,
  busy,
  onDelete,
}: {
  /** The record in words: "factor", "finding". */
  what: string;
  /** The question, with what goes with the record. */
  question: ReactNode;
  problems: Problem[];
  busy: boolean;
  onDelete: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (asking) box.current?.focus();
  }, [asking]);

  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Delete this {what}</h2>
      <ErrorSummary problems={problems} title={`The ${what} was not deleted`} />
      {!asking ? (
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => setAsking(true)}>
          Delete this {what}
        </button>
      ) : (
        <div className="govuk-warning-text scr-delete-question" ref={box} tabIndex={-1}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {question}
            <div className="govuk-button-group govuk-!-margin-top-4">
              <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={onDelete}>
                Yes, delete the {what}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAsking(false)}>
                No, keep it
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

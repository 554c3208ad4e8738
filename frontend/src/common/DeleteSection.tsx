import type { ReactNode } from "react";

import { AskFirst } from "./AskFirst";
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
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Delete this {what}</h2>
      <ErrorSummary problems={problems} title={`The ${what} was not deleted`} />
      <AskFirst
        button={`Delete this ${what}`}
        question={question}
        yes={`Yes, delete the ${what}`}
        no="No, keep it"
        warning
        busy={busy}
        onYes={onDelete}
      />
    </>
  );
}

import { useEffect, useRef } from "react";

export interface Problem {
  /** The id of the field the problem is about, if any: the summary links to it. */
  field?: string;
  text: string;
}

/** The GOV.UK error summary: focused when it appears, each problem linking to its field. */
export function ErrorSummary({
  problems,
  title = "There is a problem",
  children,
}: {
  problems: Problem[];
  title?: string;
  children?: React.ReactNode;
}) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) summary.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {children}
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((problem, index) => (
              <li key={`${problem.field ?? ""}-${index}`}>
                {problem.field ? <a href={`#${problem.field}`}>{problem.text}</a> : <span>{problem.text}</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

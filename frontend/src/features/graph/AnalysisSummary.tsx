import { Link } from "react-router-dom";

import type { AnalysisRead } from "../../client/types.gen";
import { recordPath } from "./links";

/** The highlights of the drawing in words: the root factors and the feedback loops. */
export function AnalysisSummary({
  reviewId,
  analysis,
  names,
}: {
  reviewId: number;
  analysis: AnalysisRead;
  names: (key: string) => string;
}) {
  const record = (key: string) => (
    <Link className="govuk-link" to={recordPath(reviewId, key)}>
      {names(key)}
    </Link>
  );
  const { loops, more } = analysis.feedback_loops;
  return (
    <div className="govuk-grid-row">
      <section className="govuk-grid-column-one-half" aria-labelledby="root-factors">
        <h2 className="govuk-heading-m" id="root-factors">
          Root factors ({analysis.root_factors.length})
        </h2>
        {analysis.root_factors.length === 0 ? (
          <p className="govuk-body">
            No factor is a root yet: a root factor is influenced by nothing and itself influences or explains something.
          </p>
        ) : (
          <ul className="govuk-list govuk-list--bullet" aria-label="Root factors">
            {analysis.root_factors.map((key) => (
              <li key={key}>{record(key)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="govuk-grid-column-one-half" aria-labelledby="feedback-loops">
        <h2 className="govuk-heading-m" id="feedback-loops">
          Feedback loops ({loops.length}
          {more ? " or more" : ""})
        </h2>
        {loops.length === 0 ? (
          <p className="govuk-body">No factors influence each other in a circle.</p>
        ) : (
          <ol className="govuk-list govuk-list--number" aria-label="Feedback loops">
            {loops.map((loop) => (
              <li key={loop.join(" ")}>
                {loop.map((key) => (
                  <span key={key}>{record(key)} influenced </span>
                ))}
                {record(loop[0])} again.
              </li>
            ))}
          </ol>
        )}
        {more && <p className="govuk-body">There are more loops than are listed here.</p>}
      </section>
    </div>
  );
}

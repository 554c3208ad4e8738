import { Link, useLocation } from "react-router-dom";

import { RecordTable } from "../../common/RecordTable";
import { Saved } from "../../common/Saved";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { recordPath } from "../graph/links";
import { useEditable, useReview } from "../review/ReviewLayout";
import { linksOf } from "./factorForm";
import "./factors.css";
import { levelLabel } from "./levels";
import { loadLinkedRecords, nameOf } from "./records";

/** The review's contributory factors: what each is, its level, and what it is linked to. */
export function FactorsPage() {
  const { review } = useReview();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [loaded] = useLoad((signal) => loadLinkedRecords(review.id, signal), [review.id]);
  const editable = useEditable();

  return (
    <>
      <Saved what={saved} />
      <h1 className="govuk-heading-l">Contributory factors</h1>
      <p className="govuk-body">
        The features of the system that made the practice in the episodes more (or less) likely, at Learning Together's
        levels from the family to the wider political context. Link them to the episodes they explain and to each other
        in the{" "}
        <Link className="govuk-link" to={`/reviews/${review.id}/graph`}>
          causal graph
        </Link>
        .
      </p>
      {editable && (
        <Link className="govuk-button" to={`/reviews/${review.id}/factors/new`}>
          Add a factor
        </Link>
      )}
      <LoadProblem loaded={loaded} what="contributory factors" />
      {loaded.state === "ready" && loaded.data.factors.length === 0 && (
        <p className="govuk-body">No contributory factors have been added yet.</p>
      )}
      {loaded.state === "ready" && loaded.data.factors.length > 0 && (
        <RecordTable
          caption="Factors"
          records={loaded.data.factors}
          columns={[
            {
              header: "Factor",
              headerClass: "scr-factors__description",
              cell: (factor) => (
                <Link className="govuk-link" to={`/reviews/${review.id}/factors/${factor.id}`}>
                  {factor.name}: {factor.description}
                </Link>
              ),
            },
            { header: "Level", cell: (factor) => levelLabel(factor.level) },
            {
              header: "Linked to",
              cell: (factor) => {
                const linked = linksOf(`factor:${factor.id}`, loaded.data.links);
                return linked.length === 0 ? (
                  <strong className="govuk-tag govuk-tag--grey">Not linked yet</strong>
                ) : (
                  <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                    {linked.map(({ link, verb, other }) => (
                      <li key={link.id}>
                        {verb}{" "}
                        <Link className="govuk-link" to={recordPath(review.id, other)}>
                          {nameOf(loaded.data.records, other)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                );
              },
            },
          ]}
        />
      )}
    </>
  );
}

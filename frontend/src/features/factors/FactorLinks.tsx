import { Link } from "react-router-dom";

import type { LinkRead } from "../../client/types.gen";
import { recordPath } from "../graph/links";
import { linksOf } from "./factorForm";
import { type GraphRecord, nameOf } from "./records";

/** What a factor is linked to in the causal graph, read from the factor. */
export function FactorLinks({
  reviewId,
  factorKey,
  links,
  records,
}: {
  reviewId: number;
  factorKey: string;
  links: LinkRead[];
  records: Map<string, GraphRecord>;
}) {
  const linked = linksOf(factorKey, links);
  const graph = (
    <Link className="govuk-link" to={`/reviews/${reviewId}/graph`}>
      causal graph
    </Link>
  );
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Links</h2>
      {linked.length === 0 ? (
        <p className="govuk-body">
          This factor is not linked to anything yet: link it to the episodes it explains in the {graph}.
        </p>
      ) : (
        <>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Links of this factor</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Link
                </th>
                <th scope="col" className="govuk-table__header">
                  Record
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {linked.map(({ link, verb, other }) => (
                <tr className="govuk-table__row" key={link.id}>
                  <td className="govuk-table__cell scr-nowrap">{verb}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={recordPath(reviewId, other)}>
                      {nameOf(records, other)}
                    </Link>
                    {link.evidence_note && (
                      <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                        {link.evidence_note}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body">Add and remove links in the {graph}.</p>
        </>
      )}
    </>
  );
}

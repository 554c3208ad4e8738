import { Link } from "react-router-dom";

import type { LinkRead } from "../../client/types.gen";
import { recordPath } from "../graph/links";
import { linksOf } from "./factorForm";
import { type GraphRecord, nameOf } from "./records";
import { RecordTable } from "../../common/RecordTable";

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
          <RecordTable
            caption="Links of this factor"
            captionClass="govuk-visually-hidden"
            records={linked}
            rowKey={({ link }) => link.id}
            columns={[
              { header: "Link", cellClass: "scr-nowrap", cell: ({ verb }) => verb },
              {
                header: "Record",
                cell: ({ link, other }) => (
                  <>
                    <Link className="govuk-link" to={recordPath(reviewId, other)}>
                      {nameOf(records, other)}
                    </Link>
                    {link.evidence_note && (
                      <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                        {link.evidence_note}
                      </span>
                    )}
                  </>
                ),
              },
            ]}
          />
          <p className="govuk-body">Add and remove links in the {graph}.</p>
        </>
      )}
    </>
  );
}

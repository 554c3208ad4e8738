import { Link, useLocation } from "react-router-dom";

import { everything, ok } from "../../api";
import { findingsList, linksList } from "../../client/sdk.gen";
import type { FindingRead } from "../../client/types.gen";
import { RecordTable } from "../../common/RecordTable";
import { Saved } from "../../common/Saved";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { loadCodes } from "../../typology";
import { useEditable, useReview } from "../review/ReviewLayout";
import { evidenceOf, evidenceSummary, findingKey } from "./evidence";
import "./findings.css";
import { PATTERN_KIND_TAG, PATTERN_KINDS } from "./findingWords";

function questionsCell(finding: FindingRead) {
  const answered = finding.questions.filter((q) => q.board_response?.trim()).length;
  if (finding.questions.length === 0) return <strong className="govuk-tag govuk-tag--grey">None yet</strong>;
  return (
    <>
      {finding.questions.length}
      {answered > 0 && (
        <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{answered} answered</span>
      )}
    </>
  );
}

/** The review's systemic findings in order, with their questions for the Board and evidence. */
export function FindingsPage() {
  const { review } = useReview();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [loaded] = useLoad(
    async (signal) => {
      const path = { review_id: review.id };
      const [findings, links, codes] = await Promise.all([
        everything((offset) => ok(findingsList({ path, query: { limit: 200, offset }, signal }))),
        everything((offset) => ok(linksList({ path, query: { limit: 200, offset }, signal }))),
        loadCodes("finding", signal),
      ]);
      return { findings, links, labels: codes.labels };
    },
    [review.id],
  );
  const editable = useEditable();

  return (
    <>
      <Saved what={saved} />
      <h1 className="govuk-heading-l">Findings</h1>
      <p className="govuk-body">
        The review's systemic findings: what the case shows about the system, the episodes and factors each rests on,
        why it is not peculiar to this case, and the questions it puts to the Board. Before the draft report, every
        finding needs evidence and at least one question for the Board.
      </p>
      {editable && (
        <Link className="govuk-button" to={`/reviews/${review.id}/findings/new`}>
          Add a finding
        </Link>
      )}
      <LoadProblem loaded={loaded} what="findings" />
      {loaded.state === "ready" && loaded.data.findings.length === 0 && (
        <p className="govuk-body">No findings have been added yet.</p>
      )}
      {loaded.state === "ready" && loaded.data.findings.length > 0 && (
        <RecordTable
          caption="Findings in the report's order"
          records={loaded.data.findings}
          columns={[
            { header: "Number", cell: (finding) => finding.ordinal },
            {
              header: "Finding",
              headerClass: "scr-findings__title",
              cell: (finding) => (
                <Link className="govuk-link" to={`/reviews/${review.id}/findings/${finding.id}`}>
                  {finding.title}
                </Link>
              ),
            },
            {
              header: "Pattern",
              cell: (finding) => (
                <>
                  <strong className={`govuk-tag ${PATTERN_KIND_TAG[finding.pattern_kind]}`}>
                    {PATTERN_KINDS[finding.pattern_kind]}
                  </strong>
                  {finding.category && (
                    <span className="govuk-!-display-block govuk-!-margin-top-1">
                      {loaded.data.labels.get(finding.category) ?? finding.category}
                    </span>
                  )}
                </>
              ),
            },
            { header: "Questions for the Board", numeric: true, cell: questionsCell },
            {
              header: "Evidence in this case",
              cellClass: "scr-nowrap",
              cell: (finding) =>
                evidenceSummary(evidenceOf(findingKey(finding.id), loaded.data.links)) || (
                  <strong className="govuk-tag govuk-tag--grey">No evidence yet</strong>
                ),
            },
          ]}
        />
      )}
    </>
  );
}

import { useState } from "react";
import { useNavigate } from "react-router-dom";

import { ApiError, everything, ok } from "../../api";
import { findingsDelete, linksList } from "../../client/sdk.gen";
import type { FindingRead } from "../../client/types.gen";
import { DeleteSection } from "../../common/DeleteSection";
import type { Problem } from "../../common/ErrorSummary";
import { type GraphRecord, nameOf } from "../factors/records";
import { type EvidenceItem, evidenceOf, findingKey } from "./evidence";

/**
 * Delete a finding, after a question that names the evidence links that go with it. Only the
 * links shown go: if someone linked evidence to the finding since, nothing is deleted and the
 * evidence shown is brought up to date for a second look.
 */
export function DeleteFinding({
  finding,
  evidence,
  records,
  onEvidenceChanged,
  beforeLeaving,
}: {
  finding: FindingRead;
  evidence: EvidenceItem[];
  records: Map<string, GraphRecord>;
  onEvidenceChanged: (evidence: EvidenceItem[]) => void;
  beforeLeaving: () => void;
}) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const path = { review_id: finding.review_id, finding_id: finding.id };

  async function remove() {
    setBusy(true);
    setProblems([]);
    try {
      const key = findingKey(finding.id);
      const now = await everything((offset) =>
        ok(linksList({ path: { review_id: finding.review_id }, query: { node: key, limit: 200, offset } })),
      );
      const shown = evidence.map((item) => item.id).sort((a, b) => Number(a) - Number(b));
      const current = now.map((link) => link.id).sort((a, b) => a - b);
      if (JSON.stringify(shown) !== JSON.stringify(current)) {
        setProblems([
          {
            text: "Someone changed the evidence of this finding since you opened it. Check the evidence and try again.",
          },
        ]);
        onEvidenceChanged(evidenceOf(key, now));
        return;
      }
      await ok(findingsDelete({ path, query: { cascade: evidence.length > 0 } }));
      beforeLeaving();
      navigate(`/reviews/${finding.review_id}/findings`, {
        state: { saved: `Finding ${finding.ordinal} was deleted.` },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems([{ text: error.message }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <DeleteSection
      what="finding"
      problems={problems}
      busy={busy}
      onDelete={() => void remove()}
      question={
        <>
          Delete finding {finding.ordinal}? Its questions for the Board, with the Board's responses and actions, and its
          typology tags go with it.
          {evidence.length > 0 && (
            <>
              {" "}
              {evidence.length === 1 ? "Its evidence link is" : `Its ${evidence.length} evidence links are`} removed too
              (the records themselves stay):
              <ul className="govuk-list govuk-list--bullet govuk-body">
                {evidence.map((item) => (
                  <li key={item.target}>{nameOf(records, item.target)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      }
    />
  );
}

import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";

import { ApiError, everything, ok } from "../../api";
import { findingsDelete, linksList } from "../../client/sdk.gen";
import type { FindingRead } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
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
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const question = useRef<HTMLDivElement>(null);
  const path = { review_id: finding.review_id, finding_id: finding.id };

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

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
          { text: "Someone changed the evidence of this finding since you opened it. Check the evidence and try again." },
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
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Delete this finding</h2>
      <ErrorSummary problems={problems} title="The finding was not deleted" />
      {!asking ? (
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => setAsking(true)}>
          Delete this finding
        </button>
      ) : (
        <div className="govuk-warning-text scr-findings__delete-question" ref={question} tabIndex={-1}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Delete finding {finding.ordinal}? Its questions for the Board, with the Board's responses and
            actions, and its typology tags go with it.
            {evidence.length > 0 && (
              <>
                {" "}
                {evidence.length === 1 ? "Its evidence link is" : `Its ${evidence.length} evidence links are`} removed
                too (the records themselves stay):
                <ul className="govuk-list govuk-list--bullet govuk-body">
                  {evidence.map((item) => (
                    <li key={item.target}>{nameOf(records, item.target)}</li>
                  ))}
                </ul>
              </>
            )}
            <div className="govuk-button-group govuk-!-margin-top-4">
              <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={remove}>
                Yes, delete the finding
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

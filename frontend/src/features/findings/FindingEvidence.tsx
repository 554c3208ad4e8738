import { useState } from "react";
import { Link } from "react-router-dom";

import { ApiError, ok } from "../../api";
import { linksCreate, linksDelete } from "../../client/sdk.gen";
import type { Problem } from "../../common/ErrorSummary";
import { Select, TextArea } from "../../common/fields";
import { quoted } from "../../words";
import { type GraphRecord, nameOf } from "../factors/records";
import { NODE_KINDS, kindOfKey, recordPath } from "../graph/links";
import { type EvidenceItem, evidenceChoices } from "./evidence";
import { RecordTable } from "../../common/RecordTable";

/**
 * How the finding appeared in this case: the episodes and factors it rests on. For a saved
 * finding each is an `evidenced_by` link, added or removed at once; for a new one they are
 * kept until the finding is added, then linked.
 */
export function FindingEvidence({
  reviewId,
  finding,
  items,
  onItems,
  records,
  editable,
  errorOf,
  onProblems,
}: {
  reviewId: number;
  /** The finding's graph key, or null while it is new. */
  finding: string | null;
  items: EvidenceItem[];
  onItems: (items: EvidenceItem[]) => void;
  records: Map<string, GraphRecord>;
  editable: boolean;
  errorOf: (field: string) => string | undefined;
  onProblems: (problems: Problem[]) => void;
}) {
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");
  const choices = evidenceChoices(records, items);
  const name = (key: string) => nameOf(records, key);
  const noted = items.some((item) => item.note);

  async function add() {
    setDone("");
    if (!target) {
      onProblems([{ field: "evidence", text: "Choose the episode or factor that is evidence for the finding" }]);
      return;
    }
    const evidence_note = note.trim() || null;
    if (!finding) {
      onItems([...items, { id: null, target, note: evidence_note }]);
    } else {
      setBusy(true);
      try {
        const link = await ok(
          linksCreate({
            path: { review_id: reviewId },
            body: { kind: "evidenced_by", source: finding, target, evidence_note },
          }),
        );
        onItems([...items, { id: link.id, target: link.target, note: link.evidence_note }]);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        onProblems([{ field: "evidence", text: error.message }]);
        return;
      } finally {
        setBusy(false);
      }
    }
    onProblems([]);
    setDone(
      `${quoted(name(target))} was ${finding ? "linked as evidence" : "added to the evidence; it is linked when you add the finding"}.`,
    );
    setTarget("");
    setNote("");
  }

  async function remove(item: EvidenceItem) {
    setAsking(null);
    setDone("");
    if (item.id !== null) {
      setBusy(true);
      try {
        await ok(linksDelete({ path: { review_id: reviewId, link_id: item.id } }));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // Someone removed it already: it is gone either way.
        if (error.status !== 404) {
          onProblems([{ field: "evidence", text: error.message }]);
          return;
        }
      } finally {
        setBusy(false);
      }
    }
    onItems(items.filter((x) => x !== item));
    onProblems([]);
    setDone(`${quoted(name(item.target))} is no longer evidence for this finding.`);
  }

  return (
    <>
      <h3 className="govuk-heading-s">The episodes and factors it rests on</h3>
      <p className="govuk-hint">
        The key practice episodes and contributory factors that show the pattern in this case. Every finding needs at
        least one.{" "}
        {editable &&
          (finding
            ? "Evidence is linked or removed at once; it does not wait for ‘Save the changes’."
            : "The evidence is linked when you add the finding.")}
      </p>
      {items.length === 0 ? (
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--grey">No evidence yet</strong>
        </p>
      ) : (
        <RecordTable
          caption="Evidence for this finding"
          captionClass="govuk-visually-hidden"
          records={items}
          rowKey={(item) => item.target}
          columns={[
            {
              header: "Record",
              cell: (item) => (
                <>
                  <span className="govuk-caption-m scr-findings__kind">{NODE_KINDS[kindOfKey(item.target)]}</span>
                  {item.id !== null ? (
                    <Link className="govuk-link" to={recordPath(reviewId, item.target)}>
                      {name(item.target)}
                    </Link>
                  ) : (
                    name(item.target)
                  )}
                </>
              ),
            },
            {
              header: "How it shows the finding",
              shown: noted,
              cellClass: "scr-pre-line",
              cell: (item) => item.note ?? "",
            },
            {
              header: <span className="govuk-visually-hidden">Remove</span>,
              shown: editable,
              cell: (item) =>
                asking === item.target ? (
                  <div className="govuk-button-group govuk-!-margin-bottom-0">
                    <button
                      type="button"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      disabled={busy}
                      onClick={() => void remove(item)}
                    >
                      {"Yes, remove "}
                      <span className="govuk-visually-hidden">{name(item.target)}</span>
                    </button>
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => setAsking(null)}
                    >
                      {"Keep "}
                      <span className="govuk-visually-hidden">{name(item.target)}</span>
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => setAsking(item.target)}
                  >
                    {"Remove "}
                    <span className="govuk-visually-hidden">{name(item.target)} from the evidence</span>
                  </button>
                ),
            },
          ]}
        />
      )}
      {done && (
        <p className="govuk-body govuk-!-font-weight-bold" role="status">
          {done}
        </p>
      )}
      {editable &&
        (choices.length > 0 ? (
          <div className="scr-findings__add-evidence">
            <Select
              className="scr-findings__select"
              id="evidence"
              label="Add an episode or factor as evidence"
              value={target}
              groups={choices}
              empty="Choose an episode or factor"
              error={errorOf("evidence")}
              onChange={setTarget}
            />
            <TextArea
              id="evidence-note"
              label="How it shows the finding (optional)"
              rows={2}
              value={note}
              onChange={setNote}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={busy}
              onClick={() => void add()}
            >
              Add as evidence
            </button>
          </div>
        ) : (
          <p className="govuk-body">
            {records.size === 0 || [...records.values()].every((r) => r.kind === "finding") ? (
              <>
                The review has no episodes or factors to cite yet:{" "}
                <Link className="govuk-link" to={`/reviews/${reviewId}/episodes/new`}>
                  add an episode
                </Link>{" "}
                or{" "}
                <Link className="govuk-link" to={`/reviews/${reviewId}/factors/new`}>
                  a factor
                </Link>
                .
              </>
            ) : (
              "Every episode and factor of the review is already evidence for this finding."
            )}
          </p>
        ))}
    </>
  );
}

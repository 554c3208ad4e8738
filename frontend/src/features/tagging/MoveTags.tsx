import { useState } from "react";

import { ok } from "../../api";
import { tagsMigrationApply, tagsMigrationPreview, typologiesRead } from "../../client/sdk.gen";
import type { TagMigrationPreview, TagRead } from "../../client/types.gen";
import { ErrorSummary } from "../../common/ErrorSummary";
import { codeIndex } from "./codes";
import type { Typology } from "./codes";
import { targetName, type TagTarget } from "./targets";
import { RecordTable } from "../../common/RecordTable";

type Labels = Map<string, string>;

/**
 * The review's tags made under an older version of the typology, moved to the current one:
 * a preview of where each lands, a choice for each tag whose code was split, then the move.
 * Shown to the lead reviewer while any tag is under an older version.
 */
export function MoveTags({
  reviewId,
  tags,
  typology,
  targets,
  onMoved,
}: {
  reviewId: number;
  tags: TagRead[];
  typology: Typology;
  targets: Map<string, TagTarget>;
  onMoved: (message: string) => void;
}) {
  const current = typology.tree.version;
  const older = [...new Set(tags.filter((tag) => tag.typology_version !== current).map((t) => t.typology_version))];
  const [preview, setPreview] = useState<{ moves: TagMigrationPreview; labels: Labels } | null>(null);
  const [choices, setChoices] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (older.length === 0) return null;
  const count = tags.length - tags.filter((tag) => tag.typology_version === current).length;

  async function look() {
    setBusy(true);
    setProblem(null);
    try {
      const [moves, ...trees] = await Promise.all([
        ok(tagsMigrationPreview({ path: { review_id: reviewId }, query: { to_version: current } })),
        ...older.map((version) => ok(typologiesRead({ path: { version } }))),
      ]);
      const labels: Labels = new Map();
      for (const tree of [...trees, typology.tree]) {
        for (const [code, node] of codeIndex(tree.codes)) labels.set(code, node.label);
      }
      setPreview({ moves, labels });
      setChoices({});
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function move() {
    if (!preview) return;
    const unchosen = preview.moves.moves.filter((m) => m.needs_choice && !m.dropped && !choices[m.tag_id]);
    if (unchosen.length > 0) {
      setProblem(
        `Choose where ${unchosen.length === 1 ? "the split tag goes" : `each of the ${unchosen.length} split tags go`} before moving.`,
      );
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const chosen = Object.entries(choices).map(([tag_id, code]) => ({ tag_id: Number(tag_id), code }));
      await ok(tagsMigrationApply({ path: { review_id: reviewId }, body: { to_version: current, choices: chosen } }));
      setPreview(null);
      onMoved(`The review's tags are moved to typology version ${current}.`);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const label = (code: string) => `${preview?.labels.get(code) ?? code} (${code})`;
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="move-tags">
      <h2 className="govuk-heading-m" id="move-tags">
        Move the tags to typology version {current}
      </h2>
      <p className="govuk-body">
        {count === 1 ? "One tag is" : `${count} tags are`} under version {older.join(", ")}. Tags under an older version
        still count, through the published mapping; moving them makes the review's coding that of version {current}. You
        see where each tag goes before anything moves.
      </p>
      {problem && <ErrorSummary problems={[{ text: problem }]} />}
      {!preview ? (
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={look}>
          Preview the move
        </button>
      ) : (
        <>
          <RecordTable
            caption="Where each tag goes"
            captionClass="govuk-table__caption--s"
            records={preview.moves.moves}
            rowKey={(m) => m.tag_id}
            columns={[
              { header: "Record", cell: (m) => targetName(targets, m.target) },
              { header: "Coder", cell: (m) => (m.agreed ? "Agreed" : m.coder) },
              { header: "Code now", cell: (m) => label(m.from_code) },
              {
                header: <>In version {current}</>,
                cell: (m) =>
                  m.dropped ? (
                    `Dropped: the code has no successor${m.note ? ` (${m.note})` : ""}`
                  ) : m.needs_choice ? (
                    <fieldset className="govuk-fieldset">
                      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                        The code was split: choose one
                      </legend>
                      <div className="govuk-radios govuk-radios--small">
                        {m.to_codes.map((code) => (
                          <div className="govuk-radios__item" key={code}>
                            <input
                              className="govuk-radios__input"
                              type="radio"
                              id={`move-${m.tag_id}-${code}`}
                              name={`move-${m.tag_id}`}
                              checked={choices[m.tag_id] === code}
                              onChange={() => setChoices({ ...choices, [m.tag_id]: code })}
                            />
                            <label className="govuk-label govuk-radios__label" htmlFor={`move-${m.tag_id}-${code}`}>
                              {label(code)}
                            </label>
                          </div>
                        ))}
                      </div>
                    </fieldset>
                  ) : m.to_codes[0] === m.from_code ? (
                    "Unchanged"
                  ) : (
                    label(m.to_codes[0])
                  ),
              },
            ]}
          />
          {preview.moves.dropped > 0 && (
            <p className="govuk-body">
              {preview.moves.dropped === 1 ? "One tag is" : `${preview.moves.dropped} tags are`} dropped: version{" "}
              {current} has no code to carry {preview.moves.dropped === 1 ? "it" : "them"}.
            </p>
          )}
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" disabled={busy} onClick={move}>
              Move the tags to version {current}
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={busy}
              onClick={() => setPreview(null)}
            >
              Cancel
            </button>
          </div>
        </>
      )}
    </section>
  );
}

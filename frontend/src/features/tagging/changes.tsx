// What changed between versions of the typology, as the typology browser shows it.

import { Link } from "react-router-dom";

import type { CodeChange, TypologyChanges } from "../../client/types.gen";
import { RecordTable } from "../../common/RecordTable";

export const CHANGE_WORDS: Record<CodeChange["kind"], string> = {
  added: "Added",
  retired: "Retired (no successor)",
  merged: "Merged",
  split: "Split",
  deprecated: "Deprecated",
  renamed: "Renamed or moved",
  redefined: "Redefined",
  relabelled: "Relabelled",
};

/** What a change that replaces a code by nothing means for it. */
const IN_PLACE: Partial<Record<CodeChange["kind"], string>> = {
  retired: "No successor",
  deprecated: "The same code, kept for old tags",
  redefined: "The same code, redefined",
};

/** The changes each version made to the one before, by the version they made. */
export type History = TypologyChanges[];

/** The codes of the version before that `code` carries on (merged, split, renamed into it). */
export function formerly(history: History, version: string, code: string): { change: CodeChange; from: string }[] {
  const into = history.find((h) => h.to_version === version);
  if (!into?.from_version) return [];
  const from = into.from_version;
  return into.changes
    .filter((c) => c.from_code && c.from_code !== code && c.to.some((t) => t.id === code))
    .map((change) => ({ change, from }));
}

/** What became of `code` in the version after `version`, if it changed. */
export function replacedBy(history: History, version: string, code: string): { change: CodeChange; to: string } | null {
  const next = history.find((h) => h.from_version === version);
  const change = next?.changes.find((c) => c.from_code === code && c.kind !== "added");
  return next && change ? { change, to: next.to_version } : null;
}

/** The summary of what a version changed from the one before, in a GOV.UK details element. */
export function VersionChanges({
  history,
  version,
  linkTo,
}: {
  history: History;
  version: string;
  linkTo: (changes: Record<string, string | null>) => string;
}) {
  const into = history.find((h) => h.to_version === version);
  if (!into?.from_version) return <p className="govuk-body-s">The first version of the typology.</p>;
  const from = into.from_version;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          What changed from version {from} ({into.changes.length} {into.changes.length === 1 ? "change" : "changes"})
        </span>
      </summary>
      <div className="govuk-details__text">
        <RecordTable
          caption={
            <>
              Version {version} against {from}: tags under {from} still count, through the mapping
            </>
          }
          captionClass="govuk-table__caption--s"
          records={into.changes}
          rowKey={(c, index) => `${c.kind}-${c.from_code}-${index}`}
          columns={[
            {
              header: "Change",
              cell: (c) => (
                <>
                  {CHANGE_WORDS[c.kind]}
                  {c.note && <p className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">{c.note}</p>}
                </>
              ),
            },
            {
              header: <>In {from}</>,
              cell: (c) =>
                c.from_code ? (
                  <Link className="govuk-link" to={linkTo({ version: from, code: c.from_code })}>
                    {c.from_label ?? c.from_code}
                  </Link>
                ) : (
                  "—"
                ),
            },
            {
              header: <>In {version}</>,
              cell: (c) =>
                c.to.length === 0
                  ? (IN_PLACE[c.kind] ?? "No successor")
                  : c.to.map((t, i) => (
                      <span key={t.id}>
                        {i > 0 && " or "}
                        <Link className="govuk-link" to={linkTo({ version, code: t.id })}>
                          {t.label}
                        </Link>
                      </span>
                    )),
            },
          ]}
        />
      </div>
    </details>
  );
}

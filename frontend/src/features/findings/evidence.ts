// A finding's evidence in this case: the episodes and factors it rests on, each an
// `evidenced_by` link from the finding (shared/design.md, "The review graph").

import type { LinkRead } from "../../client/types.gen";
import type { OptionGroup } from "../../common/fields";
import { plural } from "../../words";
import type { GraphRecord } from "../factors/records";

export interface EvidenceItem {
  /** The link's id, or null while it waits for the new finding to be added. */
  id: number | null;
  /** The episode or factor, as a graph key ("episode:3"). */
  target: string;
  note: string | null;
}

export const findingKey = (id: number) => `finding:${id}`;

/** The evidence links from one finding, in the order they were made. */
export function evidenceOf(key: string, links: LinkRead[]): EvidenceItem[] {
  return links
    .filter((link) => link.kind === "evidenced_by" && link.source === key)
    .sort((a, b) => a.id - b.id)
    .map((link) => ({ id: link.id, target: link.target, note: link.evidence_note }));
}

/** The episodes and factors not yet evidence for the finding, in a group each. */
export function evidenceChoices(records: Map<string, GraphRecord>, taken: EvidenceItem[]): OptionGroup[] {
  const used = new Set(taken.map((item) => item.target));
  const free = [...records.values()].filter((record) => !used.has(record.key));
  const groups: OptionGroup[] = [
    {
      label: "Key practice episodes",
      options: free.filter((r) => r.kind === "episode").map((r) => ({ value: r.key, label: r.label })),
    },
    {
      label: "Contributory factors",
      options: free.filter((r) => r.kind === "factor").map((r) => ({ value: r.key, label: r.label })),
    },
  ];
  return groups.filter((group) => group.options.length > 0);
}

/** "2 episodes, 1 factor", or "" when there is none. */
export function evidenceSummary(items: Pick<EvidenceItem, "target">[]): string {
  const episodes = items.filter((item) => item.target.startsWith("episode:")).length;
  const factors = items.filter((item) => item.target.startsWith("factor:")).length;
  return [episodes ? plural(episodes, "episode", "episodes") : "", factors ? plural(factors, "factor", "factors") : ""]
    .filter(Boolean)
    .join(", ");
}

// What the patterns screen asks of the service: the figures of a view, and what the filters
// offer (partnerships, typology versions, case-context codes).

import { everything, ok } from "../../api";
import {
  boardsList,
  patternsChains,
  patternsCooccurrence,
  patternsFrequencies,
  patternsTrends,
  typologiesList,
  typologiesRead,
} from "../../client/sdk.gen";
import type { BoardRead, Chains, Cooccurrence, Frequencies, Trends, TypologySummary, TypologyTree } from "../../client/types.gen";
import { apiQuery, type PatternFilters } from "./filters";

const PAGE = 200;

export interface Figures {
  frequencies: Frequencies;
  trends: Trends;
  cooccurrence: Cooccurrence;
  chains: Chains;
}

/** Every page of a pattern list, kept with the first page's disclosure figures. */
async function allPages<T extends { items: unknown[]; total: number }>(fetchPage: (offset: number) => Promise<T>): Promise<T> {
  const first = await fetchPage(0);
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await fetchPage(items.length);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { ...first, items };
}

/**
 * The four figures of a view, asked for at once. Codes are few (every one is fetched); pairs
 * and chains can run to thousands, so only the first page of each comes, largest first.
 */
export async function loadFigures(filters: PatternFilters, minSupport: number, signal: AbortSignal): Promise<Figures> {
  const query = apiQuery(filters);
  const [frequencies, trends, cooccurrence, chains] = await Promise.all([
    allPages((offset) => ok(patternsFrequencies({ query: { ...query, limit: PAGE, offset }, signal }))),
    allPages((offset) => ok(patternsTrends({ query: { ...query, limit: PAGE, offset }, signal }))),
    ok(patternsCooccurrence({ query: { ...query, min_support: minSupport, limit: PAGE }, signal })) as Promise<Cooccurrence>,
    ok(patternsChains({ query: { ...query, min_support: minSupport, limit: PAGE }, signal })),
  ]);
  return { frequencies, trends, cooccurrence, chains };
}

export interface Choices {
  boards: BoardRead[];
  versions: TypologySummary[];
  /** The typology the filters count in, or null when the version asked for is unknown. */
  typology: TypologyTree | null;
}

/** What the filters offer: the partnerships you may see, the typology versions and codes. */
export async function loadChoices(version: string, signal: AbortSignal): Promise<Choices> {
  const [boards, versions] = await Promise.all([
    everything((offset) => ok(boardsList({ query: { limit: PAGE, offset }, signal }))),
    ok(typologiesList({ signal })),
  ]);
  const wanted = version || versions.items.find((v) => v.current)?.version || versions.items[0]?.version;
  const typology = wanted ? await ok(typologiesRead({ path: { version: wanted }, signal })).catch(() => null) : null;
  return { boards, versions: versions.items, typology };
}

/** Each code's label, from the typology and from the figures (which carry their own). */
export function codeLabels(choices: Choices | null, figures: Figures): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (nodes: TypologyTree["codes"]) =>
    nodes.forEach((node) => {
      labels.set(node.id, node.label);
      visit(node.children);
    });
  if (choices?.typology && choices.typology.version === figures.frequencies.version) visit(choices.typology.codes);
  for (const item of [...figures.frequencies.items, ...figures.trends.items]) labels.set(item.code, item.label);
  return labels;
}

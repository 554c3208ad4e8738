// What the patterns screen asks of the service: the figures of a view, and what the filters
// offer (partnerships, typology versions, case-context codes).

import { ApiError, everything, ok } from "../../api";
import {
  boardsList,
  patternsChains,
  patternsCooccurrence,
  patternsFrequencies,
  patternsTrends,
  typologiesList,
  typologiesRead,
} from "../../client/sdk.gen";
import type {
  BoardRead,
  Chains,
  Cooccurrence,
  ErrorBody,
  Frequencies,
  Trends,
  TypologySummary,
  TypologyTree,
} from "../../client/types.gen";
import { apiQuery, type PatternFilters } from "./filters";

const PAGE = 200;

export interface Figures {
  frequencies: Frequencies;
  trends: Trends;
  cooccurrence: Cooccurrence;
  chains: Chains;
}

/** Every page of a pattern list, kept with the first page's disclosure figures. */
async function allPages<T extends { items: unknown[]; total: number }>(
  fetchPage: (offset: number) => Promise<T>,
): Promise<T> {
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
    ok(
      patternsCooccurrence({ query: { ...query, min_support: minSupport, limit: PAGE }, signal }),
    ) as Promise<Cooccurrence>,
    ok(patternsChains({ query: { ...query, min_support: minSupport, limit: PAGE }, signal })),
  ]);
  return { frequencies, trends, cooccurrence, chains };
}

/** The service's answer when it refuses the filters (422). */
export interface Refused {
  refused: ErrorBody;
}

/** The figures of a view, or the service's refusal of its filters in its own words. */
export async function loadView(
  filters: PatternFilters,
  minSupport: number,
  signal: AbortSignal,
): Promise<Figures | Refused> {
  try {
    return await loadFigures(filters, minSupport, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) return { refused: error.body };
    throw error;
  }
}

export interface Choices {
  boards: BoardRead[];
  versions: TypologySummary[];
  /** The years of the reviews counted with no filter: the lattice offers a year or a period of them. */
  years: number[];
  /** The typology the filters count in, or null when the version asked for is unknown. */
  typology: TypologyTree | null;
}

/** What the filters offer: the partnerships you may see, the typology versions and codes, the years. */
export async function loadChoices(version: string, signal: AbortSignal): Promise<Choices> {
  const [boards, versions, years] = await Promise.all([
    everything((offset) => ok(boardsList({ query: { limit: PAGE, offset }, signal }))),
    ok(typologiesList({ signal })),
    // Only the head of the answer is wanted; without years the form offers the current one.
    ok(patternsTrends({ query: { version: version || undefined, limit: 1 }, signal }))
      .then((trends) => trends.years)
      .catch(() => [] as number[]),
  ]);
  const wanted = version || versions.items.find((v) => v.current)?.version || versions.items[0]?.version;
  const typology = wanted ? await ok(typologiesRead({ path: { version: wanted }, signal })).catch(() => null) : null;
  return { boards, versions: versions.items, typology, years };
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

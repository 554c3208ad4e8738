// The review graph's kinds of link and the rules that say which records each may join
// (shared/design.md, "The review graph"; the service checks the same rules in scr/link).

import type { LinkKind } from "../../client/types.gen";

export type NodeKind = "episode" | "factor" | "finding";

/** For each kind of link: the kind of record it starts from and the kinds it may point to. */
export const LINK_RULES: Record<LinkKind, { from: NodeKind; to: NodeKind[] }> = {
  contributed_to: { from: "factor", to: ["episode"] },
  influenced: { from: "factor", to: ["factor"] },
  led_to: { from: "episode", to: ["episode"] },
  evidenced_by: { from: "finding", to: ["episode", "factor"] },
};

const ORDER: LinkKind[] = ["contributed_to", "influenced", "led_to", "evidenced_by"];

/** The kind of link as a table heading or an option reads it. */
export const LINK_KINDS: Record<LinkKind, string> = {
  contributed_to: "Contributed to",
  influenced: "Influenced",
  led_to: "Led to",
  evidenced_by: "Is evidenced by",
};

/** The kind of link inside a sentence ("Caseloads … influenced Short contacts …"). */
export const LINK_VERBS: Record<LinkKind, string> = {
  contributed_to: "contributed to",
  influenced: "influenced",
  led_to: "led to",
  evidenced_by: "is evidenced by",
};

/** The same link read from its other end, for a record's own list of links. */
export const LINK_VERBS_BACKWARDS: Record<LinkKind, string> = {
  contributed_to: "Explained by",
  influenced: "Influenced by",
  led_to: "Followed",
  evidenced_by: "Evidence for",
};

/** What each kind of link means, in the method's words. */
export const LINK_MEANINGS: Record<LinkKind, string> = {
  contributed_to: "a factor contributed to an episode (it explains the episode)",
  influenced: "a factor influenced another factor (loops are allowed)",
  led_to: "an episode led to a later episode (never in a circle)",
  evidenced_by: "a finding is evidenced by an episode or a factor",
};

export const NODE_KINDS: Record<NodeKind, string> = {
  episode: "Episode",
  factor: "Factor",
  finding: "Finding",
};

const PLURAL: Record<NodeKind, string> = { episode: "episodes", factor: "factors", finding: "findings" };

/** The kind of record a graph key names ("factor:7" is a factor). */
export function kindOfKey(key: string): NodeKind {
  const kind = key.split(":")[0];
  if (kind === "episode" || kind === "factor" || kind === "finding") return kind;
  throw new Error(`${key} is not a record of the graph`);
}

/** The record's own screen. */
export function recordPath(reviewId: number, key: string): string {
  const id = key.split(":")[1];
  return `/reviews/${reviewId}/${PLURAL[kindOfKey(key)]}/${id}`;
}

/** The kinds of link allowed from a record of one kind to a record of another. */
export function allowedKinds(from: NodeKind, to: NodeKind): LinkKind[] {
  return ORDER.filter((kind) => LINK_RULES[kind].from === from && LINK_RULES[kind].to.includes(to));
}

/** The kinds of link that may start from a record of this kind. */
export function kindsFrom(from: NodeKind): LinkKind[] {
  return ORDER.filter((kind) => LINK_RULES[kind].from === from);
}

export interface LinkChoice {
  kind: LinkKind;
  source: string;
  target: string;
}

/**
 * The links one may draw between two records, a drag from `from` to `to`: those that go that
 * way first, then those that only go the other way (a finding is the start of its evidence
 * link even when the drag began at the episode).
 */
export function linkChoices(from: string, to: string): LinkChoice[] {
  if (from === to) return [];
  const forwards = allowedKinds(kindOfKey(from), kindOfKey(to)).map((kind) => ({ kind, source: from, target: to }));
  const backwards = allowedKinds(kindOfKey(to), kindOfKey(from)).map((kind) => ({ kind, source: to, target: from }));
  return [...forwards, ...backwards];
}

/** Why no link may join these two records. */
export function whyNoLink(from: string, to: string): string {
  if (from === to) return "A record cannot be linked to itself.";
  const [a, b] = [kindOfKey(from), kindOfKey(to)];
  const pair = a === b ? `two ${PLURAL[a]}` : `${article(a)} and ${article(b)}`;
  const rules = ORDER.map((kind) => LINK_MEANINGS[kind]).join("; ");
  return `No kind of link joins ${pair}. The links allowed are: ${rules}.`;
}

function article(kind: NodeKind): string {
  return kind === "episode" ? "an episode" : `a ${kind}`;
}

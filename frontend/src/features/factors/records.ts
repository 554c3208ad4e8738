// The records of a review that links join, by graph key, with the names the graph gives them.

import { everything, ok } from "../../api";
import { episodesList, factorsList, findingsList, linksList } from "../../client/sdk.gen";
import type { EpisodeRead, FactorRead, FindingRead, LinkRead } from "../../client/types.gen";
import { type NodeKind, kindOfKey } from "../graph/links";

export interface GraphRecord {
  key: string;
  kind: NodeKind;
  label: string;
}

const LABEL_LENGTH = 80;

/** A label short enough for a table cell or a node (as scr/graph/build.py shortens it). */
export function short(text: string, length = LABEL_LENGTH): string {
  const words = text.split(/\s+/).join(" ").trim();
  return words.length <= length ? words : `${words.slice(0, length - 1)}…`;
}

/** A record's name, or its key when it is not (or no longer) in the review. */
export function nameOf(records: Map<string, GraphRecord>, key: string): string {
  return records.get(key)?.label ?? key;
}

export interface LinkedRecords {
  episodes: EpisodeRead[];
  factors: FactorRead[];
  findings: FindingRead[];
  links: LinkRead[];
  /** Every record the links may join, by graph key. */
  records: Map<string, GraphRecord>;
}

/** The review's episodes, factors, findings and links. */
export async function loadLinkedRecords(reviewId: number, signal: AbortSignal): Promise<LinkedRecords> {
  const path = { review_id: reviewId };
  const [episodes, factors, findings, links] = await Promise.all([
    everything((offset) => ok(episodesList({ path, query: { limit: 200, offset }, signal }))),
    everything((offset) => ok(factorsList({ path, query: { limit: 200, offset }, signal }))),
    everything((offset) => ok(findingsList({ path, query: { limit: 200, offset }, signal }))),
    everything((offset) => ok(linksList({ path, query: { limit: 200, offset }, signal }))),
  ]);
  const records = new Map<string, GraphRecord>();
  const add = (key: string, label: string) => records.set(key, { key, kind: kindOfKey(key), label: short(label) });
  for (const e of episodes) add(`episode:${e.id}`, `KPE ${e.ordinal}: ${e.title}`);
  for (const f of factors) add(`factor:${f.id}`, f.description);
  for (const f of findings) add(`finding:${f.id}`, `Finding ${f.ordinal}: ${f.title}`);
  return { episodes, factors, findings, links, records };
}

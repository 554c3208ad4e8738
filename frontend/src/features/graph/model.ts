// The review's graph as the service sends it (GET /reviews/{id}/graph, node-link JSON), and
// the records of the drawing made from it.

import type { AppraisalRating } from "../../client/types.gen";
import { levelLabel } from "../factors/levels";
import type { GraphRecord } from "../factors/records";
import { RATINGS } from "../../words";
import type { NodeKind } from "./links";

/** A node of the node-link JSON (scr/graph/build.py: kind, label, and per kind a few more). */
export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  level?: string | null;
  rating?: AppraisalRating | null;
  ordinal?: number;
}

export interface NodeLinkGraph {
  nodes: GraphNode[];
}

/** The line above a node's label: its kind, and its level or rating where it has one. */
export function kindLine(node: GraphNode): string {
  if (node.kind === "factor") return `Factor · ${levelLabel(node.level)}`;
  if (node.kind === "episode") return node.rating ? `Episode · ${RATINGS[node.rating]}` : "Episode";
  return "Finding";
}

export function recordsOf(nodes: GraphNode[]): Map<string, GraphRecord> {
  return new Map(nodes.map((node) => [node.id, { key: node.id, kind: node.kind, label: node.label }]));
}

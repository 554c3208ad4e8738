// Where each record sits in the drawing: dagre ranks the graph from left to right, causes
// first. Pure: nodes and links in, positions out.

import { Graph, layout } from "@dagrejs/dagre";

import type { LinkKind } from "../../client/types.gen";

export const NODE_WIDTH = 230;
const CHARS_A_LINE = 27;
const MOST_LINES = 4;
const LINE = 19;

export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutNode {
  id: string;
  label: string;
  /** The node shows a badge (root factor, feedback loop) on a line of its own. */
  badge?: boolean;
}

export interface LayoutLink {
  kind: LinkKind;
  source: string;
  target: string;
}

/** The height a node needs for its label (clamped to four lines) and its badge. */
export function nodeHeight(label: string, badge = false): number {
  const lines = Math.min(MOST_LINES, Math.max(1, Math.ceil(label.length / CHARS_A_LINE)));
  return 20 + 20 + lines * LINE + (badge ? 26 : 0);
}

/**
 * Each node's top-left corner and size. Causes run left to right: factors, then the episodes
 * they explain, then the findings drawn from them (an evidence link points from the finding
 * back to its evidence, so it is laid out the other way round).
 */
export function layOut(nodes: LayoutNode[], links: LayoutLink[]): Map<string, Placed> {
  const graph = new Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 20, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: NODE_WIDTH, height: nodeHeight(node.label, node.badge) });
  }
  for (const link of links) {
    if (!graph.hasNode(link.source) || !graph.hasNode(link.target)) continue;
    if (link.kind === "evidenced_by") graph.setEdge(link.target, link.source);
    else graph.setEdge(link.source, link.target);
  }
  layout(graph);
  const placed = new Map<string, Placed>();
  for (const node of nodes) {
    const { x, y, width, height } = graph.node(node.id);
    placed.set(node.id, { x: x - width / 2, y: y - height / 2, width, height });
  }
  return placed;
}

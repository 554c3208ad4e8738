// Where each record sits in the drawing: dagre ranks the graph from left to right, causes
// first. Pure: nodes and links in, positions out.

import { Graph, layout } from "@dagrejs/dagre";

import type { LinkKind } from "../../client/types.gen";

// Narrow nodes with large text: the drawing is as wide as its ranks, and must fit a laptop's
// screen at a zoom where the text is still readable (READABLE_ZOOM).
export const NODE_WIDTH = 180;
const CHARS_A_LINE = 19;
const MOST_LINES = 4;
const LINE = 20;
/** The size of the nodes' text (graph.css says the same). */
export const NODE_TEXT = 15;
/** The smallest text a person is asked to read in the drawing, in pixels on the screen. */
export const SMALLEST_TEXT = 11;
/** The drawing opens no smaller than this, so that a node's text is at least SMALLEST_TEXT. */
export const READABLE_ZOOM = SMALLEST_TEXT / NODE_TEXT;

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
  return 20 + 22 + lines * LINE + (badge ? 26 : 0);
}

/**
 * Each node's top-left corner and size. Causes run left to right: factors, then the episodes
 * they explain, then the findings drawn from them (an evidence link points from the finding
 * back to its evidence, so it is laid out the other way round).
 */
export function layOut(nodes: LayoutNode[], links: LayoutLink[]): Map<string, Placed> {
  const graph = new Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 60, marginx: 0, marginy: 0 });
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

/** The box round every node of a layout. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boundsOf(placed: Iterable<Placed>): Bounds {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const at of placed) {
    left = Math.min(left, at.x);
    top = Math.min(top, at.y);
    right = Math.max(right, at.x + at.width);
    bottom = Math.max(bottom, at.y + at.height);
  }
  if (left > right) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Where the drawing opens: its zoom and offset (React Flow's viewport), and how tall it is. */
export interface Framing {
  x: number;
  y: number;
  zoom: number;
  height: number;
}

/** Room left round the drawing, in pixels on the screen. */
export const FRAME_PADDING = 16;
const LOWEST = 360;

/**
 * How to show a layout in a drawing `width` wide: the whole of it where it fits at a readable
 * zoom, the drawing as tall as it needs (up to `tallest`); where it does not fit (a phone), at
 * the readable zoom from its start, the causes, to be panned. Never larger than life.
 */
export function frame(bounds: Bounds, width: number, tallest: number): Framing {
  const room = width - 2 * FRAME_PADDING;
  const zoom = Math.max(READABLE_ZOOM, Math.min(1, bounds.width > 0 ? room / bounds.width : 1));
  const drawn = { width: bounds.width * zoom, height: bounds.height * zoom };
  const height = Math.round(Math.min(Math.max(LOWEST, tallest), Math.max(LOWEST, drawn.height + 2 * FRAME_PADDING)));
  const left = drawn.width <= room ? (width - drawn.width) / 2 : FRAME_PADDING;
  const top = drawn.height + 2 * FRAME_PADDING <= height ? (height - drawn.height) / 2 : FRAME_PADDING;
  return { x: left - bounds.x * zoom, y: top - bounds.y * zoom, zoom, height };
}

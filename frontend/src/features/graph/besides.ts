// Where a panel over the drawing goes so that it covers neither end of the link it is about:
// beside the record, on the side away from the link's other end, or above or below it where the
// drawing is too narrow (a phone). Pure: boxes on the screen in, a corner out.

import type { Placed } from "./layout";

export interface View {
  x: number;
  y: number;
  zoom: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 16;
const EDGE = 8;

/** A node's box on the screen, relative to the drawing's corner. */
export function onScreen(at: Placed, view: View): Box {
  const left = at.x * view.zoom + view.x;
  const top = at.y * view.zoom + view.y;
  return { left, top, right: left + at.width * view.zoom, bottom: top + at.height * view.zoom };
}

/**
 * The top-left corner of a panel `panel` wide and about `tall` high, in a drawing `width` by
 * `height`, beside `near` (the record a link was drawn to) and away from `away` (its other end).
 */
export function besides(near: Box, away: Box | null, panel: { width: number; tall: number }, drawing: { width: number; height: number }) {
  const roomRight = drawing.width - near.right - GAP - EDGE;
  const roomLeft = near.left - GAP - EDGE;
  const centre = (box: Box) => (box.left + box.right) / 2;
  // Prefer the side the other end is not on; failing that, the side with more room.
  const preferRight = away ? centre(away) <= centre(near) : roomRight >= roomLeft;
  const clampTop = (top: number) => Math.max(EDGE, Math.min(top, drawing.height - panel.tall - EDGE));
  const sides: ("right" | "left")[] = preferRight ? ["right", "left"] : ["left", "right"];
  for (const side of sides) {
    if (side === "right" && roomRight >= panel.width) return { left: near.right + GAP, top: clampTop(near.top) };
    if (side === "left" && roomLeft >= panel.width) return { left: near.left - GAP - panel.width, top: clampTop(near.top) };
  }
  const left = Math.max(EDGE, Math.min(near.left, drawing.width - panel.width - EDGE));
  const below = drawing.height - near.bottom - GAP - EDGE;
  const above = near.top - GAP - EDGE;
  if (below >= panel.tall || below >= above) return { left, top: near.bottom + GAP };
  return { left, top: Math.max(EDGE, near.top - GAP - panel.tall) };
}

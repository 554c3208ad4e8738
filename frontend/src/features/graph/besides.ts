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

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The top-left corner of a panel `panel` wide and about `tall` high, in a drawing `width` by
 * `height`, beside `near` (the record a link was drawn to) and clear of `away` (its other end):
 * beside it on the side away from the other end, on the other side, beyond both, or below or
 * above it; the first of those that fits the drawing and covers neither record.
 */
export function besides(
  near: Box,
  away: Box | null,
  panel: { width: number; tall: number },
  drawing: { width: number; height: number },
) {
  const centre = (box: Box) => (box.left + box.right) / 2;
  const clampTop = (top: number) => Math.max(EDGE, Math.min(top, drawing.height - panel.tall - EDGE));
  const clampLeft = (left: number) => Math.max(EDGE, Math.min(left, drawing.width - panel.width - EDGE));
  const both = away
    ? { left: Math.min(near.left, away.left), right: Math.max(near.right, away.right) }
    : { left: near.left, right: near.right };
  const right = { left: near.right + GAP, top: clampTop(near.top) };
  const left = { left: near.left - GAP - panel.width, top: clampTop(near.top) };
  const sides = away && centre(away) > centre(near) ? [left, right] : [right, left];
  const tries = [
    ...sides,
    { left: both.right + GAP, top: clampTop(near.top) },
    { left: both.left - GAP - panel.width, top: clampTop(near.top) },
    ...[near.left, near.right - panel.width].flatMap((x) => [
      { left: clampLeft(x), top: near.bottom + GAP },
      { left: clampLeft(x), top: near.top - GAP - panel.tall },
    ]),
  ];
  const fits = (at: { left: number; top: number }, whole: boolean) => {
    const box = { left: at.left, top: at.top, right: at.left + panel.width, bottom: at.top + panel.tall };
    return (
      box.left >= EDGE - 0.5 &&
      box.right <= drawing.width - EDGE + 0.5 &&
      box.top >= EDGE - 0.5 &&
      (!whole || box.bottom <= drawing.height - EDGE + 0.5) &&
      !overlaps(box, near) &&
      !(away && overlaps(box, away))
    );
  };
  // Inside the drawing if it can be; else running past its foot, over the page below, which is
  // better than over a record.
  return (
    tries.find((at) => fits(at, true)) ??
    tries.find((at) => fits(at, false)) ?? { left: clampLeft(near.left), top: near.bottom + GAP }
  );
}

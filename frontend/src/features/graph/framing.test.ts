import { describe, expect, it } from "vitest";

import { besides, type Box } from "./besides";
import { candidatesOf } from "./GraphCanvas";
import { boundsOf, frame, FRAME_PADDING, NODE_TEXT, READABLE_ZOOM, SMALLEST_TEXT } from "./layout";

describe("how the drawing opens", () => {
  it("keeps the nodes' text at the smallest readable size or more", () => {
    expect(NODE_TEXT * READABLE_ZOOM).toBeGreaterThanOrEqual(SMALLEST_TEXT);
  });

  it("shows a graph that fits whole, centred, never larger than life, the drawing as tall as it", () => {
    const framing = frame({ x: 0, y: 0, width: 600, height: 400 }, 1200, 2400);
    expect(framing.zoom).toBe(1);
    expect(framing.x).toBe(300);
    expect(framing.height).toBe(400 + 2 * FRAME_PADDING);
  });

  it("zooms a wide graph out to fit the width, but not below the readable zoom", () => {
    const fits = frame({ x: 0, y: 0, width: 1500, height: 1600 }, 1232, 2400);
    expect(fits.zoom).toBeCloseTo((1232 - 2 * FRAME_PADDING) / 1500, 5);
    expect(fits.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // Every part of it inside the drawing: left edge, right edge, top and foot.
    expect(fits.x).toBeGreaterThanOrEqual(0);
    expect(fits.x + 1500 * fits.zoom).toBeLessThanOrEqual(1232);
    expect(fits.y + 1600 * fits.zoom).toBeLessThanOrEqual(fits.height);

    const phone = frame({ x: 0, y: 0, width: 1500, height: 1600 }, 348, 744);
    expect(phone.zoom).toBe(READABLE_ZOOM);
    // At a phone's width it starts from the causes, on the left, and is no taller than the screen.
    expect(phone.x).toBe(FRAME_PADDING);
    expect(phone.height).toBe(744);
  });

  it("takes the layout's own corner into account", () => {
    const framing = frame(boundsOf([{ x: -100, y: -50, width: 180, height: 800 }]), 1200, 2400);
    expect(framing.y).toBe(FRAME_PADDING + 50);
    expect(framing.x).toBe((1200 - 180) / 2 + 100);
    // A small graph sits in the middle of a drawing of the least height.
    const small = frame({ x: 0, y: 0, width: 180, height: 100 }, 1200, 2400);
    expect(small.y).toBe((small.height - 100) / 2);
  });
});

describe("where a panel beside a record goes", () => {
  const drawing = { width: 1200, height: 700 };
  const panel = { width: 440, tall: 300 };
  const box = (left: number, top: number): Box => ({ left, top, right: left + 130, bottom: top + 90 });
  const overlaps = (at: { left: number; top: number }, b: Box) =>
    at.left < b.right && b.left < at.left + panel.width && at.top < b.bottom && b.top < at.top + panel.tall;

  it("goes on the side away from the link's other end", () => {
    const near = box(500, 200);
    expect(besides(near, box(200, 200), panel, drawing).left).toBe(near.right + 16);
    expect(besides(near, box(800, 200), panel, drawing).left).toBe(near.left - 16 - panel.width);
  });

  it("covers neither end when the side away from the other has no room", () => {
    const near = box(420, 300);
    const away = box(620, 300);
    const at = besides(near, away, panel, drawing);
    expect(overlaps(at, near)).toBe(false);
    expect(overlaps(at, away)).toBe(false);
    expect(at.left).toBeGreaterThanOrEqual(0);
    expect(at.left + panel.width).toBeLessThanOrEqual(drawing.width);
  });

  it("goes below or above the record in a drawing as narrow as a phone's", () => {
    const narrow = { width: 348, height: 744 };
    const near = box(40, 100);
    const at = besides(near, box(200, 100), { width: 310, tall: 300 }, narrow);
    expect(at.top).toBeGreaterThanOrEqual(near.bottom);
    const low = box(40, 600);
    expect(besides(low, null, { width: 310, tall: 300 }, narrow).top + 300).toBeLessThanOrEqual(low.top);
  });
});

describe("drawing a link with the keyboard", () => {
  it("offers the records a link from this one may point to, column by column", () => {
    const at = (x: number, y: number) => ({ x, y, width: 180, height: 100 });
    const placed = new Map([
      ["factor:1", at(0, 0)],
      ["factor:2", at(0, 200)],
      ["episode:2", at(240, 120)],
      ["episode:1", at(240, 0)],
      ["finding:1", at(480, 0)],
    ]);
    // A factor influences a factor or contributes to an episode; a finding points to it, but
    // a link drawn from the factor offers that too (the finding is its start).
    expect(candidatesOf("factor:1", placed)).toEqual(["factor:2", "episode:1", "episode:2", "finding:1"]);
    expect(candidatesOf("episode:1", placed)).toEqual(["factor:1", "factor:2", "episode:2", "finding:1"]);
  });
});

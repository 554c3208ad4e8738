import { describe, expect, it } from "vitest";

import { highlightsOf, onLoop } from "./highlights";
import { layOut, NODE_WIDTH } from "./layout";
import { allowedKinds, kindsFrom, linkChoices, recordPath, whyNoLink } from "./links";

describe("the kinds of link allowed between two kinds of record", () => {
  it("follows design.md's table, one way round only", () => {
    expect(allowedKinds("factor", "episode")).toEqual(["contributed_to"]);
    expect(allowedKinds("factor", "factor")).toEqual(["influenced"]);
    expect(allowedKinds("episode", "episode")).toEqual(["led_to"]);
    expect(allowedKinds("finding", "episode")).toEqual(["evidenced_by"]);
    expect(allowedKinds("finding", "factor")).toEqual(["evidenced_by"]);
    expect(allowedKinds("episode", "factor")).toEqual([]);
    expect(allowedKinds("factor", "finding")).toEqual([]);
    expect(allowedKinds("episode", "finding")).toEqual([]);
    expect(allowedKinds("finding", "finding")).toEqual([]);
    expect(kindsFrom("factor")).toEqual(["contributed_to", "influenced"]);
    expect(kindsFrom("finding")).toEqual(["evidenced_by"]);
  });

  it("offers a drag the links that go its way, then those that go the other way", () => {
    expect(linkChoices("factor:1", "episode:2")).toEqual([
      { kind: "contributed_to", source: "factor:1", target: "episode:2" },
    ]);
    // Dragged from the episode to the factor: the only link is from the factor.
    expect(linkChoices("episode:2", "factor:1")).toEqual([
      { kind: "contributed_to", source: "factor:1", target: "episode:2" },
    ]);
    expect(linkChoices("episode:2", "finding:3")).toEqual([
      { kind: "evidenced_by", source: "finding:3", target: "episode:2" },
    ]);
    // Two factors: either may influence the other.
    expect(linkChoices("factor:1", "factor:4")).toEqual([
      { kind: "influenced", source: "factor:1", target: "factor:4" },
      { kind: "influenced", source: "factor:4", target: "factor:1" },
    ]);
  });

  it("offers nothing, and says why, between two findings or a record and itself", () => {
    expect(linkChoices("finding:1", "finding:2")).toEqual([]);
    expect(whyNoLink("finding:1", "finding:2")).toMatch(
      /^No kind of link joins two findings\. The links allowed are: a factor contributed to an episode/,
    );
    expect(linkChoices("factor:1", "factor:1")).toEqual([]);
    expect(whyNoLink("factor:1", "factor:1")).toBe("A record cannot be linked to itself.");
  });

  it("opens each kind of record on its own screen", () => {
    expect(recordPath(4, "episode:12")).toBe("/reviews/4/episodes/12");
    expect(recordPath(4, "factor:7")).toBe("/reviews/4/factors/7");
    expect(recordPath(4, "finding:3")).toBe("/reviews/4/findings/3");
  });
});

describe("the layout", () => {
  const nodes = [
    { id: "factor:1", label: "Funding cut" },
    { id: "factor:2", label: "Caseloads above the safe limit", badge: true },
    { id: "episode:1", label: "KPE 1: Booking appointment" },
    { id: "episode:2", label: "KPE 2: A visit" },
    { id: "finding:1", label: "Finding 1: Notifications stop at the front door" },
    { id: "factor:3", label: "Linked to nothing" },
  ];
  const links = [
    { kind: "influenced" as const, source: "factor:1", target: "factor:2" },
    { kind: "influenced" as const, source: "factor:2", target: "factor:1" },
    { kind: "contributed_to" as const, source: "factor:2", target: "episode:1" },
    { kind: "led_to" as const, source: "episode:1", target: "episode:2" },
    { kind: "evidenced_by" as const, source: "finding:1", target: "episode:2" },
    { kind: "led_to" as const, source: "episode:2", target: "episode:404" },
  ];

  it("gives every node a position, without overlaps, causes to the left, findings to the right", () => {
    const placed = layOut(nodes, links);
    expect([...placed.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    for (const at of placed.values()) {
      expect(Number.isFinite(at.x) && Number.isFinite(at.y)).toBe(true);
      expect(at.width).toBe(NODE_WIDTH);
    }
    const boxes = [...placed.values()];
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    });
    const x = (id: string) => placed.get(id)?.x ?? NaN;
    expect(x("factor:2")).toBeLessThan(x("episode:1"));
    expect(x("episode:1")).toBeLessThan(x("episode:2"));
    expect(x("episode:2")).toBeLessThan(x("finding:1"));
  });

  it("makes room for a badge", () => {
    const placed = layOut(nodes, links);
    const plain = layOut(
      nodes.map((n) => ({ ...n, badge: false })),
      links,
    );
    expect(placed.get("factor:2")?.height).toBeGreaterThan(plain.get("factor:2")?.height ?? Infinity);
  });
});

describe("the highlights", () => {
  it("marks the root factors, and the factors and links of each feedback loop", () => {
    const highlights = highlightsOf({
      root_factors: ["factor:1"],
      feedback_loops: { loops: [["factor:5", "factor:6", "factor:7"]], more: false },
    });
    expect([...highlights.roots]).toEqual(["factor:1"]);
    expect([...highlights.loopNodes].sort()).toEqual(["factor:5", "factor:6", "factor:7"]);
    expect(onLoop(highlights, { kind: "influenced", source: "factor:5", target: "factor:6" })).toBe(true);
    expect(onLoop(highlights, { kind: "influenced", source: "factor:7", target: "factor:5" })).toBe(true);
    // The other way round is not the loop's link, and nor is a link of another kind.
    expect(onLoop(highlights, { kind: "influenced", source: "factor:6", target: "factor:5" })).toBe(false);
    expect(onLoop(highlights, { kind: "influenced", source: "factor:1", target: "factor:5" })).toBe(false);
  });
});

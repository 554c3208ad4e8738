import { describe, expect, it } from "vitest";

import { ancestorsOf, codeIndex, codesFor, currentFirst, filterTree, flatten, stem } from "./codes";
import { TREE, VERSIONS } from "./testData";

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe("filterTree", () => {
  it("keeps the codes that match and their ancestors, and nothing else", () => {
    const { roots, matched } = filterTree(TREE.codes, "optimism");
    expect(ids(roots)).toEqual(["sp.reasoning"]);
    expect(ids(roots[0].children)).toEqual(["sp.reasoning.over-optimism"]);
    expect([...matched]).toEqual(["sp.reasoning.over-optimism"]);
  });

  it("matches the label, the definition, the includes and the id, in any case", () => {
    expect([...filterTree(TREE.codes, "SUPERVISION").matched]).toEqual(["sp.management.supervision"]);
    expect([...filterTree(TREE.codes, "parent's warmth").matched]).toEqual(["sp.reasoning.over-optimism"]);
    expect([...filterTree(TREE.codes, "rule of optimism").matched]).toEqual(["sp.reasoning.over-optimism"]);
    expect([...filterTree(TREE.codes, "cc.family").matched].sort()).toEqual(["cc.family", "cc.family.domestic-abuse"]);
  });

  it("finds a word in any of its forms", () => {
    expect(stem("share")).toBe("shar");
    expect(stem("curious")).toBe("curi");
    expect(stem("rule")).toBe("rule");
    // "progressing" and "share" are in no code, but the codes about progress and sharing are.
    expect([...filterTree(TREE.codes, "progressing").matched]).toEqual(["sp.reasoning.over-optimism"]);
    expect([...filterTree(TREE.codes, "sharing").matched]).toEqual(["pt.information-sharing"]);
    expect([...filterTree(TREE.codes, "share").matched]).toEqual(["pt.information-sharing"]);
  });

  it("wants every word somewhere in the code, not as one phrase", () => {
    expect([...filterTree(TREE.codes, "weight concerns").matched]).toEqual(["sp.reasoning.over-optimism"]);
    expect(filterTree(TREE.codes, "weight neglect").roots).toEqual([]);
  });

  it("shows a parent that matches with its children cut to the matching ones", () => {
    const { roots, matched } = filterTree(TREE.codes, "management");
    expect(ids(roots)).toEqual(["sp.management"]);
    expect(matched.has("sp.management")).toBe(true);
    expect(ids(roots[0].children)).toEqual(["sp.management.supervision", "sp.management.old-targets"]);
  });

  it("gives the whole tree for an empty search", () => {
    const { roots, matched } = filterTree(TREE.codes, "  ");
    expect(flatten(roots)).toHaveLength(flatten(TREE.codes).length);
    expect(matched.size).toBe(flatten(TREE.codes).length);
  });
});

describe("codesFor", () => {
  it("offers only the current codes that may tag the kind of record", () => {
    expect(ids(codesFor(TREE.codes, "review", ""))).toEqual(["cc.family", "cc.family.domestic-abuse"]);
    expect(ids(codesFor(TREE.codes, "episode", ""))).toEqual(["pt.information-sharing"]);
    const forFactors = ids(codesFor(TREE.codes, "factor", ""));
    expect(forFactors).toContain("fl.working-conditions");
    expect(forFactors).not.toContain("sp.management.old-targets");
    expect(forFactors).not.toContain("cc.family");
    expect(ids(codesFor(TREE.codes, "finding", "targets"))).toEqual([]);
  });
});

describe("the tree's helpers", () => {
  it("names a code's ancestors, the top one first", () => {
    const index = codeIndex(TREE.codes);
    expect(ancestorsOf(index, "sp.reasoning.over-optimism")).toEqual(["sp.reasoning"]);
    expect(ancestorsOf(index, "sp.reasoning")).toEqual([]);
  });

  it("puts the current version first", () => {
    expect(currentFirst(VERSIONS).map((v) => v.version)).toEqual(["1.0", "1.1"]);
  });
});

import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { Cooccurrence } from "../../client/types.gen";
import { PAIRS } from "../../testing/patterns";
import { CooccurrenceSection, significanceNote } from "./CooccurrenceSection";

afterEach(cleanup);

describe("CooccurrenceSection", () => {
  it("calls a pair significant only as the corrected test does, however small its own p", () => {
    // Lift 1.01 and p 0.03: below 0.05 alone, but not once 900 pairs are allowed for.
    const [first] = PAIRS.items;
    const data: Cooccurrence = {
      ...PAIRS,
      tested: 900,
      items: [{ ...first, lift: 1.01, p_value: 0.03, q_value: 0.62, significant: false }],
      total: 1,
    };
    render(
      <CooccurrenceSection data={data} labels={new Map([["sp.management.caseload", "Caseload against capacity"]])} />,
    );
    const row = within(screen.getByRole("table", { name: "Pairs of codes" })).getByRole("row", {
      name: /Caseload against capacity/,
    });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["Caseload against capacitysp.management.caseload", "28", "1.01", "0.030", "0.620", "No"]);
  });

  it("says how many pairs the correction allows for, and the rate", () => {
    expect(significanceNote({ tested: 1, false_discovery_rate: 0.05 })).toContain("the 1 pair tested here");
    expect(significanceNote({ tested: 1200, false_discovery_rate: 0.05 })).toBe(
      "Testing many pairs at once makes some small p-values by chance, so each p is corrected for the 1,200 pairs " +
        "tested here (the Benjamini–Hochberg method): the result is q. A pair is significant when q is 0.05 or less, " +
        "so among the significant pairs, on average no more than 5 in 100 are found together by chance.",
    );
  });
});

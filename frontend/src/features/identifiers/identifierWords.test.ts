import { describe, expect, it } from "vitest";

import { whereIs } from "./identifierWords";

describe("whereIs", () => {
  it("names the record as the method does, not by its database id", () => {
    const where = whereIs(5, { record: "episode:3464", name: "KPE 3", field: "view_at_the_time" });
    expect(where).toEqual({ label: "KPE 3, view at the time", to: "/reviews/5/episodes/3464" });
  });

  it("names chronology entries, links and the review's own details in words", () => {
    expect(
      whereIs(5, { record: "chronology:88", name: "Chronology, 5 March 2024, GP records", field: "summary" }).label,
    ).toBe("Chronology, 5 March 2024, GP records, summary");
    expect(whereIs(5, { record: "link:41", name: "Factor 2 → KPE 3", field: "evidence_note" })).toEqual({
      label: "Factor 2 → KPE 3, evidence note",
      to: "/reviews/5/graph",
    });
    expect(whereIs(5, { record: "review:5", name: "The review", field: "case_summary" }).label).toBe(
      "The review's details, case summary",
    );
  });
});

import { describe, expect, it } from "vitest";

import { earliestDay, fromParts, toParts } from "./dates";

describe("dates typed into the GOV.UK date input", () => {
  it("reads a whole date, and empty boxes as no date", () => {
    expect(fromParts({ day: "9", month: "3", year: "2022" }, "The date")).toEqual({ iso: "2022-03-09" });
    expect(fromParts({ day: "", month: "", year: "" }, "The date")).toEqual({ iso: null });
  });

  it("sends a month or a year as its first day", () => {
    expect(fromParts({ day: "", month: "3", year: "2019" }, "The date", "month")).toEqual({ iso: "2019-03-01" });
    expect(fromParts({ day: "", month: "", year: "2019" }, "The date", "year")).toEqual({ iso: "2019-01-01" });
    expect(toParts("2019-03-01", "month")).toEqual({ day: "", month: "3", year: "2019" });
  });

  it("says what is missing or wrong", () => {
    expect(fromParts({ day: "9", month: "", year: "" }, "The date")).toEqual({
      problem: "The date must include a month and year",
    });
    expect(fromParts({ day: "31", month: "2", year: "2022" }, "The date")).toEqual({
      problem: "The date must be a real date",
    });
    expect(fromParts({ day: "1", month: "2", year: "22" }, "The date")).toEqual({
      problem: "The date must be a real date",
    });
  });

  it("counts a month or a year from its first day, for the hindsight warning", () => {
    expect(earliestDay("2019-06-20", "month")).toBe("2019-06-01");
    expect(earliestDay("2019-06-20", "year")).toBe("2019-01-01");
    expect(earliestDay("2019-06-20", "day")).toBe("2019-06-20");
  });
});

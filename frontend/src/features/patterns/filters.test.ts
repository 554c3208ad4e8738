import { describe, expect, it } from "vitest";

import { barLength, niceCeiling, runs } from "./charts";
import { describe as describeFilters } from "./applied";
import { percent } from "./counts";
import {
  apiQuery,
  downloadAddress,
  filterProblems,
  filtersFromParams,
  minSupportOf,
  NO_FILTERS,
  paramsFromFilters,
} from "./filters";
import { isOwnView, isPeriod, periodsCovering, refusalProblems, toLattice, yearChoiceOf } from "./lattice";

describe("filters in the address", () => {
  it("read back exactly as they were written", () => {
    const filters = {
      ...NO_FILTERS,
      board: ["CORPUS-LDN-1", "EASTMERE"],
      region: ["london" as const, "south_east" as const],
      yearFrom: "2016",
      yearTo: "2022",
      reviewType: ["rapid_review" as const],
      outcome: ["death" as const],
      ageBand: ["under_1" as const],
      status: ["published" as const],
      context: ["cc.family.domestic-abuse", "cc.harm"],
      kind: ["factor" as const, "episode" as const],
      version: "1.0",
      minSupport: "3",
    };
    const params = paramsFromFilters(filters);
    expect(params.getAll("region")).toEqual(["london", "south_east"]);
    expect(params.get("year_from")).toBe("2016");
    expect(params.get("min_support")).toBe("3");
    expect(filtersFromParams(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it("leave out what is not set, and ignore repeats and parameters they do not know", () => {
    expect(paramsFromFilters(NO_FILTERS).toString()).toBe("");
    const read = filtersFromParams(
      new URLSearchParams("region=london&region=london&region=&colour=red&year_to=%202020%20"),
    );
    expect(read).toEqual({ ...NO_FILTERS, region: ["london"], yearTo: "2020" });
  });

  it("become the API's query, with only whole years", () => {
    const query = apiQuery({ ...NO_FILTERS, yearFrom: "2018", yearTo: "20x", ageBand: ["age_1_to_4"] });
    expect(query.year_from).toBe(2018);
    expect(query.year_to).toBeUndefined();
    expect(query.age_band).toEqual(["age_1_to_4"]);
    expect(query.version).toBeUndefined();
  });

  it("give downloads the same filters", () => {
    const filters = { ...NO_FILTERS, region: ["london" as const], minSupport: "7" };
    expect(downloadAddress("/api/v1/exports/aggregates.csv", filters, { min_support: "7" })).toBe(
      "/api/v1/exports/aggregates.csv?region=london&min_support=7",
    );
    expect(downloadAddress("/api/v1/exports/network.graphml", NO_FILTERS, {})).toBe("/api/v1/exports/network.graphml");
  });

  it("count pairs from one review in a board's own view and from five elsewhere, unless asked", () => {
    expect(minSupportOf(NO_FILTERS, "board")).toBe(1);
    expect(minSupportOf(NO_FILTERS, "national")).toBe(5);
    expect(minSupportOf({ ...NO_FILTERS, minSupport: "12" }, "national")).toBe(12);
  });

  it("refuse years that are not years, a range backwards, and a fewest of 0", () => {
    expect(filterProblems({ ...NO_FILTERS, yearFrom: "18" })).toEqual([
      { field: "year_from", text: "Enter the first year as four digits, like 2018" },
    ]);
    expect(filterProblems({ ...NO_FILTERS, yearFrom: "2022", yearTo: "2018" }).map((p) => p.field)).toEqual([
      "year_to",
    ]);
    expect(filterProblems({ ...NO_FILTERS, minSupport: "0" }).map((p) => p.field)).toEqual(["min_support"]);
    expect(filterProblems({ ...NO_FILTERS, yearFrom: "2018", yearTo: "2018", minSupport: "2" })).toEqual([]);
  });
});

describe("the lattice of questions outside a board's own view", () => {
  it("is the rule everywhere but a board member's own partnership and an administrator's one partnership", () => {
    expect(isOwnView(NO_FILTERS, "board", "EASTMERE")).toBe(true);
    expect(isOwnView({ ...NO_FILTERS, board: ["EASTMERE"] }, "board", "EASTMERE")).toBe(true);
    expect(isOwnView({ ...NO_FILTERS, board: ["CORPUS-LDN-1"] }, "board", "EASTMERE")).toBe(false);
    expect(isOwnView({ ...NO_FILTERS, board: ["EASTMERE", "CORPUS-LDN-1"] }, "board", "EASTMERE")).toBe(false);
    expect(isOwnView({ ...NO_FILTERS, board: ["CORPUS-LDN-1"] }, "admin", undefined)).toBe(true);
    expect(isOwnView(NO_FILTERS, "admin", undefined)).toBe(false);
    expect(isOwnView({ ...NO_FILTERS, board: ["CORPUS-LDN-1"] }, "national", undefined)).toBe(false);
    expect(isOwnView(NO_FILTERS, "reviewer", undefined)).toBe(false);
  });

  it("has fixed three-year periods beginning in a year divisible by three, covering the data's years", () => {
    expect(isPeriod(2019, 2021)).toBe(true);
    expect(isPeriod(2020, 2022)).toBe(false);
    expect(isPeriod(2019, 2020)).toBe(false);
    expect(periodsCovering([2012, 2024, 2026])).toEqual([2010, 2013, 2016, 2019, 2022, 2025]);
    expect(periodsCovering([2021])).toEqual([2019]);
    expect(periodsCovering([])).toEqual([]);
  });

  it("holds an address in the form as one cell: the first of each value, a partnership before a region", () => {
    const address = {
      ...NO_FILTERS,
      board: ["CORPUS-LDN-1", "EASTMERE"],
      region: ["london" as const],
      reviewType: ["rapid_review" as const, "themed_review" as const],
      status: ["draft" as const],
      kind: ["factor" as const],
      minSupport: "7",
    };
    expect(toLattice(address)).toEqual({
      ...NO_FILTERS,
      board: ["CORPUS-LDN-1"],
      reviewType: ["rapid_review"],
      kind: ["factor"],
      minSupport: "7",
    });
    expect(toLattice({ ...NO_FILTERS, region: ["london", "south_east"] }).region).toEqual(["london"]);
  });

  it("reads years as every year, one year or a fixed period, and a free range as its first year", () => {
    const years = (yearFrom: string, yearTo: string) => toLattice({ ...NO_FILTERS, yearFrom, yearTo });
    expect(yearChoiceOf(years("", ""))).toBe("all");
    expect(years("2019", "2021")).toMatchObject({ yearFrom: "2019", yearTo: "2021" });
    expect(yearChoiceOf(years("2019", "2021"))).toBe("period");
    expect(years("2018", "2022")).toMatchObject({ yearFrom: "2018", yearTo: "2018" });
    expect(yearChoiceOf(years("2018", "2022"))).toBe("one");
    expect(years("", "2020")).toMatchObject({ yearFrom: "2020", yearTo: "2020" });
  });

  it("links a refusal of the service to the form's field, or says it without a link", () => {
    const error = (field: string, message: string) => ({ field, loc: field.split("."), message, type: "rule" });
    const body = {
      detail: "Choose one.",
      errors: [
        error("query.region", "Choose one region."),
        error("query.year_to", "Choose one year."),
        error("query.age_band", "Choose one age."),
      ],
    };
    expect(refusalProblems(body, true)).toEqual([
      { field: "area", text: "Choose one region." },
      { field: "years", text: "Choose one year." },
      { field: "age_band", text: "Choose one age." },
    ]);
    expect(refusalProblems(body, false)[0]).toEqual({ field: "region", text: "Choose one region." });
    expect(refusalProblems({ detail: "No such typology.", errors: [] }, true)).toEqual([{ text: "No such typology." }]);
  });

  it("says a single year as one year, and another board named by a board member", () => {
    const applied = describeFilters(
      { ...NO_FILTERS, board: ["CORPUS-LDN-1"], yearFrom: "2021", yearTo: "2021" },
      [],
      [],
      "board",
    );
    expect(applied).toEqual([
      ["Partnerships", "CORPUS-LDN-1"],
      ["Years notified", "2021"],
    ]);
  });
});

describe("the charts' arithmetic", () => {
  it("scales a bar to its share of the largest value", () => {
    expect(barLength(30, 60, 400)).toBe(200);
    expect(barLength(60, 60, 400)).toBe(400);
    expect(barLength(0, 60, 400)).toBe(0);
    expect(barLength(5, 0, 400)).toBe(0);
  });

  it("breaks a line where a value is missing", () => {
    expect(runs([1, 2, null, 4, null, null, 7, 8])).toEqual([[0, 1], [3], [6, 7]]);
    expect(runs([null, null])).toEqual([]);
  });

  it("tops an axis with a round number", () => {
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(13)).toBe(20);
    expect(niceCeiling(61)).toBe(100);
    expect(niceCeiling(1)).toBe(1);
  });

  it("writes a share as a percentage, never a suppressed one as 0", () => {
    expect(percent(0.42)).toBe("42%");
    expect(percent(0.045)).toBe("4.5%");
    expect(percent(0)).toBe("0%");
    expect(percent(null)).toBe("Suppressed");
  });
});

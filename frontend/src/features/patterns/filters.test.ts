import { describe, expect, it } from "vitest";

import { barLength, niceCeiling, runs } from "./charts";
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
    const read = filtersFromParams(new URLSearchParams("region=london&region=london&region=&colour=red&year_to=%202020%20"));
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
    expect(filterProblems({ ...NO_FILTERS, yearFrom: "2022", yearTo: "2018" }).map((p) => p.field)).toEqual(["year_to"]);
    expect(filterProblems({ ...NO_FILTERS, minSupport: "0" }).map((p) => p.field)).toEqual(["min_support"]);
    expect(filterProblems({ ...NO_FILTERS, yearFrom: "2018", yearTo: "2018", minSupport: "2" })).toEqual([]);
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

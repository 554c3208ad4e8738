import { describe, expect, it } from "vitest";

import { ordinalOrNothing, readOrdinal } from "./ordinal";

describe("a record's number typed into its box", () => {
  it("reads a whole number from 1 to 10,000, and an empty box as none", () => {
    expect(readOrdinal(" 7 ")).toEqual({ ordinal: 7 });
    expect(readOrdinal("10000")).toEqual({ ordinal: 10_000 });
    expect(readOrdinal("  ")).toEqual({});
  });

  it("says what is wrong with anything else, in the API's bounds", () => {
    for (const typed of ["0", "10001", "2.5", "-3", "three"]) {
      expect(readOrdinal(typed)).toEqual({ problem: "The number must be a whole number from 1 to 10,000" });
    }
  });

  it("gives a draft the number only when it is valid", () => {
    expect(ordinalOrNothing("12")).toBe(12);
    expect(ordinalOrNothing("0")).toBeUndefined();
    expect(ordinalOrNothing("")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";

import { chanceAgreement, kappaParadox, rarerAnswer } from "./paradox";

describe("kappa's paradox", () => {
  it("explains 96% agreement with kappa 0.00 by the code's prevalence", () => {
    // One coder tagged 2 of 50 records, the other 0: agreement 48/50, chance the same, kappa 0.
    expect(chanceAgreement(0.96, 0)).toBeCloseTo(0.96, 10);
    // Equal coders with the rarer answer 2.04% of the time: 0.0204² + 0.9796² = 0.96.
    expect(rarerAnswer(0.96)).toBeCloseTo(0.0204, 4);
    expect(kappaParadox(0.96, 0)).toBe(
      "Kappa is low although the coders agree on 96% of the records: one answer dominates. " +
        'The rarer answer (usually "tagged") was given about 2% of the time, so chance alone would give 96% ' +
        "agreement, and kappa counts only agreement beyond chance (kappa's paradox). " +
        "Read it with the percent agreement and the disagreements.",
    );
  });

  it("works chance agreement out from agreement and kappa", () => {
    // agreement 0.92, chance 0.9: kappa = (0.92 - 0.9) / 0.1 = 0.2.
    expect(chanceAgreement(0.92, 0.2)).toBeCloseTo(0.9, 10);
    expect(kappaParadox(0.92, 0.2)).toContain("chance alone would give 90% agreement");
    expect(kappaParadox(0.999, -0.0005)).toContain("given under 1% of the time");
  });

  it("says nothing when kappa is not low, agreement not high, or either is not defined", () => {
    expect(kappaParadox(0.96, 0.21)).toBeNull();
    expect(kappaParadox(0.79, 0)).toBeNull();
    expect(kappaParadox(null, 0)).toBeNull();
    expect(kappaParadox(0.96, null)).toBeNull();
  });
});

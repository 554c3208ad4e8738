import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { AgreementRead } from "../../client/types.gen";
import { json, LEAD, renderInReview, serve } from "../../testing/review";
import { AgreementView } from "./AgreementView";

afterEach(cleanup);

const SECOND = "second.coder@demo.example.org";

// 50 records a code may tag: one coder tagged 2 with supervision, the other none.
const AGREEMENT: AgreementRead = {
  typology_version: "1.0",
  coders: [LEAD.email, SECOND],
  overall: { code: "all codes used", units: 100, percent_agreement: 0.9, cohen_kappa: 0.6, krippendorff_alpha: 0.6 },
  codes: [
    {
      code: "sp.management.supervision",
      units: 50,
      percent_agreement: 0.96,
      cohen_kappa: 0,
      krippendorff_alpha: -0.01,
    },
    { code: "pt.information-sharing", units: 50, percent_agreement: 0.84, cohen_kappa: 0.62, krippendorff_alpha: 0.6 },
  ],
  disagreements: [],
  open_disagreements: 0,
};

function show(agreement: AgreementRead) {
  serve({ "GET /reviews/1/agreement": () => json(200, agreement) });
  renderInReview(<AgreementView reviewId={1} lead index={new Map()} targets={new Map()} version="1.0" />, {
    path: "/reviews/1/agreement",
    route: "agreement",
  });
}

describe("AgreementView: the words and kappa's paradox", () => {
  it("says why kappa is 0 beside a code the coders agree on 96% of the time, and only there", async () => {
    show(AGREEMENT);
    const table = await screen.findByRole("table", { name: "Agreement by code" });
    const [, supervision, sharing] = within(table).getAllByRole("row");
    expect(supervision.textContent).toContain("96%");
    expect(supervision.textContent).toContain(
      "Kappa is low although the coders agree on 96% of the records: one answer dominates. " +
        'The rarer answer (usually "tagged") was given about 2% of the time, so chance alone would give 96% agreement',
    );
    expect(sharing.textContent).not.toContain("Kappa is low");
    // The overall kappa (0.60) needs no note.
    expect(screen.getAllByText(/Kappa is low/)).toHaveLength(1);
  });

  it("puts the paradox under the overall kappa when it happens there", async () => {
    show({ ...AGREEMENT, overall: { ...AGREEMENT.overall, percent_agreement: 0.96, cohen_kappa: 0.05 } });
    const summary = (await screen.findByText("Records and codes compared")).closest("dl") as HTMLElement;
    expect(within(summary).getByText(/Kappa is low although the coders agree on 96%/)).toBeVisible();
  });

  it("explains percent agreement, kappa and alpha where they are named", async () => {
    show(AGREEMENT);
    await screen.findByRole("table", { name: "Agreement by code" });
    for (const term of ["Percent agreement", "Cohen's kappa", "Krippendorff's alpha"]) {
      // Once in the summary, once heading the table's column.
      expect(screen.getAllByRole("button", { name: `What “${term}” means` })).toHaveLength(2);
    }
  });
});

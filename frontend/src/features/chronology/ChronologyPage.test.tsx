import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { json, renderInReview, serve, stamped } from "../../testing/review";
import { ChronologyPage } from "./ChronologyPage";

const ENTRIES = [
  stamped({
    id: 9,
    version: 1,
    review_id: 1,
    entry_date: "2024-02-01",
    date_precision: "month" as const,
    agency_id: 1,
    summary: "GP 1 saw Child T for a cough.",
    source: "GP record",
    significant: false,
  }),
  stamped({
    id: 11,
    version: 2,
    review_id: 1,
    entry_date: "2024-03-14",
    date_precision: "day" as const,
    agency_id: 2,
    summary: "Police attended a call from a neighbour.",
    source: null,
    significant: true,
  }),
];

afterEach(cleanup);

describe("ChronologyPage", () => {
  it("lists the entries by date and agency, each row with its own id and its changes", async () => {
    serve({ "GET /reviews/1/chronology": () => json(200, { items: ENTRIES, total: 2 }) });
    renderInReview(<ChronologyPage />, { path: "/reviews/1/chronology", route: "chronology" });
    const table = await screen.findByRole("table", { name: /^Entries by date and agency/ });
    expect(table.querySelector("caption")).toHaveTextContent(
      "Entries by date and agency (1 to 2 of 2 that match; 2 in all)",
    );
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Date", "Agency", "Summary", "Significant", "Actions"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.id)).toEqual(["entry-9", "entry-11"]);
    expect(within(rows[0]).getAllByRole("cell")[1]).toHaveTextContent("General practice (GP)");
    expect(within(rows[0]).getAllByRole("cell")[2]).toHaveTextContent("GP 1 saw Child T for a cough.Source: GP record");
    expect(within(rows[1]).getAllByRole("cell")[3]).toHaveTextContent("Significant");
    expect(within(rows[1]).getByRole("button", { name: /^Unmark/ })).toHaveTextContent(
      "Unmark the entry of 14 March 2024 from Police",
    );
    const change = within(rows[0]).getByRole("link", { name: /^Change/ });
    expect(change).toHaveTextContent("Change the entry of February 2024 from General practice (GP)");
    expect(change).toHaveAttribute("href", "/reviews/1/chronology/9");
  });
});

import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { json, renderInReview, serve } from "../../testing/review";
import { ImportPage } from "./ImportPage";

const row = (n: number, outcome: "imported" | "refused" | "duplicate", reason: string | null = null) => ({
  row: n,
  outcome,
  reason,
  entry_date: "2019-04-03",
  date_precision: "day" as const,
  entry_time: null,
  summary: `Entry on row ${n}.`,
  source: null,
  author_role: null,
  significant: false,
  duplicate_of: null,
});

const report = (rows: ReturnType<typeof row>[], committed = false) => ({
  committed,
  file_name: "police.xlsx",
  sha256: "0".repeat(64),
  agency_id: 2,
  agency_code: "police",
  sheet: "Sheet",
  sheets: ["Sheet"],
  header_row: 1,
  headers: ["Occurred", "Narrative"],
  columns: { date: "Occurred", summary: "Narrative" },
  columns_from: "given" as const,
  imported: rows.filter((r) => r.outcome === "imported").length,
  refused: rows.filter((r) => r.outcome === "refused").length,
  duplicates: rows.filter((r) => r.outcome === "duplicate").length,
  rows,
});

afterEach(cleanup);

function choose() {
  const file = new File(["fictional"], "police.xlsx");
  fireEvent.change(screen.getByLabelText("The agency's chronology"), { target: { files: [file] } });
  fireEvent.change(screen.getByLabelText("Agency"), { target: { value: "police" } });
  fireEvent.click(screen.getByRole("button", { name: "Preview the import" }));
}

describe("ImportPage", () => {
  it("offers the headers when no date column is recognised, previews with the columns chosen, then imports", async () => {
    const forms: FormData[] = [];
    const rows = [row(2, "imported"), row(3, "duplicate", "it repeats row 2")];
    serve({
      "POST /reviews/1/chronology/imports": [
        async (request) => {
          forms.push(await request.formData());
          return json(422, {
            detail: "The sheet's header has no date column.",
            errors: [],
            headers: ["Occurred", "Narrative"],
          });
        },
        async (request) => {
          forms.push(await request.formData());
          return json(200, report(rows));
        },
        async (request) => {
          forms.push(await request.formData());
          return json(200, report(rows, true));
        },
      ],
    });
    const { router } = renderInReview(<ImportPage />, {
      path: "/reviews/1/chronology/import",
      route: "chronology/import",
    });
    choose();
    expect(await screen.findByText("The sheet's header has no date column.", { selector: "a, p, li" })).toBeVisible();
    fireEvent.change(await screen.findByLabelText("Date"), { target: { value: "Occurred" } });
    fireEvent.change(screen.getByLabelText("Summary"), { target: { value: "Narrative" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview again with these columns" }));
    expect(await screen.findByText("1 to import, 1 likely duplicate (left out), 0 refused.")).toBeVisible();
    expect(screen.getByText("it repeats row 2")).toBeVisible();
    expect(JSON.parse(String(forms[1].get("columns")))).toEqual({ date: "Occurred", summary: "Narrative" });
    expect(forms[1].get("commit")).toBe("false");

    expect(screen.queryByLabelText("The sheet that holds the chronology")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Import 1 entry" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/chronology"));
    expect(forms[2].get("commit")).toBe("true");
    expect(forms[2].get("agency")).toBe("police");
  });

  it("offers no import while a row is refused", async () => {
    serve({ "POST /reviews/1/chronology/imports": () => json(200, report([row(2, "refused", "it has no summary")])) });
    renderInReview(<ImportPage />, { path: "/reviews/1/chronology/import", route: "chronology/import" });
    choose();
    expect(await screen.findByText(/1 row is refused, so nothing can be imported: correct it/)).toBeVisible();
    expect(screen.queryByRole("button", { name: /^Import/ })).toBeNull();
  });

  it("lets the person choose another sheet of the workbook, and sends it with the import", async () => {
    const forms: FormData[] = [];
    serve({
      "POST /reviews/1/chronology/imports": [
        async (request) => {
          forms.push(await request.formData());
          return json(422, {
            detail: "The header of the sheet 'Notes' (row 1) has no date column.",
            errors: [],
            headers: ["Contents"],
            sheet: "Notes",
            sheets: ["Notes", "2019"],
          });
        },
        async (request) => {
          forms.push(await request.formData());
          return json(200, {
            ...report([row(2, "imported"), row(3, "imported")]),
            sheet: "2019",
            sheets: ["Notes", "2019"],
          });
        },
        async (request) => {
          forms.push(await request.formData());
          return json(200, { ...report([row(2, "imported"), row(3, "imported")], true), sheet: "2019" });
        },
      ],
    });
    renderInReview(<ImportPage />, { path: "/reviews/1/chronology/import", route: "chronology/import" });
    choose();
    const picker = await screen.findByLabelText("The sheet that holds the chronology");
    expect(forms[0].get("sheet")).toBeNull();
    fireEvent.change(picker, { target: { value: "2019" } });
    expect(await screen.findByText("2 to import, 0 likely duplicates (left out), 0 refused.")).toBeVisible();
    expect(forms[1].get("sheet")).toBe("2019");
    expect(forms[1].get("columns")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Import 2 entries" }));
    await waitFor(() => expect(forms).toHaveLength(3));
    expect(forms[2].get("sheet")).toBe("2019");
  });
});

import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { json, renderInReview, serve, stamped } from "../../testing/review";
import { ChronologyEntryPage } from "./ChronologyEntryPage";

const ENTRY = stamped({
  id: 9,
  version: 1,
  review_id: 1,
  entry_date: "2024-02-01",
  date_precision: "month" as const,
  agency_id: 1,
  summary: "GP 1 saw Child T for a cough.",
  source: null,
  significant: false,
});

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe("ChronologyEntryPage", () => {
  it("says what is missing before calling the service", async () => {
    const calls = serve({});
    renderInReview(<ChronologyEntryPage />, { path: "/reviews/1/chronology/new", route: "chronology/new" });
    fireEvent.click(await screen.findByRole("button", { name: "Add the entry" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Enter the date of the entry" })).toBeVisible();
    expect(within(summary).getByRole("link", { name: "Choose the agency whose record this is" })).toBeVisible();
    expect(calls).toEqual([]);
  });

  it("adds an entry known to the month as the first of the month, with the token", async () => {
    sessionStorage.setItem("scr.session", JSON.stringify({ token: "t.o.k", email: "x@y.z", role: "reviewer" }));
    const calls = serve({ "POST /reviews/1/chronology": () => json(201, ENTRY) });
    const { router } = renderInReview(<ChronologyEntryPage />, {
      path: "/reviews/1/chronology/new",
      route: "chronology/new",
    });
    fireEvent.click(await screen.findByLabelText("Month only"));
    expect(screen.queryByRole("textbox", { name: "Day" })).toBeNull();
    fireEvent.change(screen.getByRole("textbox", { name: "Month" }), { target: { value: "2" } });
    type("Year", "2024");
    fireEvent.change(screen.getByLabelText("Agency"), { target: { value: "1" } });
    type("Summary", "GP 1 saw Child T for a cough.");
    fireEvent.click(screen.getByRole("button", { name: "Add the entry" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/chronology"));
    expect(calls[0]).toMatchObject({
      method: "POST",
      auth: "Bearer t.o.k",
      body: {
        entry_date: "2024-02-01",
        date_precision: "month",
        agency_id: 1,
        summary: "GP 1 saw Child T for a cough.",
        source: null,
        significant: false,
      },
    });
  });

  it("shows their version and yours when someone else saved first, and keeps yours on request", async () => {
    const theirs = { ...ENTRY, version: 2, summary: "GP 1 saw Child T and Mother." };
    const calls = serve({
      "GET /reviews/1/chronology/9": () => json(200, ENTRY),
      "PATCH /reviews/1/chronology/9": [
        () =>
          json(409, {
            detail: "Someone else changed this record since you read it (you had version 1, it is now at version 2).",
            errors: [],
            current: theirs,
          }),
        () => json(200, { ...theirs, version: 3, summary: "GP 1 saw Child T alone." }),
      ],
    });
    const { router } = renderInReview(<ChronologyEntryPage />, {
      path: "/reviews/1/chronology/9",
      route: "chronology/:entryId",
    });
    await screen.findByDisplayValue("GP 1 saw Child T for a cough.");
    type("Summary", "GP 1 saw Child T alone.");
    fireEvent.click(screen.getByRole("button", { name: "Save the changes" }));

    expect(await screen.findByText("Someone else changed this")).toBeVisible();
    const table = screen.getByRole("table", { name: "Their version and yours" });
    const row = within(table).getByRole("row", { name: /Summary/ });
    expect(row.textContent).toContain("GP 1 saw Child T and Mother.");
    expect(row.textContent).toContain("GP 1 saw Child T alone.");
    expect(within(table).queryByRole("row", { name: /Agency/ })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Keep my version over theirs" }));
    fireEvent.click(screen.getByRole("button", { name: "Save the changes" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/chronology"));
    const patches = calls.filter((call) => call.method === "PATCH");
    expect(patches.map((call) => (call.body as { version: number }).version)).toEqual([1, 2]);
  });

  it("asks before leaving with unsaved changes", async () => {
    serve({});
    const { router } = renderInReview(<ChronologyEntryPage />, {
      path: "/reviews/1/chronology/new",
      route: "chronology/new",
    });
    await screen.findByLabelText("Summary");
    type("Summary", "Half-typed");
    await router.navigate("/reviews/1");
    expect(await screen.findByRole("alertdialog", { name: "Unsaved changes" })).toBeVisible();
    fireEvent.click(screen.getByRole("button", { name: "Stay on this page" }));
    expect(router.state.location.pathname).toBe("/reviews/1/chronology/new");
    await router.navigate("/reviews/1");
    fireEvent.click(await screen.findByRole("button", { name: "Leave without saving" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1"));
  });
});

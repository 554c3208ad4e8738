import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { AuditEntryRead } from "../../client/types.gen";
import { SessionContext } from "../../common/signedIn";
import type { SignedIn } from "../../session";
import { ADMIN, BOARD } from "../../testing/patterns";
import { json, serve } from "../../testing/review";
import { AuditPage } from "./AuditPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ENTRY: AuditEntryRead = {
  id: 9,
  at: "2026-12-04T10:15:00Z",
  actor: "lead.reviewer@demo.example.org",
  action: "refused",
  object_type: "reviews",
  object_id: null,
  review_id: 12,
  request_id: "req-42",
};

function open(session: SignedIn, address = "/audit") {
  const router = createMemoryRouter(
    [
      { path: "/audit", element: <AuditPage /> },
      { path: "/", element: <h1>Home</h1> },
    ],
    { initialEntries: [address] },
  );
  render(
    <SessionContext.Provider value={session}>
      <RouterProvider router={router} />
    </SessionContext.Provider>,
  );
  return router;
}

describe("AuditPage", () => {
  it("lists the entries an administrator filters, the filters kept in the address", async () => {
    const asked: URLSearchParams[] = [];
    serve({
      "GET /audit": (request) => {
        asked.push(new URL(request.url).searchParams);
        return json(200, { items: [ENTRY], total: 1 });
      },
    });
    const router = open(ADMIN);
    const table = await screen.findByRole("table", { name: "Entries, newest first" });
    expect(within(table).getAllByRole("row")[1].textContent).toContain(
      "lead.reviewer@demo.example.orgRefusedreviews12req-42",
    );
    fireEvent.change(screen.getByLabelText("Done by"), { target: { value: " lead.reviewer@demo.example.org " } });
    fireEvent.change(screen.getByLabelText("Review number"), { target: { value: "12" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(router.state.location.search).toBe("?actor=lead.reviewer%40demo.example.org&review_id=12");
    expect([asked[1].get("actor"), asked[1].get("review_id")]).toEqual(["lead.reviewer@demo.example.org", "12"]);
  });

  it("asks for a review's number as digits", async () => {
    serve({ "GET /audit": () => json(200, { items: [], total: 0 }) });
    open(ADMIN);
    await screen.findByRole("status");
    fireEvent.change(screen.getByLabelText("Review number"), { target: { value: "twelve" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(await screen.findByText("Enter the review's number, like 12")).toBeVisible();
  });

  it("sends anyone but an administrator home", async () => {
    const calls = serve({});
    open(BOARD);
    expect(await screen.findByRole("heading", { name: "Home" })).toBeVisible();
    expect(calls).toEqual([]);
  });
});

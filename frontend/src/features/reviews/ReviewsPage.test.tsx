import { cleanup, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import { SessionContext } from "../../common/signedIn";
import type { SignedIn } from "../../session";
import { BOARD, NATIONAL } from "../../testing/patterns";
import { json, serve } from "../../testing/review";
import { ReviewsPage } from "./ReviewsPage";

function open(session: SignedIn) {
  const router = createMemoryRouter(
    [
      { path: "/reviews", element: <ReviewsPage /> },
      { path: "/patterns", element: <h1>National patterns</h1> },
    ],
    { initialEntries: ["/reviews"] },
  );
  render(
    <SessionContext.Provider value={session}>
      <RouterProvider router={router} />
    </SessionContext.Provider>,
  );
  return router;
}

describe("ReviewsPage", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("sends a national analyst, who sees no single review, to the national figures", async () => {
    const calls = serve({ "GET /reviews": () => json(403, { detail: "A national analyst sees no single review." }) });
    const router = open(NATIONAL);
    expect(await screen.findByRole("heading", { name: "National patterns" })).toBeVisible();
    expect(router.state.location.pathname).toBe("/patterns");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("lists the reviews a board member may see", async () => {
    const calls = serve({ "GET /reviews": () => json(200, { items: [], total: 0, limit: 50, offset: 0 }) });
    const router = open(BOARD);
    expect(await screen.findByRole("heading", { name: "Reviews" })).toBeVisible();
    expect(router.state.location.pathname).toBe("/reviews");
    await vi.waitFor(() => expect(calls.map((call) => call.path)).toEqual(["/reviews"]));
  });
});

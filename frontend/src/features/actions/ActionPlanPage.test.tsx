import { cleanup, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import { SessionContext } from "../../common/signedIn";
import { json, LEAD, serve, stamped } from "../../testing/review";
import { ActionPlanPage } from "./ActionPlanPage";

const BOARD = stamped({ id: 1, version: 1, name: "Northby Safeguarding Partnership", code: "NBY", region: "london" });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ActionPlanPage", () => {
  it("offers the plan as it is filtered, each download a link to the file's own address", async () => {
    serve({
      "GET /boards/1": () => json(200, BOARD),
      "GET /agencies": () => json(200, { items: [], total: 0 }),
      "GET /reviews": () => json(200, { items: [], total: 0 }),
      "GET /boards/1/actions": () => json(200, { items: [], total: 0 }),
    });
    const router = createMemoryRouter(
      [
        {
          path: "/boards/:boardId/actions",
          element: (
            <SessionContext.Provider value={LEAD}>
              <ActionPlanPage />
            </SessionContext.Provider>
          ),
        },
      ],
      { initialEntries: ["/boards/1/actions?status=open&overdue=true"] },
    );
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole("link", { name: "Action plan (Excel workbook)" })).toHaveAttribute(
      "href",
      "/api/v1/boards/1/actions?format=xlsx&status=open&overdue=true",
    );
    expect(screen.getByRole("link", { name: "Action plan (CSV)" })).toHaveAttribute(
      "href",
      "/api/v1/boards/1/actions?format=csv&status=open&overdue=true",
    );
  });
});

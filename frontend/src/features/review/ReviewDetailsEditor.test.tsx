import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { BoardRead } from "../../client/types.gen";
import { json, serve, stamped } from "../../testing/review";
import { ReviewDetailsEditor } from "./ReviewDetailsEditor";

const board = (id: number, name: string): BoardRead =>
  stamped({ id, version: 1, name, code: `B${id}`, region: "north_east" });

function openAReview(boards: BoardRead[]) {
  const router = createMemoryRouter(
    [
      {
        path: "/reviews/new",
        element: <ReviewDetailsEditor review={null} boards={boards} contextGroups={[]} codesNote="" />,
      },
      { path: "*", element: <h1>Elsewhere</h1> },
    ],
    { initialEntries: ["/reviews/new"] },
  );
  render(<RouterProvider router={router} />);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("opening a review", () => {
  it("chooses the partnership when there is only one", () => {
    openAReview([board(4, "Northby Safeguarding Children Partnership")]);
    expect(screen.getByLabelText("Safeguarding partnership")).toHaveProperty("value", "4");
  });

  it("asks for the partnership when there are several, and sends nothing until chosen", async () => {
    const calls = serve({ "POST /reviews": () => json(201, {}) });
    openAReview([
      board(4, "Northby Safeguarding Children Partnership"),
      board(5, "Southby Safeguarding Children Partnership"),
    ]);
    expect(screen.getByLabelText("Safeguarding partnership")).toHaveProperty("value", "");
    fireEvent.click(screen.getByRole("button", { name: "Open the review" }));
    expect(await screen.findByRole("link", { name: "Select the safeguarding partnership" })).toBeVisible();
    expect(calls).toEqual([]);
  });

  it("asks to confirm the partnership, and opens the review only after Yes", async () => {
    const calls = serve({ "POST /reviews": () => json(201, { id: 9, reference: "SBY-1" }) });
    openAReview([
      board(4, "Northby Safeguarding Children Partnership"),
      board(5, "Southby Safeguarding Children Partnership"),
    ]);
    fireEvent.change(screen.getByLabelText("Safeguarding partnership"), { target: { value: "5" } });
    fireEvent.change(screen.getByLabelText("Reference"), { target: { value: "SBY-1" } });
    fireEvent.change(screen.getByLabelText("Child"), { target: { value: "Child S" } });
    fireEvent.click(screen.getByRole("radio", { name: "Rapid review" }));
    fireEvent.click(screen.getByRole("button", { name: "Open the review" }));
    expect((await screen.findByRole("status")).textContent).toContain(
      "the review will be opened for Southby Safeguarding Children Partnership (B5)",
    );
    expect(calls).toEqual([]);
    // Choosing another partnership asks again, for that one.
    fireEvent.change(screen.getByLabelText("Safeguarding partnership"), { target: { value: "4" } });
    expect(screen.queryByRole("status")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Open the review" }));
    fireEvent.click(
      await screen.findByRole("button", { name: "Yes, open it for Northby Safeguarding Children Partnership" }),
    );
    await screen.findByRole("heading", { name: "Elsewhere" });
    expect(calls.map((c) => [c.method, c.path, (c.body as { board_id: number }).board_id])).toEqual([
      ["POST", "/reviews", 4],
    ]);
  });
});

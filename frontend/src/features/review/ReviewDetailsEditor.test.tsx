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
      { path: "/reviews/new", element: <ReviewDetailsEditor review={null} boards={boards} contextGroups={[]} /> },
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
    expect(await screen.findByRole("link", { name: "Select the safeguarding partnership" })).toBeTruthy();
    expect(calls).toEqual([]);
  });
});

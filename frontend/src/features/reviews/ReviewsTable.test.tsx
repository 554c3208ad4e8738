import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";

import { ReviewsTable } from "./ReviewsTable";

afterEach(cleanup);

describe("ReviewsTable", () => {
  it("says so when there are no reviews", () => {
    render(<ReviewsTable reviews={[]} />);
    expect(screen.getByText("There are no reviews yet.")).toBeVisible();
  });

  it("shows each review in the domain's words, its reference opening it", () => {
    render(
      <MemoryRouter>
        <ReviewsTable
          reviews={[
            {
              id: 7,
              reference: "EAS-2023-04",
              child_pseudonym: "Child M",
              review_type: "local_child_safeguarding_practice_review",
              status: "analysis",
            },
          ]}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole("table", { name: "Reviews" })).toBeVisible();
    expect(screen.getByText("Local child safeguarding practice review")).toBeVisible();
    expect(screen.getByText("Analysis")).toBeVisible();
    expect(screen.getByRole("link", { name: "EAS-2023-04" }).getAttribute("href")).toBe("/reviews/7");
  });
});

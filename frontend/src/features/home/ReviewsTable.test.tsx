import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { ReviewsTable } from "./ReviewsTable";

afterEach(cleanup);

describe("ReviewsTable", () => {
  it("says so when there are no reviews", () => {
    render(<ReviewsTable reviews={[]} />);
    expect(screen.getByText("There are no reviews yet.")).toBeTruthy();
  });

  it("shows each review in the domain's words", () => {
    render(
      <ReviewsTable
        reviews={[
          {
            id: 1,
            reference: "EAS-2023-04",
            child_pseudonym: "Child M",
            review_type: "local_child_safeguarding_practice_review",
            status: "analysis",
          },
        ]}
      />,
    );
    expect(screen.getByRole("table", { name: "Reviews" })).toBeTruthy();
    expect(screen.getByText("Local child safeguarding practice review")).toBeTruthy();
    expect(screen.getByText("Analysis")).toBeTruthy();
  });
});

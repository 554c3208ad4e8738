import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryRouter, RouterProvider } from "react-router-dom";

import type { CheckRead } from "../../client/types.gen";
import { ChecksList } from "./ChecksList";

afterEach(cleanup);

// Database ids (3464, 3502, 911) that are not the method's numbers (KPE 3, Factor 2, Finding 1).
const CHECKS: CheckRead[] = [
  {
    code: "episode-without-factor",
    severity: "blocking",
    message: "KPE 3: Home visit is not explained by any contributory factor.",
    records: ["episode:3464"],
    names: ["KPE 3"],
  },
  {
    code: "finding-without-questions",
    severity: "blocking",
    message: "Finding 1: Who holds the whole picture has no questions for the Board.",
    records: ["finding:911"],
    names: ["Finding 1"],
  },
  {
    code: "factor-unlinked",
    severity: "advisory",
    message: "Factor 2 'Supervision was cancelled.' is linked to nothing.",
    records: ["factor:3502"],
    names: ["Factor 2"],
  },
];

function show(severity: "blocking" | "advisory") {
  const router = createMemoryRouter([
    { path: "*", element: <ChecksList reviewId={5} checks={CHECKS} severity={severity} /> },
  ]);
  render(<RouterProvider router={router} />);
  return screen.getByRole("list", { name: severity === "blocking" ? "Blocking checks" : "Advisory checks" });
}

describe("ChecksList", () => {
  it("links each record by the method's name, to its own screen by its id", () => {
    const list = show("blocking");
    const links = within(list).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Open KPE 3", "Open Finding 1"]);
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/reviews/5/episodes/3464",
      "/reviews/5/findings/911",
    ]);
    expect(list.textContent).not.toContain("3464");
  });

  it("names a factor as the method does", () => {
    const list = show("advisory");
    const link = within(list).getByRole("link", { name: "Open Factor 2" });
    expect(link.getAttribute("href")).toBe("/reviews/5/factors/3502");
    expect(list.textContent).not.toContain("3502");
  });
});

import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { SignedIn } from "../../session";
import { json, renderInReview, serve, stamped } from "../../testing/review";
import { FindingsPage } from "./FindingsPage";
import { FINDING, TYPOLOGY } from "./testData";

const BOARD: SignedIn = { token: "a.b.c", email: "board.member@demo.example.org", role: "board" };

const ANSWERED = {
  ...FINDING,
  questions: [
    FINDING.questions[0],
    { ...FINDING.questions[0], id: 22, ordinal: 2, board_response: "Agreed.", question: "Who decides?" },
  ],
};
const BARE = {
  ...FINDING,
  id: 5,
  ordinal: 3,
  title: "Good joint working in the hospital",
  pattern_kind: "constructive" as const,
  category: null,
  questions: [],
};
const link = (id: number, source: string, target: string, kind = "evidenced_by") =>
  stamped({ id, version: 1, review_id: 1, kind, source, target, evidence_note: null });

function service() {
  return serve({
    ...TYPOLOGY,
    "GET /reviews/1/findings": () => json(200, { items: [ANSWERED, BARE], total: 2 }),
    "GET /reviews/1/links": () =>
      json(200, {
        items: [
          link(1, "finding:4", "episode:3"),
          link(2, "finding:4", "episode:6"),
          link(3, "finding:4", "factor:7"),
          // Another kind of link, and evidence of another finding, are not this one's evidence.
          link(4, "factor:7", "episode:3", "contributed_to"),
        ],
        total: 4,
      }),
  });
}

afterEach(cleanup);

describe("FindingsPage", () => {
  it("lists the findings in order with their pattern, questions for the Board and evidence", async () => {
    service();
    renderInReview(<FindingsPage />, { path: "/reviews/1/findings", route: "findings" });
    const table = await screen.findByRole("table", { name: "Findings in the report's order" });
    const [, first, second] = within(table).getAllByRole("row");
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(within(first).getByRole("link", { name: FINDING.title }).getAttribute("href")).toBe("/reviews/1/findings/4");
    expect(cells(first)).toEqual([
      "2",
      FINDING.title,
      "UnsafeCaseload against capacity",
      "21 answered",
      "2 episodes, 1 factor",
    ]);
    expect(cells(second)).toEqual(["3", BARE.title, "Constructive", "None yet", "No evidence yet"]);
    expect(screen.getByRole("link", { name: "Add a finding" }).getAttribute("href")).toBe("/reviews/1/findings/new");
  });

  it("offers a board member no way to add a finding", async () => {
    service();
    renderInReview(<FindingsPage />, { path: "/reviews/1/findings", route: "findings", session: BOARD });
    expect(await screen.findByRole("table", { name: "Findings in the report's order" })).toBeVisible();
    expect(screen.queryByRole("link", { name: "Add a finding" })).toBeNull();
  });
});

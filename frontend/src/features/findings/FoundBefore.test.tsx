import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { EarlierFinding, FoundBeforeRead, Suggestion } from "../../client/types.gen";
import { json, renderInReview, serve } from "../../testing/review";
import { FoundBefore } from "./FoundBefore";

const EARLIER: EarlierFinding = {
  finding_id: 31,
  review_id: 4,
  reference: "NBY-2021-02",
  board_id: 1,
  board_name: "Northby Safeguarding Partnership",
  name: "Finding 2",
  title: "Referrals go unanswered",
};

const SUGGESTIONS: Suggestion[] = [
  {
    earlier: EARLIER,
    statement: "Schools' referrals are not acknowledged by the front door.",
    scope: "partnership",
    shared_codes: [{ code: "sp.crisis.referral-feedback", label: "Referral and feedback between agencies" }],
    shared_words: ["referrals", "acknowledged"],
    text_score: 2.1,
  },
  {
    earlier: {
      ...EARLIER,
      finding_id: 77,
      review_id: 9,
      reference: "WST-2019-01",
      board_id: 2,
      board_name: "Westby Partnership",
      name: "Finding 1",
      title: "Nobody answers",
    },
    statement: "Referrals from schools were never acknowledged.",
    scope: "national",
    shared_codes: [],
    shared_words: ["schools"],
    text_score: 0.8,
  },
];

const LINK: FoundBeforeRead = {
  id: 5,
  finding_id: 12,
  earlier: EARLIER,
  found_before: "Found before in Northby Safeguarding Partnership NBY-2021-02, Finding 2",
  created_at: "2024-01-01T00:00:00Z",
  updated_by: "lead.reviewer@demo.example.org",
};

const BASE = "/reviews/1/findings/12";
const render = (editable = true) =>
  renderInReview(<FoundBefore reviewId={1} findingId={12} ordinal={3} editable={editable} />, {
    path: "/reviews/1/findings/12",
    route: "findings/:findingId",
  });

afterEach(cleanup);

describe("FoundBefore", () => {
  it("lists earlier findings with why each was suggested, and links one", async () => {
    const calls = serve({
      [`GET ${BASE}/found-before`]: [() => json(200, []), () => json(200, [LINK])],
      [`GET ${BASE}/suggestions`]: [
        () => json(200, { items: SUGGESTIONS, total: 2 }),
        () => json(200, { items: SUGGESTIONS.slice(1), total: 1 }),
      ],
      [`POST ${BASE}/found-before`]: () => json(201, LINK),
    });
    render();
    const list = await screen.findByRole("list", { name: "Suggested earlier findings" });
    const [first, second] = within(list).getAllByRole("listitem");
    expect(first.textContent).toContain(
      "Northby Safeguarding Partnership NBY-2021-02, Finding 2: Referrals go unanswered",
    );
    expect(within(first).getByText("This partnership")).toBeVisible();
    expect(
      within(first).getByText(
        "Suggested because both have the agreed code Referral and feedback between agencies, and both use the words ‘referrals’, ‘acknowledged’.",
      ),
    ).toBeVisible();
    expect(within(second).getByText("Published, another partnership")).toBeVisible();
    expect(within(second).getByText("Suggested because both use the words ‘schools’.")).toBeVisible();
    expect(screen.getByText("Not linked to an earlier finding.")).toBeVisible();

    fireEvent.click(
      within(first).getByRole("button", {
        name: "Found before in Northby Safeguarding Partnership NBY-2021-02, Finding 2",
      }),
    );
    expect(
      await screen.findByText(
        "Finding 3 is now linked: Found before in Northby Safeguarding Partnership NBY-2021-02, Finding 2.",
      ),
    ).toBeVisible();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ earlier_finding_id: 31 });
    const linked = await screen.findByRole("list", { name: "Found before in" });
    expect(linked.textContent).toContain(
      "Found before in Northby Safeguarding Partnership NBY-2021-02, Finding 2: Referrals go unanswered",
    );
    expect(
      within(screen.getByRole("list", { name: "Suggested earlier findings" })).getAllByRole("listitem"),
    ).toHaveLength(1);
  });

  it("shows the service's sentence when a link is refused", async () => {
    serve({
      [`GET ${BASE}/found-before`]: () => json(200, []),
      [`GET ${BASE}/suggestions`]: () => json(200, { items: SUGGESTIONS.slice(0, 1), total: 1 }),
      [`POST ${BASE}/found-before`]: () => json(409, { detail: "Finding 3 is already linked to it." }),
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: /^Found before in Northby/ }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Finding 3 is already linked to it.");
  });

  it("only shows the links to one who may not change the review", async () => {
    const calls = serve({
      [`GET ${BASE}/found-before`]: () => json(200, [LINK]),
      [`GET ${BASE}/suggestions`]: () => json(200, { items: SUGGESTIONS, total: 2 }),
    });
    render(false);
    const linked = await screen.findByRole("list", { name: "Found before in" });
    expect(linked.textContent).toBe(
      "Found before in Northby Safeguarding Partnership NBY-2021-02, Finding 2: Referrals go unanswered ",
    );
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByRole("list", { name: "Suggested earlier findings" })).toBeNull();
    expect(calls.every((call) => call.method === "GET")).toBe(true);
  });
});

import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { AgreementRead, TagRead } from "../../client/types.gen";
import type { SignedIn } from "../../session";
import { json, LEAD, renderInReview, serve } from "../../testing/review";
import { TaggingPage } from "./TaggingPage";
import { RECORD_ROUTES, TREE, tag, TYPOLOGY_ROUTES } from "./testData";

const SECOND: SignedIn = { token: "d.e.f", email: "second.coder@demo.example.org", role: "reviewer" };
const BOARD: SignedIn = { token: "g.h.i", email: "board.member@demo.example.org", role: "board" };

afterEach(cleanup);

function tags(items: TagRead[]) {
  return { "GET /reviews/1/tags": () => json(200, { items, total: items.length }) };
}

function open(options: { session?: SignedIn; lead?: boolean; view?: string } = {}) {
  const query = options.view ? `?view=${options.view}` : "";
  return renderInReview(<TaggingPage />, {
    path: `/reviews/1/tagging${query}`,
    route: "tagging",
    session: options.session,
    lead: options.lead,
  });
}

const row = (text: string) => screen.getAllByRole("row").find((r) => r.textContent?.includes(text)) as HTMLElement;

describe("TaggingPage: tagging records", () => {
  it("finds a code that may tag a factor and records it as the agreed tag, as the lead reviewer", async () => {
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags([]),
      "POST /reviews/1/tags": (request) =>
        request
          .json()
          .then((body) =>
            json(201, tag(body.target, body.code, LEAD.email, { agreed: body.agreed, rationale: body.rationale })),
          ),
    });
    open();
    await screen.findByRole("heading", { name: "Contributory factors" });
    expect(screen.getAllByRole("row").map((r) => r.querySelector("th")?.textContent)).toEqual([
      "Record",
      "Review NBY-2024-01, Child T",
      "Record",
      "KPE 1: Booking appointment",
      "Record",
      "Health visitors' caseloads were far above the safe limit.",
      "Supervision was used to allocate cases.",
    ]);
    fireEvent.click(within(row("caseloads were far above")).getByRole("button", { name: /^Add a tag/ }));
    const search = screen.getByRole("searchbox", { name: "Find a code" });
    fireEvent.change(search, { target: { value: "targets" } });
    // A deprecated code is not offered, nor one for another kind of record.
    expect(screen.getByText("No code that may tag a contributory factor matches ‘targets’.")).toBeVisible();
    fireEvent.change(search, { target: { value: "family" } });
    expect(screen.getByText("No code that may tag a contributory factor matches ‘family’.")).toBeVisible();
    fireEvent.change(search, { target: { value: "optimism" } });
    fireEvent.click(screen.getByRole("radio", { name: "Over-optimism about progress" }));
    fireEvent.click(screen.getByRole("radio", { name: /^An agreed tag of the review/ }));
    fireEvent.change(screen.getByLabelText("Rationale (optional)"), {
      target: { value: "Warmth outweighed concerns." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add the tag" }));

    const added = await screen.findByText("Tagged with ‘Over-optimism about progress’ as an agreed tag.");
    expect(within(row("caseloads were far above")).getByText("Agreed")).toBeVisible();
    expect(added).toBeVisible();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      target: "factor:7",
      code: "sp.reasoning.over-optimism",
      typology_version: "1.0",
      rationale: "Warmth outweighed concerns.",
      agreed: true,
    });
    expect(screen.queryByRole("searchbox", { name: "Find a code" })).toBeNull();
  });

  it("offers a reviewer who is not the lead only their own coding, and asks for a code first", async () => {
    const calls = serve({ ...TYPOLOGY_ROUTES, ...RECORD_ROUTES, ...tags([]) });
    open({ session: SECOND, lead: false });
    await screen.findByRole("heading", { name: "Contributory factors" });
    fireEvent.click(within(row("Booking appointment")).getByRole("button", { name: /^Add a tag/ }));
    expect(screen.queryByRole("radio", { name: /agreed tag/ })).toBeNull();
    expect(screen.getByText(/^Added as my coding \(blind/)).toBeVisible();
    fireEvent.click(screen.getByRole("button", { name: "Add the tag" }));
    expect(await screen.findByRole("link", { name: "Find a code and choose it" })).toBeVisible();
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
  });

  it("shows the service's sentence when the tag is refused, and reads the tags again on a 409", async () => {
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags([]),
      "POST /reviews/1/tags": () =>
        json(409, { detail: "second.coder@demo.example.org has submitted their coding of this review; it is closed." }),
    });
    open({ session: SECOND, lead: false });
    await screen.findByRole("heading", { name: "Contributory factors" });
    fireEvent.click(within(row("Booking appointment")).getByRole("button", { name: /^Add a tag/ }));
    fireEvent.change(screen.getByRole("searchbox", { name: "Find a code" }), { target: { value: "sharing" } });
    fireEvent.click(screen.getByRole("radio", { name: "Information sharing" }));
    fireEvent.click(screen.getByRole("button", { name: "Add the tag" }));
    expect(await screen.findByText("The tag was not added")).toBeVisible();
    expect(screen.getByText(/has submitted their coding of this review; it is closed\./)).toBeVisible();
    await waitFor(() =>
      expect(calls.filter((call) => call.path === "/reviews/1/tags" && call.method === "GET")).toHaveLength(2),
    );
  });

  it("puts the service's 422 on the field it is about", async () => {
    serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags([]),
      "POST /reviews/1/tags": () =>
        json(422, {
          detail: "Code fl.working-conditions is deprecated in typology 1.0; choose a current code.",
          errors: [
            {
              field: "code",
              loc: ["body", "code"],
              type: "rule",
              message: "Code fl.working-conditions is deprecated in typology 1.0; choose a current code.",
            },
          ],
        }),
    });
    open({ session: SECOND, lead: false });
    await screen.findByRole("heading", { name: "Contributory factors" });
    fireEvent.click(within(row("Supervision was used")).getByRole("button", { name: /^Add a tag/ }));
    fireEvent.change(screen.getByRole("searchbox", { name: "Find a code" }), { target: { value: "working" } });
    fireEvent.click(screen.getByRole("radio", { name: "Working conditions" }));
    fireEvent.click(screen.getByRole("button", { name: "Add the tag" }));
    const link = await screen.findByRole("link", { name: /is deprecated in typology 1\.0/ });
    expect(link.getAttribute("href")).toBe("#tag-factor-8-search");
    expect(screen.getByRole("searchbox", { name: "Find a code" }).getAttribute("aria-describedby")).toContain(
      "tag-factor-8-search-error",
    );
  });

  it("removes one's own tag, and submits one's coding only after asking", async () => {
    const mine = tag("factor:8", "sp.management.supervision", SECOND.email);
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      "GET /reviews/1/tags": [
        () => json(200, { items: [mine, tag("episode:12", "pt.information-sharing", SECOND.email)], total: 2 }),
        () =>
          json(200, {
            items: [
              tag("episode:12", "pt.information-sharing", SECOND.email, { submitted: true }),
              tag("episode:12", "pt.information-sharing", LEAD.email, { submitted: true }),
            ],
            total: 2,
          }),
      ],
      [`DELETE /reviews/1/tags/${mine.id}`]: () => new Response(null, { status: 204 }),
      "POST /reviews/1/tags/submit": () => json(200, { coder: SECOND.email, tags: 1 }),
    });
    open({ session: SECOND, lead: false });
    expect(await screen.findByText("Your coding has 2 tags, not submitted yet.")).toBeVisible();
    expect(screen.getByText(/You are coding blind/)).toBeVisible();

    fireEvent.click(within(row("Supervision was used")).getByRole("button", { name: /^Remove Supervision quality/ }));
    expect(await screen.findByText("‘Supervision quality’ was removed.")).toBeVisible();
    expect(screen.getByText("Your coding has 1 tag, not submitted yet.")).toBeVisible();

    fireEvent.click(screen.getByRole("button", { name: "Submit my coding" }));
    expect(calls.filter((call) => call.path === "/reviews/1/tags/submit")).toEqual([]);
    expect(screen.getByText(/Submit your coding \(1 tag\)\?/)).toBeVisible();
    fireEvent.click(screen.getByRole("button", { name: "Yes, submit my coding" }));

    expect(await screen.findByText(/Your coding \(1 tag\) was submitted\./)).toBeVisible();
    await screen.findByText(/You have submitted your coding of this review/);
    const episode = row("Booking appointment");
    expect(within(episode).getByText(`By ${LEAD.email}`)).toBeVisible();
    expect(within(episode).getByText("Submitted")).toBeVisible();
    expect(screen.queryAllByRole("button", { name: /^(Add a tag|Remove)/ })).toEqual([]);
  });

  it("lets a board member read the tags without any control to change them", async () => {
    serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags([tag("factor:7", "sp.reasoning.over-optimism", LEAD.email, { agreed: true })]),
    });
    open({ session: BOARD, lead: false });
    await screen.findByRole("heading", { name: "Contributory factors" });
    expect(within(row("caseloads were far above")).getByText("Over-optimism about progress")).toBeVisible();
    expect(screen.getByText(/only the review's reviewers tag it/)).toBeVisible();
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  it("names a tag of an older version by that version's label, where the current one lacks its code", async () => {
    const older = {
      ...TREE,
      version: "0.9",
      codes: [{ ...TREE.codes[4], id: "fl.retired-level", label: "A level the next version retired" }],
    };
    serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      "GET /typologies/0.9": () => json(200, older),
      ...tags([
        tag("factor:7", "fl.retired-level", LEAD.email, { agreed: true, typology_version: "0.9" }),
        tag("factor:7", "pt.information-sharing", LEAD.email, { agreed: true }),
      ]),
    });
    open({ session: BOARD, lead: false });
    await screen.findByRole("heading", { name: "Contributory factors" });
    const factor = within(row("caseloads were far above"));
    expect(factor.queryByText(/A level the next version retired/)).not.toBeNull();
    expect(factor.queryByText(/Information sharing/)).not.toBeNull();
  });
});

const AGREEMENT: AgreementRead = {
  typology_version: "1.0",
  coders: [LEAD.email, SECOND.email],
  overall: { code: "all codes used", units: 6, percent_agreement: 0.8333, cohen_kappa: 0.4, krippendorff_alpha: null },
  codes: [
    { code: "sp.management.supervision", units: 2, percent_agreement: 0.5, cohen_kappa: 0, krippendorff_alpha: -0.2 },
  ],
  disagreements: [
    {
      target: "factor:7",
      code: "fl.working-conditions",
      tagged_by: [LEAD.email],
      not_tagged_by: [SECOND.email],
      adjudication: "rejected",
      adjudication_rationale: "Not a working condition.",
    },
    {
      target: "factor:8",
      code: "sp.management.supervision",
      tagged_by: [SECOND.email],
      not_tagged_by: [LEAD.email],
      adjudication: null,
      adjudication_rationale: null,
    },
  ],
  open_disagreements: 1,
};

const SUBMITTED = [tag("factor:8", "sp.management.supervision", LEAD.email, { submitted: true })];

describe("TaggingPage: agreement", () => {
  it("shows the agreement figures and lets the lead reviewer decide a disagreement with a reason", async () => {
    const decided = {
      ...AGREEMENT,
      disagreements: [
        AGREEMENT.disagreements[0],
        {
          ...AGREEMENT.disagreements[1],
          adjudication: "agreed" as const,
          adjudication_rationale: "Supervision shows it.",
        },
      ],
      open_disagreements: 0,
    };
    let agreed: TagRead[] = [];
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      "GET /reviews/1/tags": () =>
        json(200, { items: [...SUBMITTED, ...agreed], total: SUBMITTED.length + agreed.length }),
      "GET /reviews/1/agreement": () => json(200, AGREEMENT),
      "POST /reviews/1/agreement/adjudications": () => {
        agreed = [tag("factor:8", "sp.management.supervision", LEAD.email, { agreed: true })];
        return json(200, decided);
      },
    });
    open({ view: "agreement" });
    expect(await screen.findByText("83%")).toBeVisible();
    expect(screen.getByText("0.40")).toBeVisible();
    expect(screen.getByText("Not defined")).toBeVisible();
    expect(screen.getByText("1 of 2")).toBeVisible();
    const table = screen.getByRole("table", { name: "Disagreements, the open ones first" });
    const [, first, second] = within(table).getAllByRole("row");
    expect(first.textContent).toContain("Supervision was used to allocate cases.");
    expect(within(first).getByText("Open")).toBeVisible();
    expect(within(second).getByText("Rejected")).toBeVisible();
    expect(within(second).getByText("Not a working condition.")).toBeVisible();

    fireEvent.click(within(first).getByRole("button", { name: /^Decide Supervision quality on/ }));
    fireEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    expect(await screen.findByRole("link", { name: "Choose whether to agree or reject the code" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Give the reason for your decision" })).toBeVisible();
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);

    fireEvent.click(screen.getByRole("radio", { name: /^Agree:/ }));
    fireEvent.change(screen.getByLabelText("Reason"), { target: { value: "Supervision shows it." } });
    fireEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    expect(
      await screen.findByText(
        "You agreed ‘Supervision quality’ on ‘Supervision was used to allocate cases.’; 0 disagreements remain open.",
      ),
    ).toBeVisible();
    expect(screen.getByText("0 of 2")).toBeVisible();
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Disagreements" }));
    expect(screen.queryByRole("button", { name: "Record the decision" })).toBeNull();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      target: "factor:8",
      code: "sp.management.supervision",
      typology_version: "1.0",
      decision: "agreed",
      rationale: "Supervision shows it.",
    });

    // The records' view reads the tags afresh, with the agreed tag the decision made.
    fireEvent.click(screen.getByRole("link", { name: "Records and their tags" }));
    await waitFor(() => expect(within(row("Supervision was used")).getByText("Agreed")).toBeVisible());
  });

  it("says someone else changed it when the disagreement was decided meanwhile", async () => {
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags(SUBMITTED),
      "GET /reviews/1/agreement": () => json(200, AGREEMENT),
      "POST /reviews/1/agreement/adjudications": () =>
        json(409, { detail: "sp.management.supervision on factor:8 was adjudicated already." }),
    });
    open({ view: "agreement" });
    fireEvent.click(await screen.findByRole("button", { name: /^Decide Supervision quality/ }));
    fireEvent.click(screen.getByRole("radio", { name: /^Reject:/ }));
    fireEvent.change(screen.getByLabelText("Reason"), { target: { value: "Too thin." } });
    fireEvent.click(screen.getByRole("button", { name: "Record the decision" }));
    expect(await screen.findByText("Someone else changed this")).toBeVisible();
    expect(screen.getByText("sp.management.supervision on factor:8 was adjudicated already.")).toBeVisible();
    expect(screen.getByText(/Your decision was not recorded: Rejected, ‘Too thin\.’/)).toBeVisible();
    await waitFor(() => expect(calls.filter((call) => call.path === "/reviews/1/agreement")).toHaveLength(2));
  });

  it("keeps the agreement from a coder who has not submitted, and from a board member the decisions", async () => {
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags([tag("factor:8", "sp.management.supervision", SECOND.email)]),
      "GET /reviews/1/agreement": () => json(200, AGREEMENT),
    });
    open({ session: SECOND, lead: false, view: "agreement" });
    expect(await screen.findByText(/it opens for you once you have submitted your own coding/)).toBeVisible();
    expect(screen.queryByRole("button", { name: /without coding/ })).toBeNull();
    expect(calls.filter((call) => call.path === "/reviews/1/agreement")).toEqual([]);
    cleanup();

    serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags([]),
      "GET /reviews/1/agreement": () => json(200, AGREEMENT),
    });
    open({ session: BOARD, lead: false, view: "agreement" });
    expect(await screen.findByText("1 of 2")).toBeVisible();
    // Only the buttons that explain a word: nothing to decide.
    const explain = /^What “.+” means$/;
    expect(
      screen.queryAllByRole("button").filter((b) => !explain.test(b.textContent?.replace(/^\?/, "") ?? "")),
    ).toEqual([]);
  });

  it("opens for the lead whose agreed tags are their coding, without asking them to code again", async () => {
    const agreed = [tag("factor:7", "sp.reasoning.over-optimism", LEAD.email, { agreed: true, submitted: true })];
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags(agreed),
      "GET /reviews/1/agreement": () => json(200, AGREEMENT),
    });
    open();
    expect(await screen.findByText(/The agreed tags you recorded are your coding of this review/)).toBeVisible();
    expect(screen.queryByText(/You are coding blind/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Submit my coding" })).toBeNull();
    // Only agreed tags are left to the lead: their blind coding is closed.
    fireEvent.click(within(row("Supervision was used")).getByRole("button", { name: /^Add a tag/ }));
    expect(screen.queryByRole("radio", { name: /^My coding/ })).toBeNull();

    fireEvent.click(screen.getByRole("link", { name: "Agreement" }));
    expect(await screen.findByText("1 of 2")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Open the agreement without coding" })).toBeNull();
    expect(calls.filter((call) => call.path === "/reviews/1/agreement")).toHaveLength(1);
  });

  it("lets the lead reviewer open it without coding, and says why there is none yet", async () => {
    serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      ...tags([]),
      "GET /reviews/1/agreement": () =>
        json(409, {
          detail:
            "Agreement needs at least two coders who have submitted their coding of this review under typology 1.0; there are 1.",
        }),
    });
    open({ view: "agreement" });
    fireEvent.click(await screen.findByRole("button", { name: "Open the agreement without coding" }));
    expect(await screen.findByText(/Agreement needs at least two coders/)).toBeVisible();
  });
});

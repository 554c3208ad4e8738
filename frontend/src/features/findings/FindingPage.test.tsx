import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { SignedIn } from "../../session";
import { json, renderInReview, serve, stamped } from "../../testing/review";
import { FindingPage } from "./FindingPage";
import { EPISODE, EVIDENCE, FACTOR, FINDING, QUESTION, TYPOLOGY } from "./testData";

const BOARD: SignedIn = { token: "a.b.c", email: "board.member@demo.example.org", role: "board" };

const lists = (links: unknown[] = [EVIDENCE]) => ({
  "GET /reviews/1/episodes": () => json(200, { items: [EPISODE], total: 1 }),
  "GET /reviews/1/factors": () => json(200, { items: [FACTOR], total: 1 }),
  "GET /reviews/1/findings": () => json(200, { items: [FINDING], total: 1 }),
  "GET /reviews/1/links": () => json(200, { items: links, total: links.length }),
  "GET /reviews/1/findings/4/found-before": () => json(200, []),
  "GET /reviews/1/findings/4/suggestions": () => json(200, { items: [], total: 0 }),
});

const fieldValue = (label: string, within_: HTMLElement = document.body) =>
  (within(within_).getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement).value;

afterEach(cleanup);

describe("FindingPage", () => {
  it("adds a finding with its questions for the Board, then links the evidence chosen for it", async () => {
    let linkId = 40;
    const calls = serve({
      ...TYPOLOGY,
      ...lists([]),
      "POST /reviews/1/findings": (request) =>
        request.json().then((body) => json(201, { ...FINDING, ...body, id: 9, ordinal: 3, version: 1, questions: [] })),
      "POST /reviews/1/links": (request) =>
        request.json().then((body) => {
          linkId += 1;
          return json(201, stamped({ ...body, id: linkId, version: 1, review_id: 1 }));
        }),
    });
    const { router } = renderInReview(<FindingPage />, { path: "/reviews/1/findings/new", route: "findings/new" });
    fireEvent.change(await screen.findByLabelText("Title"), { target: { value: " Caseloads against capacity " } });
    fireEvent.change(screen.getByLabelText("Statement of the finding"), {
      target: { value: "Health visiting caseloads are above the safe limit." },
    });
    fireEvent.click(screen.getByRole("radio", { name: "Constructive" }));
    // Only the codes that may be a finding's category are offered, each in its group.
    const category = screen.getByLabelText("Systemic pattern (optional)");
    expect(within(category).getByRole("group", { name: "Management systems" })).toBeVisible();
    expect(within(category).queryByRole("option", { name: "Neglect" })).toBeNull();
    fireEvent.change(category, { target: { value: "sp.management.caseload" } });
    fireEvent.change(screen.getByLabelText("Why it matters"), { target: { value: "Babies go unseen." } });

    fireEvent.click(screen.getByRole("button", { name: "Add a question for the Board" }));
    const first = screen.getByRole("group", { name: "Question 1 for the Board" });
    expect(document.activeElement).toBe(within(first).getByLabelText("The question"));
    fireEvent.change(within(first).getByLabelText("The question"), { target: { value: "What is a safe caseload?" } });
    fireEvent.click(screen.getByRole("button", { name: "Add another question" }));
    const second = screen.getByRole("group", { name: "Question 2 for the Board" });
    fireEvent.change(within(second).getByLabelText("The question"), { target: { value: "Who reviews caseloads?" } });
    // The Board's response and actions wait behind a summary until there are some.
    fireEvent.click(within(second).getByText(/^The Board's response and actions/));
    fireEvent.change(within(second).getByLabelText("The Board's response (optional)"), {
      target: { value: "The Board will audit caseloads." },
    });
    fireEvent.click(within(second).getByRole("button", { name: "Add an action to question 2" }));
    fireEvent.change(within(second).getByLabelText("What the Board will do"), { target: { value: "Audit in March." } });
    fireEvent.change(within(second).getByLabelText("Owner (optional)"), {
      target: { value: "Head of health visiting" },
    });
    fireEvent.change(within(second).getByLabelText("Status"), { target: { value: "in_progress" } });
    // The second question goes first.
    fireEvent.click(within(second).getByRole("button", { name: "Move up question 2" }));

    const evidence = screen.getByLabelText("Add an episode or factor as evidence");
    fireEvent.change(evidence, { target: { value: "episode:3" } });
    fireEvent.change(screen.getByLabelText("How it shows the finding (optional)"), {
      target: { value: "The clinic ran late." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add as evidence" }));
    fireEvent.change(evidence, { target: { value: "factor:7" } });
    fireEvent.click(screen.getByRole("button", { name: "Add as evidence" }));
    const table = screen.getByRole("table", { name: "Evidence for this finding" });
    expect(
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      "EpisodeKPE 1: Booking appointmentThe clinic ran late.Remove KPE 1: Booking appointment from the evidence",
      "FactorCaseloads were above the safe limit.Remove Caseloads were above the safe limit. from the evidence",
    ]);
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Add the finding" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/findings"));
    expect(router.state.location.state).toEqual({ saved: "Finding 3 was added." });
    const posts = calls.filter((call) => call.method === "POST");
    expect(posts.map((call) => call.path)).toEqual(["/reviews/1/findings", "/reviews/1/links", "/reviews/1/links"]);
    expect(posts[0].body).toEqual({
      title: "Caseloads against capacity",
      statement: "Health visiting caseloads are above the safe limit.",
      pattern_kind: "constructive",
      category: "sp.management.caseload",
      how_it_appeared: null,
      evidence_beyond_case: null,
      why_it_matters: "Babies go unseen.",
      questions: [
        {
          question: "Who reviews caseloads?",
          board_response: "The Board will audit caseloads.",
          response_date: null,
          actions: [
            {
              description: "Audit in March.",
              owner_role: "Head of health visiting",
              due_date: null,
              status: "in_progress",
            },
          ],
        },
        { question: "What is a safe caseload?", board_response: null, response_date: null, actions: [] },
      ],
    });
    expect(posts.slice(1).map((call) => call.body)).toEqual([
      { kind: "evidenced_by", source: "finding:9", target: "episode:3", evidence_note: "The clinic ran late." },
      { kind: "evidenced_by", source: "finding:9", target: "factor:7", evidence_note: null },
    ]);
  });

  it("asks for a title, a statement and each question's words before sending anything", async () => {
    const calls = serve({ ...TYPOLOGY, ...lists([]) });
    renderInReview(<FindingPage />, { path: "/reviews/1/findings/new", route: "findings/new" });
    fireEvent.click(await screen.findByRole("button", { name: "Add a question for the Board" }));
    fireEvent.click(screen.getByRole("button", { name: "Add the finding" }));
    expect(await screen.findByRole("link", { name: "Enter a title for the finding" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Enter the statement of the finding: the systemic issue" })).toBeVisible();
    const question = screen.getByRole("link", { name: "Enter question 1 for the Board, or remove it" });
    expect(question.getAttribute("href")).toBe("#question-1");
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
  });

  it("asks before leaving a new finding whose only change is the evidence chosen for it", async () => {
    serve({ ...TYPOLOGY, ...lists([]) });
    const { router } = renderInReview(<FindingPage />, { path: "/reviews/1/findings/new", route: "findings/new" });
    fireEvent.change(await screen.findByLabelText("Add an episode or factor as evidence"), {
      target: { value: "factor:7" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add as evidence" }));
    fireEvent.click(screen.getByRole("link", { name: "Back to the findings" }));
    expect(await screen.findByRole("alertdialog", { name: "Unsaved changes" })).toBeVisible();
    expect(router.state.location.pathname).toBe("/reviews/1/findings/new");
  });

  it("puts the service's problem with a question's action on that action's box", async () => {
    serve({
      ...TYPOLOGY,
      ...lists(),
      "GET /reviews/1/findings/4": () => json(200, FINDING),
      "PATCH /reviews/1/findings/4": () =>
        json(422, {
          detail: "The due date is not valid.",
          errors: [{ field: "questions.0.actions.0.due_date", loc: [], message: "Enter a real due date.", type: "x" }],
        }),
    });
    renderInReview(<FindingPage />, { path: "/reviews/1/findings/4", route: "findings/:findingId" });
    fireEvent.click(await screen.findByText(/^The Board's response and actions/));
    fireEvent.click(screen.getByRole("button", { name: "Add an action to question 1" }));
    fireEvent.change(screen.getByLabelText("What the Board will do"), { target: { value: "Audit." } });
    fireEvent.click(screen.getByRole("button", { name: "Save the changes" }));
    const link = await screen.findByRole("link", { name: "Enter a real due date." });
    expect(link.getAttribute("href")).toBe("#question-1-action-1-due");
  });

  it("shows both versions when someone else saved first, and takes theirs when asked", async () => {
    const theirs = {
      ...FINDING,
      version: 3,
      title: "Their title",
      questions: [{ ...QUESTION, board_response: "The Board agreed to look." }],
    };
    const calls = serve({
      ...TYPOLOGY,
      ...lists(),
      "GET /reviews/1/findings/4": () => json(200, FINDING),
      "PATCH /reviews/1/findings/4": () =>
        json(409, {
          detail: "Someone else changed this record since you read it (you had version 2, it is now at version 3).",
          current: theirs,
        }),
    });
    renderInReview(<FindingPage />, { path: "/reviews/1/findings/4", route: "findings/:findingId" });
    fireEvent.change(await screen.findByLabelText("Title"), { target: { value: "My title" } });
    fireEvent.click(screen.getByRole("button", { name: "Add another question" }));
    fireEvent.change(
      within(screen.getByRole("group", { name: "Question 2 for the Board" })).getByLabelText("The question"),
      {
        target: { value: "Is supervision protected?" },
      },
    );
    fireEvent.click(screen.getByRole("button", { name: "Save the changes" }));

    const table = await screen.findByRole("table", { name: "Their version and yours" });
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => row.textContent);
    expect(rows).toContain("TitleTheir titleMy title");
    expect(rows).toContain(
      `Questions for the Board1. ${QUESTION.question}1. ${QUESTION.question}\n2. Is supervision protected?`,
    );
    expect(rows).toContain("The Board's responsesTo question 1: The Board agreed to look.");
    expect(calls.find((call) => call.method === "PATCH")?.body).toMatchObject({ version: 2, title: "My title" });

    fireEvent.click(screen.getByRole("button", { name: "Use their version" }));
    expect(fieldValue("Title")).toBe("Their title");
    expect(screen.queryByRole("group", { name: "Question 2 for the Board" })).toBeNull();
    expect(fieldValue("The Board's response (optional)")).toBe("The Board agreed to look.");
  });

  it("links evidence to a saved finding at once, and removes it after asking", async () => {
    const calls = serve({
      ...TYPOLOGY,
      ...lists(),
      "GET /reviews/1/findings/4": () => json(200, FINDING),
      "POST /reviews/1/links": (request) =>
        request.json().then((body) => json(201, stamped({ ...body, id: 32, version: 1, review_id: 1 }))),
      "DELETE /reviews/1/links/31": () => new Response(null, { status: 204 }),
    });
    renderInReview(<FindingPage />, { path: "/reviews/1/findings/4", route: "findings/:findingId" });
    const select = await screen.findByLabelText("Add an episode or factor as evidence");
    // The episode already is evidence: only the factor is offered.
    expect(within(select).queryByRole("option", { name: "KPE 1: Booking appointment" })).toBeNull();
    fireEvent.change(select, { target: { value: "factor:7" } });
    fireEvent.click(screen.getByRole("button", { name: "Add as evidence" }));
    expect(await screen.findByText("‘Caseloads were above the safe limit’ was linked as evidence.")).toBeVisible();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      kind: "evidenced_by",
      source: "finding:4",
      target: "factor:7",
      evidence_note: null,
    });

    fireEvent.click(screen.getByRole("button", { name: "Remove KPE 1: Booking appointment from the evidence" }));
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Yes, remove KPE 1: Booking appointment" }));
    expect(
      await screen.findByText("‘KPE 1: Booking appointment’ is no longer evidence for this finding."),
    ).toBeVisible();
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual(["/reviews/1/links/31"]);
    const table = screen.getByRole("table", { name: "Evidence for this finding" });
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    // Nothing in the finding's own form changed: leaving does not ask.
    expect(calls.filter((call) => call.method === "PATCH")).toEqual([]);
  });

  it("names the evidence that goes with a deleted finding, and deletes only after the question", async () => {
    const asked: string[] = [];
    const calls = serve({
      ...TYPOLOGY,
      ...lists(),
      "GET /reviews/1/findings/4": () => json(200, FINDING),
      "DELETE /reviews/1/findings/4": (request) => {
        asked.push(new URL(request.url).search);
        return new Response(null, { status: 204 });
      },
    });
    const { router } = renderInReview(<FindingPage />, { path: "/reviews/1/findings/4", route: "findings/:findingId" });
    fireEvent.click(await screen.findByRole("button", { name: "Delete this finding" }));
    expect(screen.getByText(/Its evidence link is removed too/)).toBeVisible();
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete the finding" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/findings"));
    expect(router.state.location.state).toEqual({ saved: "Finding 2 was deleted." });
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual([
      "/reviews/1/findings/4",
    ]);
    // The evidence shown goes with it.
    expect(asked).toEqual(["?cascade=true"]);
  });

  it("lets a board member read a finding as a document but not change it", async () => {
    serve({ ...TYPOLOGY, ...lists(), "GET /reviews/1/findings/4": () => json(200, FINDING) });
    renderInReview(<FindingPage />, { path: "/reviews/1/findings/4", route: "findings/:findingId", session: BOARD });
    const terms = (await screen.findAllByRole("term")).map((term) => term.textContent);
    expect(terms[0]).toBe("Statement of the finding");
    expect(screen.queryByLabelText("Title")).toBeNull();
    expect(screen.queryAllByRole("textbox")).toEqual([]);
    expect(screen.getByRole("listitem", { name: undefined }).textContent).toContain(QUESTION.question);
    expect(screen.getByRole("table", { name: "Evidence for this finding" }).textContent).toContain(
      "KPE 1: Booking appointment",
    );
    expect(screen.getByText("You can read this finding; only the review's reviewers change it.")).toBeVisible();
    for (const name of ["Save the changes", "Delete this finding", "Add another question", "Remove question 1"]) {
      expect(screen.queryByRole("button", { name })).toBeNull();
    }
    expect(screen.queryByRole("button", { name: /^Remove / })).toBeNull();
    expect(screen.queryByLabelText("Add an episode or factor as evidence")).toBeNull();
  });
});

import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { SignedIn } from "../../session";
import { json, renderInReview, serve, stamped } from "../../testing/review";
import { code, typologyRoutes } from "../../testing/typology";
import { FactorPage } from "./FactorPage";
import { FactorsPage } from "./FactorsPage";

const BOARD: SignedIn = { token: "a.b.c", email: "board.member@demo.example.org", role: "board" };

const TYPOLOGY = typologyRoutes([
  code(
    "sp.management",
    "Management systems",
    "systemic_pattern",
    ["factor"],
    [code("sp.management.caseload", "Caseload against capacity", "systemic_pattern", ["factor"])],
  ),
  code("pt.supervision", "Supervision and reflection", "practice_theme", ["factor"]),
  code("cc.neglect", "Neglect", "case_context", ["review"]),
]);

const FACTOR = stamped({
  id: 7,
  version: 2,
  review_id: 1,
  name: "Factor 1",
  description: "Caseloads were above the safe limit.",
  level: "working_conditions" as const,
  detail: "380 children against 250.",
  typology_codes: ["sp.management.caseload"],
});

const EPISODE = stamped({ id: 3, ordinal: 1, title: "Booking appointment", version: 1, review_id: 1 });
const FINDING = stamped({ id: 4, ordinal: 2, title: "Caseloads against capacity", version: 1, review_id: 1 });
const LINKS = [
  stamped({
    id: 11,
    version: 1,
    review_id: 1,
    kind: "contributed_to",
    source: "factor:7",
    target: "episode:3",
    evidence_note: "The clinic ran late.",
  }),
  stamped({
    id: 12,
    version: 1,
    review_id: 1,
    kind: "evidenced_by",
    source: "finding:4",
    target: "factor:7",
    evidence_note: null,
  }),
];

const lists = (links = LINKS) => ({
  "GET /reviews/1/episodes": () => json(200, { items: [EPISODE], total: 1 }),
  "GET /reviews/1/factors": () =>
    json(200, {
      items: [FACTOR, { ...FACTOR, id: 8, name: "Factor 2", description: "Nothing links here.", level: "family" }],
      total: 2,
    }),
  "GET /reviews/1/findings": () => json(200, { items: [FINDING], total: 1 }),
  "GET /reviews/1/links": () => json(200, { items: links, total: links.length }),
});

afterEach(cleanup);

describe("FactorPage", () => {
  it("adds a factor with every field, its level and its typology codes", async () => {
    const calls = serve({
      ...TYPOLOGY,
      "POST /reviews/1/factors": (request) => request.json().then((body) => json(201, { ...FACTOR, ...body, id: 9 })),
    });
    const { router } = renderInReview(<FactorPage />, { path: "/reviews/1/factors/new", route: "factors/new" });
    fireEvent.change(await screen.findByLabelText("Description"), {
      target: { value: "  Supervision was used to manage caseloads.  " },
    });
    fireEvent.click(screen.getByRole("radio", { name: "Organisational culture and management" }));
    fireEvent.change(screen.getByLabelText("Detail and evidence (optional)"), {
      target: { value: "A session covered 40 families." },
    });
    // Only the codes that may tag a factor are offered, in their groups.
    expect(screen.getByRole("group", { name: "Management systems" })).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Neglect" })).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "Supervision and reflection" }));
    fireEvent.click(screen.getByRole("button", { name: "Add the factor" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/factors"));
    expect(router.state.location.state).toEqual({ saved: "The factor was added." });
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      description: "Supervision was used to manage caseloads.",
      level: "organisational",
      detail: "A session covered 40 families.",
      typology_codes: ["pt.supervision"],
    });
  });

  it("asks for a description and a level before sending anything", async () => {
    const calls = serve(TYPOLOGY);
    renderInReview(<FactorPage />, { path: "/reviews/1/factors/new", route: "factors/new" });
    fireEvent.click(await screen.findByRole("button", { name: "Add the factor" }));
    expect(await screen.findByRole("link", { name: "Enter a description of the factor" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Choose the level of the factor" })).toBeVisible();
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
  });

  it("shows both versions when someone else saved first, and takes theirs when asked", async () => {
    const theirs = { ...FACTOR, version: 3, level: "organisational", detail: "Their detail." };
    const calls = serve({
      ...TYPOLOGY,
      ...lists(),
      "GET /reviews/1/factors/7": () => json(200, FACTOR),
      "PATCH /reviews/1/factors/7": () =>
        json(409, { detail: "Someone else changed this factor since you read it (version 3).", current: theirs }),
    });
    renderInReview(<FactorPage />, { path: "/reviews/1/factors/7", route: "factors/:factorId" });
    fireEvent.change(await screen.findByLabelText("Detail and evidence (optional)"), {
      target: { value: "My detail." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save the changes" }));

    const table = await screen.findByRole("table", { name: "Their version and yours" });
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => row.textContent);
    expect(rows).toContain("LevelOrganisational culture and managementWorking conditions");
    expect(rows).toContain("DetailTheir detail.My detail.");
    expect(calls.find((call) => call.method === "PATCH")?.body).toMatchObject({ version: 2, detail: "My detail." });

    fireEvent.click(screen.getByRole("button", { name: "Use their version" }));
    expect((screen.getByLabelText("Detail and evidence (optional)") as HTMLTextAreaElement).value).toBe(
      "Their detail.",
    );
    expect(
      (screen.getByRole("radio", { name: "Organisational culture and management" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("names the links that go with a deleted factor, and deletes them only after the question", async () => {
    const asked: string[] = [];
    const calls = serve({
      ...TYPOLOGY,
      ...lists(),
      "GET /reviews/1/links": (request) => {
        asked.push(new URL(request.url).search);
        return json(200, { items: LINKS, total: LINKS.length });
      },
      "GET /reviews/1/factors/7": () => json(200, FACTOR),
      "DELETE /reviews/1/factors/7": (request) => {
        asked.push(new URL(request.url).search);
        return new Response(null, { status: 204 });
      },
    });
    const { router } = renderInReview(<FactorPage />, { path: "/reviews/1/factors/7", route: "factors/:factorId" });
    const links = await screen.findByRole("table", { name: "Links of this factor" });
    expect(within(links).getByRole("link", { name: "KPE 1: Booking appointment" }).getAttribute("href")).toBe(
      "/reviews/1/episodes/3",
    );
    expect(links.textContent).toContain("Evidence forFinding 2: Caseloads against capacity");

    fireEvent.click(screen.getByRole("button", { name: "Delete this factor" }));
    expect(screen.getByText(/Its 2 links are deleted too/)).toBeVisible();
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete the factor" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/factors"));
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual(["/reviews/1/factors/7"]);
    // The links are read again, just before the factor and its links are deleted.
    expect(asked).toEqual(["?limit=200&offset=0", "?node=factor%3A7&limit=200&offset=0", "?cascade=true"]);
  });

  it("deletes nothing when the factor's links changed since the page was opened", async () => {
    const added = stamped({
      id: 13,
      version: 1,
      review_id: 1,
      kind: "influenced",
      source: "factor:8",
      target: "factor:7",
      evidence_note: null,
    });
    const calls = serve({
      ...TYPOLOGY,
      "GET /reviews/1/factors/7": () => json(200, FACTOR),
      ...lists(),
      "GET /reviews/1/links": [
        () => json(200, { items: LINKS, total: 2 }),
        () => json(200, { items: [...LINKS, added], total: 3 }),
        () => json(200, { items: [...LINKS, added], total: 3 }),
      ],
    });
    renderInReview(<FactorPage />, { path: "/reviews/1/factors/7", route: "factors/:factorId" });
    fireEvent.click(await screen.findByRole("button", { name: "Delete this factor" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete the factor" }));
    expect(await screen.findByText(/Someone changed the links of this factor since you opened it/)).toBeVisible();
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);
  });

  it("lets a board member read a factor as a document, not change or delete it", async () => {
    serve({ ...TYPOLOGY, ...lists(), "GET /reviews/1/factors/7": () => json(200, FACTOR) });
    renderInReview(<FactorPage />, { path: "/reviews/1/factors/7", route: "factors/:factorId", session: BOARD });
    const terms = (await screen.findAllByRole("term")).map((term) => term.textContent);
    expect(terms).toEqual(["Description", "Level", "Detail and evidence", "Typology codes"]);
    const values = screen.getAllByRole("definition").map((value) => value.textContent);
    expect(values.slice(0, 3)).toEqual([FACTOR.description, "Working conditions", "380 children against 250."]);
    // No form field, greyed out or not.
    expect(screen.queryByLabelText("Description")).toBeNull();
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save the changes" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete this factor" })).toBeNull();
    expect(screen.getByText("You can read this factor; only the review's reviewers change it.")).toBeVisible();
  });
});

describe("FactorPage's heading", () => {
  it("names the factor by its number in the review, not its id", async () => {
    serve({ ...TYPOLOGY, ...lists(), "GET /reviews/1/factors/7": () => json(200, FACTOR) });
    renderInReview(<FactorPage />, { path: "/reviews/1/factors/7", route: "factors/:factorId" });
    const heading = await screen.findByRole("heading", { level: 1, name: "Factor 1: contributory factor" });
    expect(heading.textContent).not.toContain("7");
  });
});

describe("FactorsPage", () => {
  it("lists each factor by its name, with its level and what it is linked to", async () => {
    serve(lists());
    renderInReview(<FactorsPage />, { path: "/reviews/1/factors", route: "factors" });
    const table = await screen.findByRole("table", { name: "Factors" });
    const [, first, second] = within(table).getAllByRole("row");
    expect(
      within(first)
        .getByRole("link", { name: `Factor 1: ${FACTOR.description}` })
        .getAttribute("href"),
    ).toBe("/reviews/1/factors/7");
    expect(within(second).getByRole("link", { name: "Factor 2: Nothing links here." })).toBeVisible();
    expect(first.textContent).toContain("Working conditions");
    expect(
      within(first)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Contributed to KPE 1: Booking appointment", "Evidence for Finding 2: Caseloads against capacity"]);
    expect(second.textContent).toContain("The family");
    expect(second.textContent).toContain("Not linked yet");
    expect(screen.getByRole("link", { name: "Add a factor" })).toBeVisible();
  });
});

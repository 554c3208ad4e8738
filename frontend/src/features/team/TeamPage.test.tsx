import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { ParticipantRead, TeamMemberRead } from "../../client/types.gen";
import type { SignedIn } from "../../session";
import { json, LEAD, renderInReview, REVIEW, serve, stamped } from "../../testing/review";
import { TeamPage } from "./TeamPage";

const SECOND: SignedIn = { token: "d.e.f", email: "second.coder@demo.example.org", role: "reviewer" };
const BOARD: SignedIn = { token: "g.h.i", email: "board.member@demo.example.org", role: "board" };

const participant = (
  id: number,
  role: ParticipantRead["role"],
  jobRole: string,
  agency: number | null,
): ParticipantRead => stamped({ id, version: 1, review_id: 1, role, job_role: jobRole, agency_id: agency });
const PARTICIPANTS = [
  participant(1, "lead_reviewer", "independent reviewer 1", null),
  participant(2, "case_group", "GP 1", 1),
];
const LEAD_MEMBER: TeamMemberRead = { user_id: 10, email: LEAD.email, lead: true, submitted: true };
const CODER: TeamMemberRead = { user_id: 11, email: "coder.one@demo.example.org", lead: false, submitted: false };
const CANDIDATE = { user_id: 12, email: SECOND.email };

function service(
  members: TeamMemberRead[],
  extra: Record<string, (request: Request) => Response | Promise<Response>> = {},
) {
  return serve({
    "GET /reviews/1/participants": () => json(200, { items: PARTICIPANTS, total: PARTICIPANTS.length }),
    "GET /reviews/1/team": () => json(200, { items: members, total: members.length }),
    "GET /reviews/1/team/candidates": () => json(200, { items: [CANDIDATE], total: 1 }),
    ...extra,
  });
}

function open(session: SignedIn = LEAD, review = REVIEW) {
  return renderInReview(<TeamPage />, { path: "/reviews/1/team", route: "team", session, review });
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    );

afterEach(cleanup);

describe("TeamPage", () => {
  it("shows the participants by role and agency, and who leads, codes and has submitted", async () => {
    service([LEAD_MEMBER, CODER]);
    open();
    const participants = await screen.findByRole("table", { name: "Participants" });
    expect(cells(participants)).toEqual([
      ["Lead reviewer", "independent reviewer 1", "None given", "Remove independent reviewer 1"],
      ["Case group", "GP 1", "General practice (GP)", "Remove GP 1"],
    ]);
    expect(cells(screen.getByRole("table", { name: "The review's team" }))).toEqual([
      [LEAD.email, "Lead reviewer, codes", "Submitted", ""],
      [CODER.email, "Codes", "Not submitted yet", `Take off the team ${CODER.email}`],
    ]);
  });

  it("lets the lead add a second coder from the commissioned reviewers", async () => {
    const calls = service([LEAD_MEMBER], {
      "POST /reviews/1/team": () => json(201, { user_id: 12, email: SECOND.email, lead: false, submitted: false }),
    });
    open();
    const form = await screen.findByRole("form", { name: "Add a second coder" });
    fireEvent.click(within(form).getByRole("button", { name: "Add as a coder" }));
    expect(await screen.findByRole("link", { name: "Select the reviewer who will code the review" })).toBeVisible();
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);

    fireEvent.change(within(form).getByLabelText("Reviewer"), { target: { value: "12" } });
    fireEvent.click(within(form).getByRole("button", { name: "Add as a coder" }));
    expect(
      await screen.findByText(
        `${SECOND.email} was added as a coder. They now see the review in their list and code it blind.`,
      ),
    ).toBeVisible();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ user_id: 12 });
    expect(cells(screen.getByRole("table", { name: "The review's team" }))[1]).toEqual([
      SECOND.email,
      "Codes",
      "Not submitted yet",
      `Take off the team ${SECOND.email}`,
    ]);
    expect(screen.getByText(/Every reviewer your partnership has commissioned is on the team already/)).toBeVisible();
  });

  it("shows the service's refusal when the coder cannot be added", async () => {
    service([LEAD_MEMBER], {
      "POST /reviews/1/team": () =>
        json(409, { detail: `${SECOND.email} is already on this review's team.`, errors: [] }),
    });
    open();
    const form = await screen.findByRole("form", { name: "Add a second coder" });
    fireEvent.change(within(form).getByLabelText("Reviewer"), { target: { value: "12" } });
    fireEvent.click(within(form).getByRole("button", { name: "Add as a coder" }));
    expect(await screen.findByText(`${SECOND.email} is already on this review's team.`)).toBeVisible();
    expect(cells(screen.getByRole("table", { name: "The review's team" }))).toHaveLength(1);
  });

  it("lets the lead take a coder off the team, who can be added again", async () => {
    const calls = service([LEAD_MEMBER, CODER], {
      "DELETE /reviews/1/team/11": () => new Response(null, { status: 204 }),
    });
    open();
    await screen.findByRole("table", { name: "The review's team" });
    fireEvent.click(await screen.findByRole("button", { name: `Take off the team ${CODER.email}` }));
    expect(await screen.findByText(/was taken off the team/)).toBeVisible();
    expect(calls.some((call) => call.method === "DELETE" && call.path === "/reviews/1/team/11")).toBe(true);
    expect(cells(screen.getByRole("table", { name: "The review's team" }))).toHaveLength(1);
    const options = within(screen.getByLabelText("Reviewer"))
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options).toEqual(["Choose", CODER.email, SECOND.email]);
  });

  it("tells a coder who is not the lead that only the lead changes the team", async () => {
    const calls = service([LEAD_MEMBER, { ...CODER, email: SECOND.email }]);
    open(SECOND);
    await screen.findByRole("table", { name: "The review's team" });
    expect(screen.getByText("Only the review's lead reviewer can add a coder or take one off the team.")).toBeVisible();
    expect(screen.queryByRole("form", { name: "Add a second coder" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Take off the team/ })).toBeNull();
    expect(calls.some((call) => call.path.endsWith("/candidates"))).toBe(false);
    // A reviewer on the review still records its participants.
    expect(screen.getByRole("form", { name: "Add a participant" })).toBeVisible();
  });

  it("offers a board member no change to the participants or the team", async () => {
    service([LEAD_MEMBER]);
    open(BOARD);
    const participants = await screen.findByRole("table", { name: "Participants" });
    expect(cells(participants)[0]).toEqual(["Lead reviewer", "independent reviewer 1", "None given"]);
    expect(screen.queryByRole("form", { name: "Add a participant" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Remove/ })).toBeNull();
  });

  it("adds a participant by role and agency, asking first for what is missing", async () => {
    const calls = service([LEAD_MEMBER], {
      "POST /reviews/1/participants": (request) =>
        request.json().then((body) => json(201, participant(3, body.role, body.job_role, body.agency_id))),
    });
    open();
    const form = await screen.findByRole("form", { name: "Add a participant" });
    fireEvent.click(within(form).getByRole("button", { name: "Add the participant" }));
    expect(await screen.findByRole("link", { name: "Select the part they play in the review" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Enter their job role, for example health visitor 1" })).toBeVisible();

    fireEvent.change(within(form).getByLabelText("Part in the review"), { target: { value: "review_team" } });
    fireEvent.change(within(form).getByLabelText(/^Job role/), { target: { value: " detective inspector 1 " } });
    fireEvent.change(within(form).getByLabelText("Agency"), { target: { value: "2" } });
    fireEvent.click(within(form).getByRole("button", { name: "Add the participant" }));
    expect(await screen.findByText("detective inspector 1 was added to the participants.")).toBeVisible();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      role: "review_team",
      job_role: "detective inspector 1",
      agency_id: 2,
    });
    expect(cells(screen.getByRole("table", { name: "Participants" }))[2]).toEqual([
      "Review team",
      "detective inspector 1",
      "Police",
      "Remove detective inspector 1",
    ]);
  });

  it("adds nobody to a published review's team, though the lead may still take a coder off", async () => {
    const calls = service([LEAD_MEMBER, CODER]);
    open(LEAD, { ...REVIEW, status: "published" });
    await screen.findByRole("table", { name: "The review's team" });
    expect(screen.queryByRole("form", { name: "Add a second coder" })).toBeNull();
    expect(screen.getByText("The review is published, so nobody joins its team until it is reopened.")).toBeVisible();
    expect(screen.getByRole("button", { name: `Take off the team ${CODER.email}` })).toBeVisible();
    expect(screen.queryByRole("form", { name: "Add a participant" })).toBeNull();
    expect(calls.some((call) => call.path.endsWith("/candidates"))).toBe(false);
  });
});

// Render a review's screen as the workbench would, with a fake service behind it.

import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router-dom";
import { vi } from "vitest";

import type { AgencyRead, ReviewRead } from "../client/types.gen";
import { SessionContext } from "../common/signedIn";
import type { ReviewContext } from "../features/review/ReviewLayout";
import type { SignedIn } from "../session";

export const LEAD: SignedIn = { token: "a.b.c", email: "lead.reviewer@demo.example.org", role: "reviewer" };

const STAMP = { created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z", updated_by: null };

export const REVIEW: ReviewRead = {
  ...STAMP,
  id: 1,
  version: 3,
  board_id: 1,
  reference: "NBY-2024-01",
  child_pseudonym: "Child T",
  review_type: "local_child_safeguarding_practice_review",
  learning_together_size: "focused",
  status: "analysis",
  incident_date: "2024-03-04",
  notification_date: "2024-03-07",
  start_date: "2024-04-01",
  publication_date: null,
  scope_start: null,
  scope_end: null,
  child_age_band: "age_1_to_4",
  outcome: "serious_harm",
  context_codes: [],
  case_summary: null,
  reason_for_review: null,
  family_composition: [],
  independence: null,
  methodological_comment: null,
  acknowledgements: null,
  rapid_review_date: null,
  rapid_review_outcome: null,
  quality_markers: [],
  checks_override_reason: null,
  checks_overridden_by: null,
  checks_overridden_at: null,
};

export const AGENCIES = new Map<number, AgencyRead>([
  [1, { ...STAMP, id: 1, version: 1, code: "gp", name: "General practice (GP)", board_id: null }],
  [2, { ...STAMP, id: 2, version: 1, code: "police", name: "Police", board_id: null }],
]);

export function stamped<T extends object>(record: T): T & typeof STAMP {
  return { ...STAMP, ...record };
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

type Answer = (request: Request) => Response | Promise<Response>;

/**
 * A fake service: each key is "METHOD /path" (after /api/v1); the value answers it, or a
 * list answers successive calls. Every request is kept, with its body read.
 */
// A form (a file upload) is left for the fake to read with request.formData().
const isForm = (request: Request) => (request.headers.get("Content-Type") ?? "").startsWith("multipart/");

export function serve(routes: Record<string, Answer | Answer[]>) {
  const calls: { method: string; path: string; body: unknown; auth: string | null }[] = [];
  const fetch = vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = typeof input === "string" ? new Request(new URL(input, "http://localhost"), init) : input;
    const url = new URL(request.url);
    const path = url.pathname.replace("/api/v1", "");
    const text = request.method === "GET" || isForm(request) ? "" : await request.clone().text();
    calls.push({
      method: request.method,
      path,
      body: text ? JSON.parse(text) : null,
      auth: request.headers.get("Authorization"),
    });
    const route = routes[`${request.method} ${path}`];
    const answer = Array.isArray(route) ? route.shift() : route;
    if (!answer) return json(404, { detail: `No fake for ${request.method} ${path}` });
    return answer(request);
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}

/** Render `element` at `path` inside a review, signed in as `session`. */
export function renderInReview(
  element: ReactElement,
  {
    path,
    route,
    session = LEAD,
    review = REVIEW,
    lead = session === LEAD,
  }: { path: string; route: string; session?: SignedIn; review?: ReviewRead; lead?: boolean },
) {
  const context: ReviewContext = { review, agencies: AGENCIES, lead, setReview: vi.fn() };
  const router = createMemoryRouter(
    [
      {
        path: "/reviews/:reviewId",
        element: (
          <SessionContext.Provider value={session}>
            <Outlet context={context} />
          </SessionContext.Provider>
        ),
        children: [
          { path: route, element },
          { path: "*", element: <h1>Elsewhere</h1> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return { router, context };
}

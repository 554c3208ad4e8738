// The patterns screen with a fake service behind it: the figures of a view as the service
// answers them outside a board's own view, the partnerships, and a typology with one group
// of case-context codes.

import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";

import type { Chains, Cooccurrence, Frequencies, RecurringFinding, Trends } from "../client/types.gen";
import { SessionContext } from "../common/signedIn";
import { PatternsPage } from "../features/patterns/PatternsPage";
import type { SignedIn } from "../session";
import { json, serve } from "./review";
import { code } from "./typology";

export const NATIONAL: SignedIn = { token: "a.b.c", email: "national.analyst@demo.example.org", role: "national" };
export const BOARD: SignedIn = { token: "a.b.c", email: "board.member@demo.example.org", role: "board" };
export const ADMIN: SignedIn = { token: "a.b.c", email: "admin@demo.example.org", role: "admin" };

export const full = (reviews: number) => ({ reviews, suppressed: false });
const hidden = { reviews: null, suppressed: true };
export const NOTE =
  "Figures from outside your partnership count published reviews only and are changed by a small random amount (at most 3 either way, the same each time they are asked for); figures below 10 are not shown.";
const HEAD = { suppressed: true, threshold: 10, reviews: full(60), version: "1.0", note: NOTE };
/** The years of the reviews counted with no filter (the form's choice of years and periods). */
export const DATA_YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

export const FREQUENCIES: Frequencies = {
  ...HEAD,
  items: [
    { code: "pt.information-sharing", label: "Information sharing", count: full(60), share: 1 },
    { code: "sp.management.caseload", label: "Caseload against capacity", count: full(30), share: 0.5 },
    { code: "cc.child.sudi", label: "Sudden unexpected death in infancy", count: hidden, share: null },
  ],
  total: 3,
};
export const TRENDS: Trends = {
  ...HEAD,
  years: [2021, 2022],
  items: [
    {
      code: "pt.information-sharing",
      label: "Information sharing",
      years: [
        { year: 2021, count: full(0) },
        { year: 2022, count: hidden },
      ],
      count: full(12),
    },
  ],
  total: 1,
};
export const PAIRS: Cooccurrence = {
  ...HEAD,
  min_support: 5,
  tested: 40,
  false_discovery_rate: 0.05,
  items: [
    {
      code_a: "pt.information-sharing",
      code_b: "sp.management.caseload",
      count: full(28),
      count_a: full(60),
      count_b: full(30),
      lift: 1.2345,
      p_value: 0.0004,
      q_value: 0.016,
      significant: true,
    },
    // Listed (its own count is published) though the code's count, a cell of its own, is not.
    {
      code_a: "cc.child.sudi",
      code_b: "pt.information-sharing",
      count: full(11),
      count_a: hidden,
      count_b: full(60),
      lift: null,
      p_value: null,
      q_value: null,
      significant: null,
    },
  ],
  total: 2,
};
export const CHAINS: Chains = {
  ...HEAD,
  min_support: 5,
  items: [
    {
      codes: ["sp.management.caseload", "sp.management.supervision", "pt.risk-assessment"],
      labels: ["Caseload against capacity", "Supervision quality", "Risk assessment"],
      count: full(21),
    },
  ],
  total: 1,
};
const TYPOLOGY = {
  version: "1.0",
  title: "National typology",
  published: "2026-01-01",
  status: "published",
  codes: [
    code(
      "cc.family",
      "Family context",
      "case_context",
      ["review"],
      [code("cc.family.domestic-abuse", "Domestic abuse", "case_context", ["review"])],
    ),
  ],
};
export const BOARDS = [
  { id: 1, version: 1, name: "Eastmere Safeguarding Children Partnership", code: "EASTMERE", region: "east_midlands" },
  { id: 2, version: 1, name: "Eldergate Safeguarding Children Partnership", code: "CORPUS-LDN-1", region: "london" },
].map((b) => ({ ...b, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z", updated_by: null }));

/** A finding of the partnership found again in two later reviews. */
export const RECURRING: RecurringFinding[] = [
  {
    earlier: {
      finding_id: 11,
      review_id: 3,
      reference: "EMR-2019-01",
      board_id: 1,
      board_name: "Eastmere Safeguarding Children Partnership",
      name: "Finding 2",
      title: "Referrals go unanswered",
    },
    came_back: 2,
    reviews: 2,
    later: [
      { finding_id: 21, review_id: 5, reference: "EMR-2021-04", name: "Finding 1" },
      { finding_id: 34, review_id: 8, reference: "EMR-2023-02", name: "Finding 3" },
    ],
  },
];

/** The fake service; every pattern call's address is kept, to see the filters it sent. */
export function service(overrides: Record<string, (request: Request) => Response> = {}, boards = BOARDS) {
  const asked: URL[] = [];
  const kept = (body: unknown) => (request: Request) => {
    asked.push(new URL(request.url));
    return json(200, body);
  };
  serve({
    "GET /boards": () => json(200, { items: boards, total: boards.length }),
    "GET /typologies": () =>
      json(200, {
        items: [
          {
            version: "1.0",
            title: "National typology",
            published: "2026-01-01",
            status: "published",
            codes: 87,
            current: true,
          },
        ],
        total: 1,
      }),
    "GET /typologies/1.0": () => json(200, TYPOLOGY),
    "GET /patterns/frequencies": kept(FREQUENCIES),
    // The form's years come from one call with no filter and a page of 1: not kept.
    "GET /patterns/trends": (request) =>
      new URL(request.url).searchParams.get("limit") === "1"
        ? json(200, { ...TRENDS, years: DATA_YEARS })
        : kept(TRENDS)(request),
    "GET /patterns/cooccurrence": kept(PAIRS),
    "GET /patterns/chains": kept(CHAINS),
    "GET /boards/1/recurring-findings": () => json(200, { items: RECURRING, total: 1 }),
    "GET /boards/2/recurring-findings": () => json(200, { items: [], total: 0 }),
    ...overrides,
  });
  return asked;
}

export function renderPatterns(session: SignedIn, path = "/patterns") {
  const router = createMemoryRouter(
    [
      {
        path: "/patterns",
        element: (
          <SessionContext.Provider value={session}>
            <PatternsPage />
          </SessionContext.Provider>
        ),
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

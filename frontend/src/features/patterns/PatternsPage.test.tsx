import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Chains, Cooccurrence, Frequencies, Trends } from "../../client/types.gen";
import { SessionContext } from "../../common/signedIn";
import type { SignedIn } from "../../session";
import { json, serve } from "../../testing/review";
import { PatternsPage } from "./PatternsPage";

const NATIONAL: SignedIn = { token: "a.b.c", email: "national.analyst@demo.example.org", role: "national" };
const BOARD: SignedIn = { token: "a.b.c", email: "board.member@demo.example.org", role: "board" };

const full = (reviews: number) => ({ reviews, suppressed: false });
const hidden = { reviews: null, suppressed: true };
const HEAD = { suppressed: true, threshold: 10, reviews: full(60), version: "1.0" };

const FREQUENCIES: Frequencies = {
  ...HEAD,
  items: [
    { code: "pt.information-sharing", label: "Information sharing", count: full(60), share: 1 },
    { code: "sp.management.caseload", label: "Caseload against capacity", count: full(30), share: 0.5 },
    { code: "cc.child.sudi", label: "Sudden unexpected death in infancy", count: hidden, share: null },
  ],
  total: 3,
};
const TRENDS: Trends = {
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
const PAIRS: Cooccurrence = {
  ...HEAD,
  min_support: 5,
  items: [
    {
      code_a: "pt.information-sharing",
      code_b: "sp.management.caseload",
      count: full(28),
      count_a: full(60),
      count_b: full(30),
      lift: 1.2345,
      p_value: 0.0004,
    },
    {
      code_a: "cc.child.sudi",
      code_b: "pt.information-sharing",
      count: hidden,
      count_a: hidden,
      count_b: full(60),
      lift: null,
      p_value: null,
    },
  ],
  total: 2,
};
const CHAINS: Chains = {
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
  codes: [],
};
const BOARDS = [
  { id: 1, version: 1, name: "Eastmere Safeguarding Children Partnership", code: "EASTMERE", region: "east_midlands" },
  { id: 2, version: 1, name: "Eldergate Safeguarding Children Partnership", code: "CORPUS-LDN-1", region: "london" },
].map((b) => ({ ...b, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z", updated_by: null }));

/** The fake service; every pattern call's address is kept, to see the filters it sent. */
function service(overrides: Record<string, (request: Request) => Response> = {}, boards = BOARDS) {
  const asked: URL[] = [];
  const kept = (body: unknown) => (request: Request) => {
    asked.push(new URL(request.url));
    return json(200, body);
  };
  serve({
    "GET /boards": () => json(200, { items: boards, total: boards.length }),
    "GET /typologies": () =>
      json(200, { items: [{ version: "1.0", title: "National typology", published: "2026-01-01", status: "published", codes: 87, current: true }], total: 1 }),
    "GET /typologies/1.0": () => json(200, TYPOLOGY),
    "GET /patterns/frequencies": kept(FREQUENCIES),
    "GET /patterns/trends": kept(TRENDS),
    "GET /patterns/cooccurrence": kept(PAIRS),
    "GET /patterns/chains": kept(CHAINS),
    ...overrides,
  });
  return asked;
}

function renderPatterns(session: SignedIn, path = "/patterns") {
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

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("PatternsPage", () => {
  it("shows a suppressed count as Suppressed, never as 0, explains why once, and leaves it out of the charts", async () => {
    service();
    renderPatterns(NATIONAL);
    const table = await screen.findByRole("table", { name: "Reviews per code" });
    const sudi = within(table).getByRole("row", { name: /Sudden unexpected death in infancy/ });
    expect(within(sudi).getAllByText("Suppressed")).toHaveLength(2);
    expect(within(sudi).queryByText("0")).toBeNull();
    expect(within(sudi).queryByText("0%")).toBeNull();

    // A true 0 is shown as 0; the suppressed year beside it is not.
    const trend = within(screen.getByRole("table", { name: "Reviews per code and year" })).getByRole("row", {
      name: /Information sharing/,
    });
    expect(within(trend).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["0", "Suppressed", "12"]);

    expect(screen.getAllByText(/means a count of 1 to 9 reviews \(fewer than 10\)/)).toHaveLength(1);
    expect(screen.getByRole("status").textContent).toMatch(/This view counts 60 reviews/);

    const chart = screen.getByRole("img", { name: "Reviews per code" });
    expect(chart.querySelector('[data-code="cc.child.sudi"]')).toBeNull();
    expect(screen.getByText(/1 code has a suppressed count and is left out of the chart/)).toBeTruthy();

    // The network draws the published pair only; the table lists both, the hidden one's figures as Suppressed.
    const network = screen.getByRole("img", { name: "Network of codes found together" });
    expect(network.querySelectorAll("[data-pair]")).toHaveLength(1);
    const pairs = screen.getByRole("table", { name: "Pairs of codes" });
    const published = within(pairs).getByRole("row", { name: /Caseload against capacity/ });
    expect(within(published).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "Caseload against capacitysp.management.caseload",
      "28",
      "1.23",
      "< 0.001",
      "Yes",
    ]);
    const suppressedPair = within(pairs).getByRole("row", { name: /Sudden unexpected death/ });
    expect(within(suppressedPair).getAllByText("Suppressed")).toHaveLength(4);
  });

  it("draws each bar to scale: a code in half the reviews gets half the length", async () => {
    service();
    renderPatterns(NATIONAL);
    const chart = await screen.findByRole("img", { name: "Reviews per code" });
    const width = (code: string) => Number(chart.querySelector(`[data-code="${code}"] rect`)?.getAttribute("width"));
    expect(width("pt.information-sharing")).toBeGreaterThan(0);
    expect(width("sp.management.caseload")).toBeCloseTo(width("pt.information-sharing") / 2, 5);
    expect(within(chart).getByText("30 (50%)")).toBeTruthy();
  });

  it("reads the filters from the address into the form and into every call", async () => {
    const asked = service();
    renderPatterns(NATIONAL, "/patterns?region=london&year_from=2018&year_to=2022&kind=factor&min_support=3");
    await screen.findByRole("table", { name: "Reviews per code" });
    expect((screen.getByRole("checkbox", { name: "London" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("From") as HTMLInputElement).value).toBe("2018");
    expect((screen.getByRole("checkbox", { name: "Contributory factors" }) as HTMLInputElement).checked).toBe(true);
    expect(within(screen.getByLabelText("Filters applied")).getByText("2018 to 2022")).toBeTruthy();
    expect(asked).toHaveLength(4);
    for (const url of asked) {
      expect(url.searchParams.getAll("region")).toEqual(["london"]);
      expect(url.searchParams.get("year_from")).toBe("2018");
      expect(url.searchParams.get("year_to")).toBe("2022");
      expect(url.searchParams.getAll("kind")).toEqual(["factor"]);
    }
    const pairs = asked.find((url) => url.pathname.endsWith("/cooccurrence"));
    expect(pairs?.searchParams.get("min_support")).toBe("3");
  });

  it("puts the filters chosen in the form into the address, and loads the figures again", async () => {
    const asked = service();
    const router = renderPatterns(NATIONAL);
    await screen.findByRole("table", { name: "Reviews per code" });
    fireEvent.click(screen.getByText("Change the filters"));
    fireEvent.click(screen.getByRole("checkbox", { name: "South East" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Death" }));
    fireEvent.click(await screen.findByRole("checkbox", { name: "Eldergate Safeguarding Children Partnership" }));
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2024" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));

    await waitFor(() =>
      expect(router.state.location.search).toBe("?board=CORPUS-LDN-1&region=south_east&outcome=death&year_to=2024"),
    );
    await waitFor(() => expect(asked).toHaveLength(8));
    const frequencies = asked.filter((url) => url.pathname.endsWith("/frequencies")).at(-1)!;
    expect(frequencies.searchParams.getAll("board")).toEqual(["CORPUS-LDN-1"]);
    expect(frequencies.searchParams.getAll("outcome")).toEqual(["death"]);
    expect(frequencies.searchParams.get("year_to")).toBe("2024");
  });

  it("refuses a year that is not one, in the error summary, and keeps the address", async () => {
    service();
    const router = renderPatterns(NATIONAL);
    await screen.findByRole("table", { name: "Reviews per code" });
    fireEvent.click(screen.getByText("Change the filters"));
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "twenty" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Enter the first year as four digits, like 2018" }).getAttribute("href")).toBe(
      "#year_from",
    );
    expect(router.state.location.search).toBe("");
  });

  it("shows the service's own sentence when it refuses the filters", async () => {
    service({
      "GET /patterns/frequencies": () =>
        json(422, { detail: "Typology 1.0 has no code cc.nothing.", errors: [] }),
    });
    renderPatterns(NATIONAL, "/patterns?context=cc.nothing");
    expect(await screen.findByText("Typology 1.0 has no code cc.nothing.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "The figures could not be loaded" })).toBeTruthy();
  });

  it("shows a board member their own partnership in full, without partnership or region filters", async () => {
    service(
      {
        "GET /patterns/frequencies": () =>
          json(200, { ...FREQUENCIES, suppressed: false, reviews: full(2), items: [FREQUENCIES.items[1]], total: 1 }),
      },
      [BOARDS[0]],
    );
    renderPatterns(BOARD);
    expect(await screen.findByText(/These are your partnership's own figures, shown in full/)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Board dashboard" })).toBeTruthy();
    expect(await screen.findByText("Eastmere Safeguarding Children Partnership")).toBeTruthy();
    expect(screen.queryByText(/means a count of 1 to 9/)).toBeNull();
    expect(screen.queryByRole("checkbox", { name: "London" })).toBeNull();
    expect(screen.queryByText(/^Partnerships/)).toBeNull();
  });

  it("downloads the CSV with the view's filters", async () => {
    const asked: URL[] = [];
    service({
      "GET /exports/aggregates.csv": (request) => {
        asked.push(new URL(request.url));
        return new Response("table,code\r\n", { status: 200, headers: { "Content-Type": "text/csv" } });
      },
    });
    const made = vi.fn(() => "blob:figures");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: made, revokeObjectURL: vi.fn() }));
    renderPatterns(NATIONAL, "/patterns?region=london");
    const link = await screen.findByRole("link", { name: "Every figure (CSV)" });
    expect(link.getAttribute("href")).toBe("/api/v1/exports/aggregates.csv?region=london&min_support=5");
    fireEvent.click(link);
    await waitFor(() => expect(made).toHaveBeenCalledTimes(1));
    expect(asked[0].searchParams.getAll("region")).toEqual(["london"]);
    expect(asked[0].searchParams.get("min_support")).toBe("5");
  });
});

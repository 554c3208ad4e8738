import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { json } from "../../testing/review";
import {
  ADMIN,
  BOARD,
  BOARDS,
  FREQUENCIES,
  full,
  NATIONAL,
  NOTE,
  renderPatterns,
  service,
} from "../../testing/patterns";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("PatternsPage", () => {
  it("shows a suppressed count as Suppressed, never as 0, explains why once with the service's note, and leaves it out of the charts", async () => {
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
    expect(
      within(trend)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["0", "Suppressed", "12"]);

    // The service's note says how the figures were protected; "Suppressed" is explained once.
    expect(screen.getAllByText(NOTE)).toHaveLength(1);
    const explained = screen.getAllByText(/means fewer than 10 reviews after the small change/);
    expect(explained).toHaveLength(1);
    expect(explained[0].textContent).toMatch(/may be a true count from 1 to 12\./);
    expect(screen.queryByText(/A few other counts are hidden too/)).toBeNull();
    expect(screen.getByRole("status").textContent).toMatch(/This view counts 60 reviews/);

    const chart = screen.getByRole("img", { name: "Reviews per code" });
    expect(chart.querySelector('[data-code="cc.child.sudi"]')).toBeNull();
    expect(screen.getByText(/1 code has a suppressed count and is left out of the chart/)).toBeVisible();

    // No pair with a suppressed count comes outside a board's own view, and the note says so.
    const network = screen.getByRole("img", { name: "Network of codes found together" });
    expect(network.querySelectorAll("[data-pair]")).toHaveLength(2);
    expect(
      screen.getByText(
        /The network draws the 2 pairs found in most reviews; pairs with a suppressed count are left out\./,
      ),
    ).toBeVisible();
    const pairs = screen.getByRole("table", { name: "Pairs of codes" });
    const published = within(pairs).getByRole("row", { name: /Caseload against capacity/ });
    expect(
      within(published)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["Caseload against capacitysp.management.caseload", "28", "1.23", "< 0.001", "0.016", "Yes"]);
    // Significance is the service's, corrected for every pair tested, and the screen says so.
    expect(screen.getByText(/corrected for the 40 pairs tested here \(the Benjamini–Hochberg method\)/)).toBeVisible();
    expect(within(pairs).getByRole("button", { name: "What “q (corrected)” means" })).toBeVisible();
    expect(within(pairs).getByRole("button", { name: "What “Significant” means" })).toBeVisible();
    // A pair's own count is published, though the lift (from a suppressed code count) is not.
    const sudiPair = within(pairs).getByRole("row", { name: /Sudden unexpected death/ });
    expect(
      within(sudiPair)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual([
      "Information sharingpt.information-sharing",
      "11",
      "Suppressed",
      "Suppressed",
      "Suppressed",
      "Suppressed",
    ]);
  });

  it("draws each bar to scale: a code in half the reviews gets half the length", async () => {
    service();
    renderPatterns(NATIONAL);
    const chart = await screen.findByRole("img", { name: "Reviews per code" });
    const width = (code: string) => Number(chart.querySelector(`[data-code="${code}"] rect`)?.getAttribute("width"));
    expect(width("pt.information-sharing")).toBeGreaterThan(0);
    expect(width("sp.management.caseload")).toBeCloseTo(width("pt.information-sharing") / 2, 5);
    expect(within(chart).getByText("30 (50%)")).toBeVisible();
  });

  it("keeps the free filters in a board's own view: an administrator naming one partnership", async () => {
    const asked = service();
    renderPatterns(
      ADMIN,
      "/patterns?board=EASTMERE&region=london&year_from=2018&year_to=2022&kind=factor&min_support=3",
    );
    await screen.findByRole("table", { name: "Reviews per code" });
    expect((screen.getByRole("checkbox", { name: "London" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("From") as HTMLInputElement).value).toBe("2018");
    expect((screen.getByRole("checkbox", { name: "Contributory factors" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole("checkbox", { name: "Published" })).toBeInTheDocument();
    expect(within(screen.getByLabelText("Filters applied")).getByText("2018 to 2022")).toBeVisible();
    expect(asked).toHaveLength(4);
    for (const url of asked) {
      expect(url.searchParams.getAll("board")).toEqual(["EASTMERE"]);
      expect(url.searchParams.getAll("region")).toEqual(["london"]);
      expect(url.searchParams.get("year_from")).toBe("2018");
      expect(url.searchParams.get("year_to")).toBe("2022");
      expect(url.searchParams.getAll("kind")).toEqual(["factor"]);
    }
    const pairs = asked.find((url) => url.pathname.endsWith("/cooccurrence"));
    expect(pairs?.searchParams.get("min_support")).toBe("3");
  });

  it("offers only the lattice's questions outside a board's own view, read from the address", async () => {
    const asked = service();
    renderPatterns(NATIONAL, "/patterns?region=london&year_from=2019&year_to=2021&kind=factor");
    await screen.findByRole("table", { name: "Reviews per code" });
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    expect((screen.getByLabelText("Partnership or region") as HTMLSelectElement).value).toBe("region:london");
    expect((screen.getByRole("radio", { name: "A three-year period" }) as HTMLInputElement).checked).toBe(true);
    const period = screen.getByLabelText("Period") as HTMLSelectElement;
    expect(period.value).toBe("2019");
    // The fixed periods that cover the data's years (2012 to 2024) and this year.
    const periods = within(period)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(periods.slice(0, 2)).toEqual(["2010 to 2012", "2013 to 2015"]);
    expect(periods).toContain("2022 to 2024");
    expect((screen.getByLabelText("Tags on") as HTMLSelectElement).value).toBe("factor");
    expect(screen.getByText("Published reviews only")).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Status of the review" })).toBeNull();
    expect(within(screen.getByLabelText("Filters applied")).getByText("2019 to 2021")).toBeVisible();
    expect(asked).toHaveLength(4);
    for (const url of asked) {
      expect(url.searchParams.getAll("region")).toEqual(["london"]);
      expect([url.searchParams.get("year_from"), url.searchParams.get("year_to")]).toEqual(["2019", "2021"]);
      expect(url.searchParams.getAll("kind")).toEqual(["factor"]);
    }
  });

  it("puts the lattice's choices into the address: one partnership or region, one value each, a fixed period", async () => {
    const asked = service();
    const router = renderPatterns(NATIONAL);
    await screen.findByRole("table", { name: "Reviews per code" });
    fireEvent.click(screen.getByText("Change the filters"));
    const area = screen.getByLabelText("Partnership or region");
    await within(area).findByRole("option", { name: "Eldergate Safeguarding Children Partnership" });
    fireEvent.change(area, { target: { value: "region:south_east" } });
    fireEvent.change(screen.getByLabelText("Outcome for the child"), { target: { value: "death" } });
    fireEvent.click(screen.getByRole("radio", { name: "One year" }));
    expect((screen.getByLabelText("Year") as HTMLSelectElement).value).toBe(String(new Date().getFullYear()));
    fireEvent.click(screen.getByRole("radio", { name: "A three-year period" }));
    fireEvent.change(screen.getByLabelText("Period"), { target: { value: "2022" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() =>
      expect(router.state.location.search).toBe("?region=south_east&outcome=death&year_from=2022&year_to=2024"),
    );

    // A partnership takes the place of the region: never both.
    fireEvent.change(screen.getByLabelText("Partnership or region"), { target: { value: "board:CORPUS-LDN-1" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() =>
      expect(router.state.location.search).toBe("?board=CORPUS-LDN-1&outcome=death&year_from=2022&year_to=2024"),
    );
    await waitFor(() => expect(asked).toHaveLength(12));
    const frequencies = asked.filter((url) => url.pathname.endsWith("/frequencies")).at(-1);
    expect(frequencies?.searchParams.getAll("board")).toEqual(["CORPUS-LDN-1"]);
    expect(frequencies?.searchParams.getAll("region")).toEqual([]);
  });

  it("shows the lattice's refusal of an address in the error summary, linked to the field, as the form shows it", async () => {
    const sentence =
      "Outside your partnership's own view, figures are given for one region or for all of them: choose one.";
    const refused = () =>
      json(422, {
        detail: sentence,
        errors: [{ field: "query.region", loc: ["query", "region"], message: sentence, type: "rule" }],
      });
    service({
      "GET /patterns/frequencies": refused,
      "GET /patterns/trends": (request) =>
        new URL(request.url).searchParams.get("limit") === "1" ? json(200, { years: [] }) : refused(),
      "GET /patterns/cooccurrence": refused,
      "GET /patterns/chains": refused,
    });
    renderPatterns(NATIONAL, "/patterns?region=london&region=south_east&status=draft");
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("heading", { name: "There is a problem" })).toBeVisible();
    expect(within(summary).getByRole("link", { name: sentence }).getAttribute("href")).toBe("#area");
    expect(screen.queryByText("The figures could not be loaded")).toBeNull();
    expect(screen.queryByRole("table", { name: "Reviews per code" })).toBeNull();
    // The address is said as it is; the form, open at the field, holds what it would send.
    expect(within(screen.getByLabelText("Filters applied")).getByText("London, South East")).toBeVisible();
    expect(await screen.findByText("Hide the filters")).toBeVisible();
    expect((document.getElementById("area") as HTMLSelectElement).value).toBe("region:london");
    expect(screen.getAllByText(sentence)).toHaveLength(2);
  });

  it("refuses a year that is not one, in the error summary, and keeps the address", async () => {
    service({}, [BOARDS[0]]);
    const router = renderPatterns(BOARD);
    await screen.findByRole("table", { name: "Reviews per code" });
    fireEvent.click(screen.getByText("Change the filters"));
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "twenty" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getByRole("link", { name: "Enter the first year as four digits, like 2018" })
        .getAttribute("href"),
    ).toBe("#year_from");
    expect(router.state.location.search).toBe("");
  });

  it("shows the service's own sentence when it refuses the filters", async () => {
    service({
      "GET /patterns/frequencies": () => json(422, { detail: "Typology 1.0 has no code cc.nothing.", errors: [] }),
    });
    renderPatterns(NATIONAL, "/patterns?context=cc.nothing");
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("Typology 1.0 has no code cc.nothing.")).toBeVisible();
  });

  it("shows a board member their own partnership in full, with the free filters and no note", async () => {
    service(
      {
        "GET /patterns/frequencies": () =>
          json(200, {
            ...FREQUENCIES,
            suppressed: false,
            note: null,
            reviews: full(2),
            items: [FREQUENCIES.items[1]],
            total: 1,
          }),
      },
      [BOARDS[0]],
    );
    const router = renderPatterns(BOARD);
    expect(await screen.findByText(/These are your partnership's own figures, shown in full/)).toBeVisible();
    expect(screen.getByRole("heading", { level: 1, name: "Board dashboard" })).toBeVisible();
    expect(await screen.findByText("Eastmere Safeguarding Children Partnership")).toBeVisible();
    expect(screen.queryByText(/Suppressed means/)).toBeNull();
    expect(screen.queryByText(NOTE)).toBeNull();
    expect(screen.queryByRole("checkbox", { name: "London" })).toBeNull();
    expect(screen.queryByText(/^Partnerships/)).toBeNull();

    // Several values of a filter, and any range of years, may be asked of one's own reviews.
    fireEvent.click(screen.getByText("Change the filters"));
    fireEvent.click(screen.getByRole("checkbox", { name: "Death" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Serious harm" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Draft" }));
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2024" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() =>
      expect(router.state.location.search).toBe("?outcome=death&outcome=serious_harm&status=draft&year_to=2024"),
    );
  });

  it("lists on the board dashboard the partnership's findings that came back, and how often", async () => {
    service({}, [BOARDS[0]]);
    renderPatterns(BOARD);
    const table = await screen.findByRole("table", { name: "Findings that came back" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "EMR-2019-01, Finding 2: Referrals go unanswered2 timesEMR-2021-04, Finding 1EMR-2023-02, Finding 3",
    ]);
    expect(within(rows[0]).getByRole("link", { name: "EMR-2019-01, Finding 2" }).getAttribute("href")).toBe(
      "/reviews/3/findings/11",
    );
  });

  it("gives a board member asking about another partnership the lattice's form", async () => {
    service({}, [BOARDS[0]]);
    renderPatterns(BOARD, "/patterns?board=CORPUS-LDN-1");
    await screen.findByRole("table", { name: "Reviews per code" });
    expect(await screen.findByText(/\(not your own\)/)).toBeInTheDocument();
    expect(screen.getByText(NOTE)).toBeVisible();
    expect(screen.getByRole("radio", { name: "All years" })).toBeInTheDocument();
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    expect(within(screen.getByLabelText("Filters applied")).getByText("CORPUS-LDN-1")).toBeVisible();
  });

  it("downloads the CSV with the view's filters, named as the service names it", async () => {
    const asked: URL[] = [];
    service({
      "GET /exports/aggregates.csv": (request) => {
        asked.push(new URL(request.url));
        return new Response("table,code\r\n", {
          status: 200,
          headers: {
            "Content-Type": "text/csv",
            "Content-Disposition": 'attachment; filename="london-aggregates.csv"',
          },
        });
      },
      // A file the service gives no name keeps the page's own.
      "GET /exports/network.graphml": () =>
        new Response("<graphml/>", { status: 200, headers: { "Content-Type": "application/xml" } }),
    });
    const made = vi.fn(() => "blob:figures");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: made, revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderPatterns(NATIONAL, "/patterns?region=london");
    const link = await screen.findByRole("link", { name: "Every figure (CSV)" });
    expect(link.getAttribute("href")).toBe("/api/v1/exports/aggregates.csv?region=london&min_support=5");
    fireEvent.click(link);
    await waitFor(() => expect(saved).toEqual(["london-aggregates.csv"]));
    expect(made).toHaveBeenCalledTimes(1);
    expect(asked[0].searchParams.getAll("region")).toEqual(["london"]);
    expect(asked[0].searchParams.get("min_support")).toBe("5");

    fireEvent.click(screen.getByRole("link", { name: "Network of codes (GraphML)" }));
    await waitFor(() => expect(saved).toEqual(["london-aggregates.csv", "code-network.graphml"]));
    click.mockRestore();
  });
});

import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { BarChart, barLayout } from "./BarChart";
import { NetworkChart, NARROWEST_NETWORK } from "./NetworkChart";
import { everyNthYear, TrendChart } from "./TrendChart";

/** Lay every element out `width` pixels wide, as a screen of that width would the charts' box. */
function screenWidth(width: number) {
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(width);
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const BARS = [
  {
    key: "pt.information-sharing",
    label: "Information sharing between agencies and the family's GP",
    value: 60,
    text: "60 (100%)",
  },
  { key: "sp.management.caseload", label: "Caseload against capacity", value: 30, text: "30 (50%)" },
];

/** How much the chart's text is scaled on the screen: its drawn width over its own units. */
function scaleOf(svg: Element): number {
  const [, , units] = (svg.getAttribute("viewBox") ?? "").split(" ").map(Number);
  return Number(svg.getAttribute("width")) / units;
}

describe("charts at a phone's width", () => {
  it("draws the bars one unit to a pixel, each label on its own line above its bar", () => {
    screenWidth(358);
    render(<BarChart bars={BARS} max={60} title="Reviews per code" description="Bars." />);
    const chart = screen.getByRole("img", { name: "Reviews per code" });
    expect(chart.getAttribute("width")).toBe("358");
    expect(scaleOf(chart)).toBe(1);
    const label = chart.querySelector('[data-code="sp.management.caseload"] .scr-chart__label');
    const bar = chart.querySelector('[data-code="sp.management.caseload"] rect');
    expect(label?.getAttribute("x")).toBe("0");
    expect(Number(bar?.getAttribute("y"))).toBeGreaterThan(Number(label?.getAttribute("y")));
    // Half the reviews, half the bar's length, which leaves room for the figure after it.
    expect(Number(bar?.getAttribute("width"))).toBeCloseTo(barLayout(358).length / 2, 5);
    expect(chart.querySelector(".scr-chart__axis")).toBeNull();
  });

  it("draws the bars beside their labels on a wide screen, still one unit to a pixel", () => {
    screenWidth(2000);
    render(<BarChart bars={BARS} max={60} title="Reviews per code" description="Bars." />);
    const chart = screen.getByRole("img", { name: "Reviews per code" });
    // No wider than the page's column.
    expect(chart.getAttribute("width")).toBe("960");
    expect(scaleOf(chart)).toBe(1);
    const label = chart.querySelector('[data-code="sp.management.caseload"] .scr-chart__label');
    expect(label?.getAttribute("text-anchor")).toBe("end");
    expect(label?.textContent).toBe("Caseload against capacity");
  });

  it("writes fewer years under a narrow trend chart, never scaled down", () => {
    screenWidth(358);
    const years = Array.from({ length: 13 }, (_, i) => 2012 + i);
    render(
      <TrendChart
        years={years}
        series={[{ code: "pt.information-sharing", label: "Information sharing", values: years.map((_, i) => i) }]}
        title="Reviews a year"
        description="Lines."
      />,
    );
    const chart = screen.getByRole("img", { name: "Reviews a year" });
    expect(scaleOf(chart)).toBe(1);
    const written = [...chart.querySelectorAll("text")]
      .map((t) => t.textContent)
      .filter((t) => /^20\d\d$/.test(t ?? ""));
    expect(written.length).toBeLessThan(years.length);
    expect(written.length).toBe(Math.ceil(years.length / everyNthYear(years.length, 358)));
    expect(everyNthYear(13, 960)).toBe(1);
  });

  it("draws the network no narrower than it can be read, scrolling sideways in a box named for the keyboard", () => {
    screenWidth(358);
    const edges = [
      { a: "pt.information-sharing", b: "sp.management.caseload", count: 12, lift: 1.4 },
      { a: "cc.family.domestic-abuse", b: "pt.information-sharing", count: 11, lift: 0.9 },
    ];
    const labels = new Map([["pt.information-sharing", "Information sharing"]]);
    render(
      <NetworkChart edges={edges} labels={labels} title="Network of codes found together" description="A network." />,
    );
    const chart = screen.getByRole("img", { name: "Network of codes found together" });
    expect(chart.getAttribute("width")).toBe(String(NARROWEST_NETWORK));
    expect(scaleOf(chart)).toBe(1);
    const box = screen.getByRole("region", { name: "Network of codes found together (scrolls sideways)" });
    expect(box.getAttribute("tabindex")).toBe("0");
    expect(box.contains(chart)).toBe(true);
  });

  it("gives the network no scrolling box where it fits", () => {
    screenWidth(960);
    render(
      <NetworkChart
        edges={[{ a: "pt.a", b: "pt.b", count: 3, lift: 2 }]}
        labels={new Map()}
        title="Network of codes found together"
        description="A network."
      />,
    );
    expect(screen.queryByRole("region")).toBeNull();
    expect(screen.getByRole("img", { name: "Network of codes found together" }).getAttribute("width")).toBe("960");
  });
});

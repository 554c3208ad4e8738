import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { LEVEL_ENTRIES, SIZE_ENTRIES, STATISTICS } from "./glossary";
import { Explanations, Term } from "./Term";

afterEach(cleanup);

const KAPPA = STATISTICS.kappa;

function parts() {
  const button = screen.getByRole("button", { name: "What “Cohen's kappa” means" });
  const tip = document.getElementById(button.getAttribute("aria-describedby") ?? "");
  if (!tip) throw new Error("the button describes nothing");
  return { button, tip };
}

describe("Term", () => {
  it("shows the word, and its explanation as the button's description, hidden at first", () => {
    render(
      <p>
        Agreement as <Term entry={KAPPA} />
      </p>,
    );
    const { tip } = parts();
    expect(document.querySelector("p")?.firstChild?.textContent).toBe("Agreement as ");
    expect(document.querySelector(".scr-term")?.firstChild?.textContent).toBe("Cohen's kappa");
    expect(tip.getAttribute("role")).toBe("tooltip");
    expect(tip.textContent).toBe(KAPPA.explanation);
    expect(tip.hidden).toBe(true);
  });

  it("opens on focus and closes with Escape or when the focus leaves", () => {
    render(<Term entry={KAPPA} />);
    const { button, tip } = parts();
    fireEvent.focus(button);
    expect(tip.hidden).toBe(false);
    fireEvent.keyDown(button, { key: "Escape" });
    expect(tip.hidden).toBe(true);
    fireEvent.focus(button);
    fireEvent.blur(button);
    expect(tip.hidden).toBe(true);
  });

  it("opens while the pointer is over it", () => {
    const { container } = render(<Term entry={KAPPA} />);
    const { tip } = parts();
    const term = container.querySelector(".scr-term") as HTMLElement;
    fireEvent.mouseEnter(term);
    expect(tip.hidden).toBe(false);
    fireEvent.mouseLeave(term);
    expect(tip.hidden).toBe(true);
  });

  it("stays open after a tap, even when the pointer leaves, until a second tap", () => {
    const { container } = render(<Term entry={KAPPA} />);
    const { button, tip } = parts();
    const term = container.querySelector(".scr-term") as HTMLElement;
    fireEvent.mouseEnter(term);
    fireEvent.focus(button);
    fireEvent.click(button);
    fireEvent.mouseLeave(term);
    expect(tip.hidden).toBe(false);
    fireEvent.click(button);
    expect(tip.hidden).toBe(true);
  });

  it("can show other words than the entry's own", () => {
    render(<Term entry={STATISTICS.lift}>lift of the pair</Term>);
    expect(screen.getByText("lift of the pair")).toBeVisible();
    expect(screen.getByRole("button", { name: "What “Lift” means" })).toBeVisible();
  });
});

describe("Explanations", () => {
  it("lists each word with its explanation under a summary", () => {
    const { container } = render(<Explanations summary="What the sizes mean" entries={Object.values(SIZE_ENTRIES)} />);
    expect(screen.getByText("What the sizes mean").closest("summary")).toBeVisible();
    const terms = [...container.querySelectorAll("dt")].map((dt) => dt.textContent);
    expect(terms).toEqual(["Full", "Intensive", "Speed+", "Mid-range", "Focused", "Themed"]);
    expect(container.querySelector("dd")?.textContent).toContain("about six months");
  });
});

describe("the glossary", () => {
  it("explains every review size and every factor level in words of its own", () => {
    const entries = [...Object.values(SIZE_ENTRIES), ...Object.values(LEVEL_ENTRIES)];
    expect(entries).toHaveLength(15);
    expect(new Set(entries.map((e) => e.explanation)).size).toBe(entries.length);
  });
});

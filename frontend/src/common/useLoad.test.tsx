import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { LOADING_SHOWN_AFTER_MS, LoadProblem } from "./useLoad";

describe("LoadProblem", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("says nothing while a load is quick, then says what is loading", () => {
    render(<LoadProblem loaded={{ state: "loading" }} what="typology codes" />);
    expect(screen.queryByText(/Loading/)).toBeNull();
    act(() => vi.advanceTimersByTime(LOADING_SHOWN_AFTER_MS - 1));
    expect(screen.queryByText(/Loading/)).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByText("Loading typology codes…")).toBeVisible();
  });

  it("says at once when a load failed, and why", () => {
    render(<LoadProblem loaded={{ state: "failed", message: "The review was not found." }} what="factor" />);
    expect(screen.getByRole("alert").textContent).toContain("The factor could not be loaded");
    expect(screen.getByRole("alert").textContent).toContain("The review was not found.");
  });
});

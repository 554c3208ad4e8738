import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { Pages } from "./Pages";

afterEach(cleanup);

describe("Pages", () => {
  it("shows nothing while one page holds the list", () => {
    render(<Pages label="Pages of reviews" total={50} size={50} offset={0} onPage={() => {}} />);
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("moves a page back or on, never before the first, and says which are shown", () => {
    const onPage = vi.fn();
    render(<Pages label="Pages of reviews" total={120} size={50} offset={30} onPage={onPage} what="Reviews" />);
    expect(screen.getByRole("navigation", { name: "Pages of reviews" }).textContent).toContain(
      "Reviews 31 to 80 of 120",
    );
    fireEvent.click(screen.getByRole("button", { name: "Previous page" }));
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(onPage.mock.calls).toEqual([[0], [80]]);
  });

  it("offers no next page on the last", () => {
    render(<Pages label="Pages" total={120} size={50} offset={100} onPage={() => {}} />);
    expect(screen.queryByRole("button", { name: "Next page" })).toBeNull();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeVisible();
  });
});

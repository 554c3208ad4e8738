import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";

import { json, serve } from "../../testing/review";
import { TYPOLOGY_ROUTES, TREE } from "./testData";
import { TypologyPage } from "./TypologyPage";

afterEach(cleanup);

function open(address: string) {
  const router = createMemoryRouter([{ path: "/typology", element: <TypologyPage /> }], {
    initialEntries: [address],
  });
  render(<RouterProvider router={router} />);
  return router;
}

const codeLinks = () => screen.queryAllByRole("link").filter((link) => link.getAttribute("href")?.includes("code="));

describe("TypologyPage", () => {
  it("searches the codes, keeps the search in the address, and keeps each match's ancestors", async () => {
    serve(TYPOLOGY_ROUTES);
    const router = open("/typology");
    const search = await screen.findByRole("searchbox", { name: "Search the codes" });
    expect(screen.getByRole("status").textContent).toBe("10 codes.");

    fireEvent.change(search, { target: { value: "optimism" } });
    expect(router.state.location.search).toBe("?q=optimism");
    expect(screen.getByRole("status").textContent).toMatch(/^1 of 10 codes match ‘optimism’\./);
    expect(codeLinks().map((link) => link.textContent)).toEqual([
      "Human reasoning: cognitive and emotional biases",
      "Over-optimism about progress",
    ]);
    expect(screen.getByText("(contains matching codes)", { exact: false })).toBeVisible();

    fireEvent.click(screen.getByRole("link", { name: "Clear the search" }));
    expect(router.state.location.search).toBe("");
    expect(codeLinks()).toHaveLength(10);
  });

  it("opens a code from the address: its definition, includes, records and place in the tree", async () => {
    serve(TYPOLOGY_ROUTES);
    const router = open("/typology?q=optimism&code=sp.reasoning.over-optimism");
    const detail = await screen.findByRole("region", { name: "Over-optimism about progress" });
    const rows = within(detail)
      .getAllByRole("term")
      .map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(Object.fromEntries(rows)).toMatchObject({
      Code: "sp.reasoning.over-optimism",
      Axis: "Systemic patterns",
      Definition: "Improvement or a parent's warmth is given more weight than accumulating concerns.",
      Includes: "rule of optimism",
      "May tag": "contributory factorsfindings",
      "Part of": "Human reasoning: cognitive and emotional biases",
      "Sub-codes": "None",
      Status: "In use in version 1.0",
    });

    fireEvent.click(within(detail).getByRole("link", { name: "Human reasoning: cognitive and emotional biases" }));
    expect(new URLSearchParams(router.state.location.search).get("code")).toBe("sp.reasoning");
    expect(new URLSearchParams(router.state.location.search).get("q")).toBe("optimism");
    const parent = await screen.findByRole("region", { name: "Human reasoning: cognitive and emotional biases" });
    expect(within(parent).getByRole("link", { name: "Fixed views and confirmation" })).toBeVisible();
  });

  it("marks a deprecated code, and says so when a code is not in the version", async () => {
    serve(TYPOLOGY_ROUTES);
    open("/typology?code=sp.management.old-targets");
    const detail = await screen.findByRole("region", { name: "Old targets" });
    expect(within(detail).getByText(/This code is deprecated/)).toBeVisible();
    cleanup();
    serve(TYPOLOGY_ROUTES);
    open("/typology?code=sp.nothing");
    expect(await screen.findByText("Typology 1.0 has no code sp.nothing.")).toBeVisible();
  });

  it("offers the versions with the current one first, and reads another when chosen", async () => {
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      "GET /typologies/1.1": () => json(200, { ...TREE, version: "1.1", title: "Draft second edition", codes: [] }),
    });
    const router = open("/typology");
    const version = await screen.findByRole("combobox", { name: "Version" });
    expect(
      within(version)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["1.0: National typology, first edition (current)", "1.1: Draft second edition (draft)"]);
    fireEvent.change(version, { target: { value: "1.1" } });
    expect(router.state.location.search).toBe("?version=1.1");
    expect(await screen.findByText("0 codes.")).toBeVisible();
    expect(calls.map((call) => call.path)).toContain("/typologies/1.1");
  });

  it("shows the service's sentence when the typology cannot be read", async () => {
    serve({
      ...TYPOLOGY_ROUTES,
      "GET /typologies/9.9": () => json(404, { detail: "There is no typology version 9.9 (known: 1.0)." }),
    });
    open("/typology?version=9.9");
    expect(await screen.findByText("There is no typology version 9.9 (known: 1.0).")).toBeVisible();
  });

  it("says what became of a code in the next version, and what a version changed", async () => {
    serve({
      ...TYPOLOGY_ROUTES,
      "GET /typologies/1.1": () =>
        json(200, { ...TREE, version: "1.1", title: "Draft second edition", status: "draft" }),
    });
    const router = open("/typology?code=sp.reasoning.over-optimism");
    const replaced = await screen.findByText("Replaced by");
    const row = replaced.closest("div") as HTMLElement;
    expect(row.textContent).toContain("Over-optimism (merged, version 1.1)");
    expect(within(row).getByRole("link", { name: "Over-optimism" }).getAttribute("href")).toBe(
      "/typology?code=pt.over-optimism&version=1.1",
    );
    expect(screen.getByText("The first version of the typology.")).toBeVisible();

    fireEvent.change(screen.getByLabelText("Version"), { target: { value: "1.1" } });
    expect(router.state.location.search).toBe("?version=1.1");
    const changes = await screen.findByRole("table", { name: /Version 1.1 against 1.0/ });
    const rows = within(changes).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "MergedTwo near-duplicates made one.Over-optimism about progressOver-optimism",
      "Added—Online harm",
    ]);
    expect(screen.getByText(/What changed from version 1.0 \(2 changes\)/)).toBeVisible();
  });
});

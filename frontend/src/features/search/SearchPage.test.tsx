import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { SearchHit } from "../../client/types.gen";
import { SessionContext } from "../../common/signedIn";
import { BOARD } from "../../testing/patterns";
import { json, serve } from "../../testing/review";
import { SearchPage } from "./SearchPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const hit = (extra: Partial<SearchHit>): SearchHit => ({
  kind: "finding",
  review: { id: 4, reference: "EAS-2023-04" },
  record_id: 31,
  name: "Finding 2",
  title: "Information is shared but not understood",
  finding_id: null,
  snippet: [
    { text: "Agencies ", match: false },
    { text: "shared", match: true },
    { text: " what they knew.", match: false },
  ],
  rank: 2,
  ...extra,
});

function open(address = "/search") {
  const router = createMemoryRouter([{ path: "/search", element: <SearchPage /> }], { initialEntries: [address] });
  render(
    <SessionContext.Provider value={BOARD}>
      <RouterProvider router={router} />
    </SessionContext.Provider>,
  );
  return router;
}

describe("SearchPage", () => {
  it("asks for words before searching", async () => {
    const calls = serve({});
    open();
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Enter the words to find");
    expect(calls).toEqual([]);
  });

  it("searches, marks the matched words, and links each record to its screen", async () => {
    const asked: URLSearchParams[] = [];
    serve({
      "GET /search": (request) => {
        asked.push(new URL(request.url).searchParams);
        return json(200, {
          items: [hit({}), hit({ kind: "question", record_id: 7, name: "Question 1", finding_id: 31 })],
          total: 2,
        });
      },
    });
    const router = open();
    fireEvent.change(screen.getByLabelText("Words to find"), { target: { value: "  sharing " } });
    fireEvent.change(screen.getByLabelText("Kind of record"), { target: { value: "finding" } });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    const results = await screen.findByRole("list", { name: "Search results" });
    expect(router.state.location.search).toBe("?q=sharing&kind=finding");
    expect(asked.map((query) => [query.get("q"), query.getAll("kind"), query.get("offset")])).toEqual([
      ["sharing", ["finding"], "0"],
    ]);
    const links = within(results).getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/reviews/4/findings/31",
      "/reviews/4/findings/31",
    ]);
    expect(links[0].textContent).toBe("EAS-2023-04, Finding 2: Information is shared but not understood");
    expect(within(results).getAllByText("shared")[0].tagName).toBe("MARK");
    expect(screen.getByRole("status").textContent).toBe("2 records hold ‘sharing’.");
  });

  it("says when nothing holds the words", async () => {
    serve({ "GET /search": () => json(200, { items: [], total: 0 }) });
    open("/search?q=nothing%20here");
    expect((await screen.findByRole("status")).textContent).toBe("Nothing you may see holds ‘nothing here’.");
  });
});

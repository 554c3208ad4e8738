import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { json, renderInReview, serve, stamped } from "../../testing/review";
import { EpisodePage } from "./EpisodePage";

const entry = (id: number, entry_date: string, summary: string) =>
  stamped({
    id,
    version: 1,
    review_id: 1,
    entry_date,
    date_precision: "day" as const,
    entry_time: null,
    agency_id: 2,
    summary,
    source: null,
    author_role: null,
    significant: id === 1,
  });

const ENTRIES = [
  entry(1, "2024-01-10", "Police called to an argument at the home."),
  entry(2, "2024-05-02", "Child T admitted to hospital."),
];

afterEach(cleanup);

describe("EpisodePage", () => {
  it("cites an entry found by search, flags the later ones as hindsight, and sends every field", async () => {
    const searched: (string | null)[] = [];
    const calls = serve({
      "GET /reviews/1/chronology": (request) => {
        const q = new URL(request.url).searchParams.get("q");
        searched.push(q);
        const items = ENTRIES.filter((e) => !q || e.summary.toLowerCase().includes(q.toLowerCase()));
        return json(200, { items, total: items.length });
      },
      "POST /reviews/1/episodes": (request) => request.json().then((body) => json(201, { ...body, id: 5, ordinal: 3 })),
    });
    const { router } = renderInReview(<EpisodePage />, {
      path: "/reviews/1/episodes/new",
      route: "episodes/new",
    });
    fireEvent.change(await screen.findByLabelText("Title"), {
      target: { value: "Police call-out not shared" },
    });
    const [day, month, year] = screen.getAllByRole("textbox", { name: /^(Day|Month|Year)$/ });
    fireEvent.change(day, { target: { value: "10" } });
    fireEvent.change(month, { target: { value: "1" } });
    fireEvent.change(year, { target: { value: "2024" } });
    expect(await screen.findByText(/citing it in the appraisal would be hindsight/)).toBeVisible();
    expect(screen.getAllByText(/would be hindsight/)).toHaveLength(1);

    fireEvent.click(screen.getByRole("checkbox", { name: "Police" }));
    fireEvent.change(screen.getByLabelText("Find entries by words"), { target: { value: "police" } });
    fireEvent.click(screen.getByRole("button", { name: "Search the chronology" }));
    await waitFor(() => expect(searched).toContain("police"));
    await waitFor(() => expect(screen.queryByText(/would be hindsight/)).toBeNull());
    expect(screen.queryAllByRole("checkbox", { name: /January 2024/ })).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: /^Cite ?the entry of 10 January 2024, Police/ }));
    expect(await screen.findByRole("button", { name: /^Remove ?the entry of 10 January 2024, Police/ })).toBeVisible();
    fireEvent.change(screen.getByLabelText("Roles involved"), {
      target: { value: "police officer 1\n\n police officer 2 " },
    });
    fireEvent.change(screen.getByLabelText("The practitioners' view at the time"), {
      target: { value: "A one-off argument." },
    });
    fireEvent.click(screen.getByRole("radio", { name: "As expected" }));
    fireEvent.click(screen.getByRole("button", { name: "Add the episode" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/reviews/1/episodes"));
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      title: "Police call-out not shared",
      period_start: "2024-01-10",
      period_end: null,
      agency_ids: [2],
      roles_involved: ["police officer 1", "police officer 2"],
      what_happened: null,
      view_at_the_time: "A one-off argument.",
      appraisal: null,
      appraisal_rating: "as_expected",
      chronology_entry_ids: [1],
      went_well: null,
      queries: null,
      suggested_changes: null,
    });
  });

  it("refuses a period that ends before it starts", async () => {
    const calls = serve({ "GET /reviews/1/chronology": () => json(200, { items: [], total: 0 }) });
    renderInReview(<EpisodePage />, { path: "/reviews/1/episodes/new", route: "episodes/new" });
    fireEvent.change(await screen.findByLabelText("Title"), { target: { value: "A visit" } });
    const boxes = screen.getAllByRole("textbox", { name: /^(Day|Month|Year)$/ });
    ["10", "2", "2024", "1", "2", "2024"].forEach((value, index) => {
      fireEvent.change(boxes[index], { target: { value } });
    });
    fireEvent.click(screen.getByRole("button", { name: "Add the episode" }));
    expect(
      await screen.findByRole("link", { name: "The end of the period must be on or after its start" }),
    ).toBeVisible();
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
  });
});

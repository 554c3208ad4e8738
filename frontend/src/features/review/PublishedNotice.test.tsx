import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryRouter, RouterProvider } from "react-router-dom";

import { json, REVIEW, renderInReview, serve, stamped } from "../../testing/review";
import { EpisodePage } from "../episodes/EpisodePage";
import { EpisodesPage } from "../episodes/EpisodesPage";
import { PublishedNotice } from "./PublishedNotice";

const PUBLISHED = { ...REVIEW, status: "published" as const, publication_date: "2025-01-20", version: 7 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function notice(lead: boolean, onReopened = vi.fn()) {
  // The notice sits in the layout, outside any one screen: a router of its own is enough.
  const router = createMemoryRouter([
    { path: "*", element: <PublishedNotice review={PUBLISHED} lead={lead} onReopened={onReopened} /> },
  ]);
  render(<RouterProvider router={router} />);
  return onReopened;
}

describe("PublishedNotice", () => {
  it("says when the review was published and that it must be reopened to change", () => {
    notice(false);
    const banner = screen.getByRole("region", { name: "Published" });
    expect(banner.textContent).toContain(
      "This review was published on 20 January 2025, so neither it nor its records can be changed. It must be reopened to change it.",
    );
    expect(within(banner).getByText("Only its lead reviewer can reopen it.")).toBeVisible();
    expect(within(banner).queryByRole("button")).toBeNull();
  });

  it("reopens for the lead reviewer with the written reason, refusing a missing one first", async () => {
    const reopened = { ...PUBLISHED, status: "draft" as const, version: 8 };
    const calls = serve({ "POST /reviews/1/reopen": () => json(200, reopened) });
    const onReopened = notice(true);
    fireEvent.click(screen.getByRole("button", { name: "Reopen the review" }));
    const reason = screen.getByLabelText("Why is the review reopened?");
    await waitFor(() => expect(document.activeElement).toBe(reason));

    fireEvent.click(screen.getByRole("button", { name: "Reopen the review" }));
    expect(await screen.findByRole("link", { name: "Enter why the review is reopened" })).toBeVisible();
    fireEvent.change(reason, { target: { value: "A typo" } });
    fireEvent.click(screen.getByRole("button", { name: "Reopen the review" }));
    expect(await screen.findByRole("link", { name: "Give the reason in at least 10 characters" })).toBeVisible();
    expect(calls).toHaveLength(0);

    fireEvent.change(reason, { target: { value: "  The family's solicitor found a street name in finding 2.  " } });
    fireEvent.click(screen.getByRole("button", { name: "Reopen the review" }));
    await waitFor(() => expect(onReopened).toHaveBeenCalledWith(reopened));
    expect(calls[0].body).toEqual({ version: 7, reason: "The family's solicitor found a street name in finding 2." });
  });

  it("shows the service's refusal on the reason", async () => {
    serve({
      "POST /reviews/1/reopen": () => json(403, { detail: "Only the review's lead reviewer can reopen it." }),
    });
    const onReopened = notice(true);
    fireEvent.click(screen.getByRole("button", { name: "Reopen the review" }));
    fireEvent.change(screen.getByLabelText("Why is the review reopened?"), {
      target: { value: "A street name was found in the case summary." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Reopen the review" }));
    expect(await screen.findByRole("link", { name: "Only the review's lead reviewer can reopen it." })).toBeVisible();
    expect(onReopened).not.toHaveBeenCalled();
  });
});

describe("A published review's screens", () => {
  const EPISODE = stamped({
    id: 4,
    version: 2,
    review_id: 1,
    ordinal: 1,
    title: "Booking appointment: routine enquiry not made",
    period_start: null,
    period_end: null,
    agency_ids: [],
    roles_involved: [],
    what_happened: null,
    view_at_the_time: null,
    appraisal: null,
    appraisal_rating: null,
    chronology_entry_ids: [],
    went_well: null,
    queries: null,
    suggested_changes: null,
  });

  it("offers no episode to add", async () => {
    serve({ "GET /reviews/1/episodes": () => json(200, { items: [EPISODE], total: 1 }) });
    renderInReview(<EpisodesPage />, { path: "/reviews/1/episodes", route: "episodes", review: PUBLISHED });
    expect(await screen.findByRole("link", { name: EPISODE.title })).toBeVisible();
    expect(screen.queryByRole("link", { name: "Add an episode" })).toBeNull();
  });

  it("shows an episode with every field disabled and nothing to save, for its own reviewer too", async () => {
    serve({ "GET /reviews/1/episodes/4": () => json(200, EPISODE) });
    renderInReview(<EpisodePage />, { path: "/reviews/1/episodes/4", route: "episodes/:episodeId", review: PUBLISHED });
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    expect(title.matches(":disabled")).toBe(true); // by its fieldset
    expect(screen.queryByRole("button", { name: "Save the changes" })).toBeNull();
    // The reader is a reviewer: the sentence for those who only read would be untrue.
    expect(screen.queryByText(/only the review's reviewers change it/)).toBeNull();
  });
});

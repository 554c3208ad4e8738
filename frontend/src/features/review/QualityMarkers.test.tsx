import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { QualityMarkerRead } from "../../client/types.gen";
import { json, REVIEW, renderInReview, serve } from "../../testing/review";
import { QualityMarkers } from "./QualityMarkers";

const MARKERS: QualityMarkerRead[] = [
  { marker: "referral", group: "Setting up the review", label: "Referral", status: "met", note: "On time." },
  { marker: "analysis", group: "Running the review", label: "Analysis", status: "not_assessed", note: null },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("QualityMarkers", () => {
  it("shows each marker under its group, and sends the assessed ones when changed", async () => {
    const calls = serve({ "PATCH /reviews/1": () => json(200, { ...REVIEW, quality_markers: MARKERS }) });
    const review = { ...REVIEW, quality_markers: MARKERS };
    renderInReview(<QualityMarkers />, { path: "/reviews/1/overview", route: "overview", review });
    const table = screen.getByRole("table", { name: "The 18 quality markers" });
    expect(within(table).getByRole("columnheader", { name: "Setting up the review" })).toBeVisible();
    expect(within(table).getByText("On time.")).toBeVisible();
    fireEvent.click(screen.getByRole("button", { name: "Assess the quality markers" }));
    fireEvent.change(screen.getByLabelText("Status of Analysis"), { target: { value: "partly_met" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the quality markers" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({
      version: REVIEW.version,
      quality_markers: [
        { marker: "referral", status: "met", note: "On time." },
        { marker: "analysis", status: "partly_met", note: null },
      ],
    });
  });
});

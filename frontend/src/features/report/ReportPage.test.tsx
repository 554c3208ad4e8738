import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { REVIEW, renderInReview, serve } from "../../testing/review";
import { ReportPage } from "./ReportPage";

const PREVIEW = '<!DOCTYPE html><html><body><p class="draft-mark">DRAFT</p><h1>Report</h1></body></html>';

function service() {
  return serve({
    "GET /reviews/1/report": (request) => {
      const format = new URL(request.url).searchParams.get("format");
      if (format === "html") return new Response(PREVIEW, { headers: { "Content-Type": "text/html" } });
      return new Response(`%${format}`, { headers: { "Content-Type": "application/octet-stream" } });
    },
    "GET /reviews/1/response": () =>
      new Response(
        JSON.stringify({ detail: "The Board has not yet responded to any question of review NBY-2024-01." }),
        {
          status: 409,
          headers: { "Content-Type": "application/json" },
        },
      ),
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ReportPage", () => {
  it("previews the report in a sandboxed frame and says it is a draft until published", async () => {
    service();
    renderInReview(<ReportPage />, { path: "/reviews/1/report", route: "report" });
    const frame = await screen.findByTitle("Preview of the report");
    expect(frame.getAttribute("srcdoc")).toBe(PREVIEW);
    expect(frame.getAttribute("sandbox")).toBe("");
    expect(screen.getByText(/the report is a draft, marked DRAFT on every page/)).toBeVisible();
  });

  it("downloads a file through the service (a plain link would not carry the sign-in), named as the service names it", async () => {
    const calls = service();
    const saved: string[] = [];
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderInReview(<ReportPage />, {
      path: "/reviews/1/report",
      route: "report",
      review: { ...REVIEW, status: "published" },
    });
    await screen.findByTitle("Preview of the report");
    expect(screen.getByText(/The review is published/)).toBeVisible();
    fireEvent.click(screen.getByRole("link", { name: "Download the report in Word" }));
    await waitFor(() => expect(saved).toEqual(["NBY-2024-01-report.docx"]));
    expect(calls.filter((c) => c.path === "/reviews/1/report")).toHaveLength(2);
    click.mockRestore();
  });

  it("says why the Board's response cannot be downloaded before the Board has responded", async () => {
    service();
    renderInReview(<ReportPage />, { path: "/reviews/1/report", route: "report" });
    await screen.findByTitle("Preview of the report");
    fireEvent.click(screen.getByRole("link", { name: "Download the Board's response in Word" }));
    expect(await screen.findByText(/has not yet responded to any question/)).toBeVisible();
  });
});

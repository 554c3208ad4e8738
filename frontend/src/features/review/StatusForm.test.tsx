import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { json, renderInReview, REVIEW, serve } from "../../testing/review";
import { StatusForm } from "./StatusForm";

afterEach(cleanup);

function render() {
  return renderInReview(<StatusForm onChanged={() => undefined} />, { path: "/reviews/1", route: "" });
}

describe("StatusForm", () => {
  it("lists the blocking checks of a refused move to draft in an error summary", async () => {
    const calls = serve({
      "PATCH /reviews/1": () =>
        json(409, {
          detail: "The review cannot move to draft while 1 blocking check(s) fail.",
          errors: [],
          checks: [
            {
              code: "episode-without-factor",
              severity: "blocking",
              message: "KPE 2 is not explained by any contributory factor.",
              records: ["episode:2"],
              names: ["KPE 2"],
            },
          ],
        }),
    });
    render();
    fireEvent.click(screen.getByLabelText("Draft"));
    fireEvent.click(screen.getByRole("button", { name: "Change the status" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("There is a problem")).toBeVisible();
    expect(
      within(summary).getByRole("link", { name: "KPE 2 is not explained by any contributory factor." }),
    ).toBeVisible();
    expect(calls[0].body).toEqual({ version: REVIEW.version, status: "draft" });
  });

  it("sends the lead reviewer's reason to override the checks", async () => {
    const calls = serve({ "PATCH /reviews/1": () => json(200, { ...REVIEW, version: 4, status: "draft" }) });
    const { context } = render();
    fireEvent.click(screen.getByLabelText("Draft"));
    fireEvent.change(screen.getByLabelText("Reason to override blocking checks (optional)"), {
      target: { value: "The Board asked for the draft before the factors workshop." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Change the status" }));
    expect(await screen.findByText("The review is now a draft.")).toBeVisible();
    expect(calls[0].body).toEqual({
      version: 3,
      status: "draft",
      checks_override_reason: "The Board asked for the draft before the factors workshop.",
    });
    expect(context.setReview).toHaveBeenCalled();
  });
});

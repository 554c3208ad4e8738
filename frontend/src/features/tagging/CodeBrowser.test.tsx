import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { json, LEAD, renderInReview, serve } from "../../testing/review";
import { CodeBrowser } from "./CodeBrowser";
import { TaggingPage } from "./TaggingPage";
import { RECORD_ROUTES, tag, TREE, TYPOLOGY_ROUTES } from "./testData";

afterEach(cleanup);

const row = (text: string) => screen.getAllByRole("row").find((r) => r.textContent?.includes(text)) as HTMLElement;
const summaryOf = (name: string) => screen.getByText(name, { selector: "summary *" }).closest("summary") as HTMLElement;
const detailsOf = (name: string) => summaryOf(name).closest("details") as HTMLDetailsElement;

describe("CodeBrowser", () => {
  it("offers by axis only the codes that may tag the record, each parent folded until opened", () => {
    const onChoose = vi.fn();
    render(
      <CodeBrowser
        id="browse"
        roots={TREE.codes}
        target="factor"
        version="1.0"
        chosen=""
        onChoose={onChoose}
        exclude={new Set(["sp.reasoning.fixed-view"])}
      />,
    );
    expect(screen.getAllByRole("heading").map((h) => h.textContent)).toEqual([
      "Systemic patterns",
      "Practice themes",
      "Contributory-factor levels",
    ]);
    // A review-level code is not offered for a factor, nor a deprecated one.
    expect(screen.queryByText("Family context")).toBeNull();
    expect(screen.queryByText("Old targets")).toBeNull();
    const management = detailsOf("Management systems");
    expect(management.open).toBe(false);
    fireEvent.click(summaryOf("Management systems"));
    expect(management.open).toBe(true);
    fireEvent.click(within(management).getByRole("button", { name: "Supervision quality" }));
    expect(onChoose).toHaveBeenCalledWith("sp.management.supervision");
    // A code the record has already is shown, not offered.
    const reasoning = detailsOf("Human reasoning: cognitive and emotional biases");
    expect(within(reasoning).getByText(/already tagged/).textContent).toBe("(already tagged)");
    expect(within(reasoning).queryByRole("button", { name: "Fixed views and confirmation" })).toBeNull();
    // A leaf at the top of its axis needs no folding.
    expect(screen.getByRole("button", { name: "Information sharing" })).toBeInTheDocument();
  });

  it("opens the way to the chosen code, marks it chosen and says so", () => {
    render(
      <CodeBrowser
        id="browse"
        roots={TREE.codes}
        target="factor"
        version="1.0"
        chosen="sp.reasoning.over-optimism"
        onChoose={() => {}}
      />,
    );
    expect(detailsOf("Human reasoning: cognitive and emotional biases").open).toBe(true);
    expect(detailsOf("Management systems").open).toBe(false);
    expect(screen.getByRole("button", { name: "Over-optimism about progress" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(screen.getByRole("button", { name: "Information sharing" }).getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByRole("status").textContent).toBe(
      "Chosen: ‘Over-optimism about progress’ (sp.reasoning.over-optimism). Add the tag below.",
    );
  });

  it("tags a record on the Tagging screen with a code picked from the tree", async () => {
    const calls = serve({
      ...TYPOLOGY_ROUTES,
      ...RECORD_ROUTES,
      "GET /reviews/1/tags": () => json(200, { items: [], total: 0 }),
      "POST /reviews/1/tags": (request) =>
        request.json().then((body) => json(201, tag(body.target, body.code, LEAD.email, { agreed: body.agreed }))),
    });
    renderInReview(<TaggingPage />, { path: "/reviews/1/tagging", route: "tagging" });
    await screen.findByRole("heading", { name: "Contributory factors" });
    fireEvent.click(within(row("Supervision was used")).getByRole("button", { name: /^Add a tag/ }));
    const form = screen.getByRole("form", { name: /^Tag / });
    fireEvent.click(within(form).getByText("Or browse the codes"));
    fireEvent.click(within(form).getByText("Management systems", { selector: "summary *" }));
    fireEvent.click(within(form).getByRole("button", { name: "Supervision quality" }));
    // The search's list shows the code chosen too.
    expect((within(form).getByRole("radio", { name: "Supervision quality" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole("radio", { name: /^An agreed tag of the review/ }));
    fireEvent.click(within(form).getByRole("button", { name: "Add the tag" }));
    expect(await screen.findByText("Tagged with ‘Supervision quality’ as an agreed tag.")).toBeVisible();
    expect(calls.find((call) => call.method === "POST")?.body).toMatchObject({
      target: "factor:8",
      code: "sp.management.supervision",
      typology_version: "1.0",
    });
  });
});

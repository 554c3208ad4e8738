import type { FinalConnectionState } from "@xyflow/react";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { json, renderInReview, serve, stamped } from "../../testing/review";
import type { SignedIn } from "../../session";
import { dragEnds } from "./GraphCanvas";
import { GraphPage } from "./GraphPage";

const BOARD: SignedIn = { token: "a.b.c", email: "board.member@demo.example.org", role: "board" };

const NODES = [
  { id: "episode:1", kind: "episode", label: "KPE 1: Booking appointment", ordinal: 1, rating: "below_expected" },
  { id: "factor:1", kind: "factor", label: "Funding was cut", level: "wider_context" },
  { id: "factor:2", kind: "factor", label: "Caseloads were above the safe limit", level: "working_conditions" },
  { id: "factor:3", kind: "factor", label: "Contacts were kept short", level: "worker_role" },
  { id: "finding:1", kind: "finding", label: "Finding 1: Caseloads against capacity", ordinal: 1 },
];

const link = (id: number, kind: string, source: string, target: string) =>
  stamped({ id, version: 1, review_id: 1, kind, source, target, evidence_note: null });

const LINKS = [
  link(1, "influenced", "factor:1", "factor:2"),
  link(2, "influenced", "factor:2", "factor:3"),
  link(3, "influenced", "factor:3", "factor:2"),
  link(4, "contributed_to", "factor:3", "episode:1"),
];

const ANALYSIS = {
  root_factors: ["factor:1"],
  factors: [],
  feedback_loops: { loops: [["factor:2", "factor:3"]], more: false },
  backwards_led_to: [],
  components: [],
  longest_chains: [],
};

function service(extra: Record<string, Parameters<typeof serve>[0][string]> = {}) {
  return serve({
    "GET /reviews/1/graph": () => json(200, { directed: true, nodes: NODES, links: [] }),
    "GET /reviews/1/links": () => json(200, { items: LINKS, total: LINKS.length }),
    "GET /reviews/1/analysis": () => json(200, ANALYSIS),
    ...extra,
  });
}

beforeEach(() => {
  // jsdom measures nothing; React Flow only needs to be able to watch for sizes.
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(cleanup);

describe("GraphPage", () => {
  it("draws every record, marks the root factor and the loop, and says so in words", async () => {
    service();
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    await screen.findByRole("table", { name: /^Links/ });
    const node = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"] .scr-node`);
    await waitFor(() => expect(node("factor:1")).not.toBeNull());
    for (const { id } of NODES) expect(node(id)).not.toBeNull();
    expect(node("factor:1")?.classList.contains("scr-node--root")).toBe(true);
    expect(node("factor:2")?.classList.contains("scr-node--loop")).toBe(true);
    expect(node("factor:3")?.classList.contains("scr-node--loop")).toBe(true);
    expect(node("factor:2")?.classList.contains("scr-node--root")).toBe(false);
    expect(node("factor:1")?.querySelector("a")?.getAttribute("href")).toBe("/reviews/1/factors/1");

    const roots = screen.getByRole("list", { name: "Root factors" });
    expect(
      within(roots)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["Funding was cut"]);
    const loops = screen.getByRole("list", { name: "Feedback loops" });
    expect(loops.textContent).toBe(
      "Caseloads were above the safe limit influenced Contacts were kept short influenced Caseloads were above the safe limit again.",
    );
    const rows = within(screen.getByRole("table", { name: /^Links/ })).getAllByRole("row");
    expect(rows).toHaveLength(5);
    expect(rows[2].textContent).toContain("Feedback loop");
    expect(rows[1].textContent).not.toContain("Feedback loop");
  });

  it("adds a link without dragging, offering only the kinds and records the method allows", async () => {
    const calls = service({
      "POST /reviews/1/links": (request) =>
        request.json().then((body) => json(201, link(9, body.kind, body.source, body.target))),
    });
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    const from = await screen.findByLabelText("From");
    fireEvent.change(from, { target: { value: "factor:2" } });
    const kinds = screen.getByLabelText("Kind of link") as HTMLSelectElement;
    expect([...kinds.options].map((o) => o.value)).toEqual(["", "contributed_to", "influenced"]);
    fireEvent.change(kinds, { target: { value: "contributed_to" } });
    const to = screen.getByLabelText("To") as HTMLSelectElement;
    expect([...to.options].map((o) => o.value)).toEqual(["", "episode:1"]);
    fireEvent.change(to, { target: { value: "episode:1" } });
    fireEvent.change(screen.getByLabelText("Evidence for the link (optional)"), {
      target: { value: "The clinic ran late." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add the link" }));

    expect(
      await screen.findByText(/^The link was added: ‘Caseloads were above the safe limit’ contributed to ‘KPE 1/),
    ).toBeVisible();
    // Said where the person is, above the form, with the focus (not left on the page's body).
    const message = screen.getByRole("alert");
    expect(document.activeElement).toBe(message);
    expect(message.nextElementSibling?.tagName).toBe("FORM");
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      kind: "contributed_to",
      source: "factor:2",
      target: "episode:1",
      evidence_note: "The clinic ran late.",
    });
    await waitFor(() => expect(calls.filter((call) => call.path === "/reviews/1/analysis")).toHaveLength(2));
  });

  // React Flow keeps nodes hidden until it has measured them, which jsdom never does: the
  // queries look at hidden elements too.
  it("draws a link on the graph from the keyboard: a record's button, then the records it may point to", async () => {
    service();
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    await screen.findByRole("table", { name: /^Links/ });
    const start = await waitFor(() => {
      const button = document.querySelector<HTMLElement>('[data-link-from="factor:2"]');
      expect(button).not.toBeNull();
      return button as HTMLElement;
    });
    expect(start.getAttribute("aria-label")).toBe("Link from this record: Caseloads were above the safe limit");
    fireEvent.click(start);

    expect(screen.getByRole("status").textContent).toMatch(/^Linking from ‘Caseloads were above the safe limit’\./);
    // The other factors it may influence, the episode it may explain, the finding it may evidence.
    const choices = () => [...document.querySelectorAll<HTMLElement>("[data-link-to]")];
    await waitFor(() => expect(choices()).toHaveLength(4));
    expect(
      choices()
        .map((button) => button.getAttribute("data-link-to"))
        .sort(),
    ).toEqual(["episode:1", "factor:1", "factor:3", "finding:1"]);
    const episode = choices().find((button) => button.getAttribute("data-link-to") === "episode:1") as HTMLElement;
    expect(episode.getAttribute("aria-label")).toBe(
      "Link to here: from ‘Caseloads were above the safe limit’ to ‘KPE 1: Booking appointment’",
    );
    fireEvent.click(episode);

    const chooser = await screen.findByRole("form", { name: "Add a link" });
    expect(within(chooser).getByRole("radio", { name: /^Contributed to: / })).toHaveProperty("checked", true);
    expect(choices()).toHaveLength(0);
  });

  it("stops drawing a link with Escape", async () => {
    service();
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    await screen.findByRole("table", { name: /^Links/ });
    await waitFor(() => expect(document.querySelector('[data-link-from="factor:1"]')).not.toBeNull());
    fireEvent.click(document.querySelector('[data-link-from="factor:1"]') as HTMLElement);
    await waitFor(() => expect(document.querySelector("[data-link-to]")).not.toBeNull());
    fireEvent.keyDown(document.querySelector("[data-link-to]") as HTMLElement, { key: "Escape" });
    await waitFor(() => expect(document.querySelector("[data-link-to]")).toBeNull());
    expect(screen.queryByText(/^Linking from/)).toBeNull();
  });

  it("shows the service's own sentence when it refuses a link", async () => {
    const detail = "factor:1 is already linked to factor:2 by a influenced link (link 1).";
    service({ "POST /reviews/1/links": () => json(409, { detail, errors: [] }) });
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    fireEvent.change(await screen.findByLabelText("From"), { target: { value: "factor:1" } });
    fireEvent.change(screen.getByLabelText("Kind of link"), { target: { value: "influenced" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "factor:2" } });
    fireEvent.click(screen.getByRole("button", { name: "Add the link" }));
    const summary = (await screen.findByRole("heading", { name: "There is a problem" })).closest(
      ".govuk-error-summary",
    );
    expect(summary?.textContent).toContain(detail);
  });

  it("asks for every end of a link before sending it", async () => {
    const calls = service();
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    fireEvent.click(await screen.findByRole("button", { name: "Add the link" }));
    expect(await screen.findByRole("link", { name: "Choose the record the link starts from" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Choose the kind of link" })).toBeVisible();
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
  });

  it("removes a link from the table after asking", async () => {
    const calls = service({ "DELETE /reviews/1/links/4": () => new Response(null, { status: 204 }) });
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    const table = await screen.findByRole("table", { name: /^Links/ });
    fireEvent.click(
      within(table).getByRole("button", { name: /^Remove the link: Contacts were kept short contributed to KPE 1/ }),
    );
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);
    fireEvent.click(within(table).getByRole("button", { name: "Yes, remove the link" }));
    expect(await screen.findByText(/^The link was removed: ‘Contacts were kept short’ contributed to/)).toBeVisible();
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual(["/reviews/1/links/4"]);
  });

  it("lets a board member read the graph but change nothing", async () => {
    service();
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph", session: BOARD });
    const table = await screen.findByRole("table", { name: /^Links/ });
    expect(within(table).queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("button", { name: "Add the link" })).toBeNull();
    expect(screen.getByText("You can read the graph; only the review's reviewers change it.")).toBeVisible();
    await waitFor(() => expect(document.querySelector(".react-flow__handle")).not.toBeNull());
    expect(document.querySelector(".react-flow__handle.connectable")).toBeNull();
  });
});

describe("GraphPage: downloads", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it("downloads the review's graph as GraphML and GEXF with the sign-in, named as the service names it", async () => {
    const formats: (string | null)[] = [];
    const calls = service({
      "GET /reviews/1/graph": (request) => {
        const format = new URL(request.url).searchParams.get("format");
        formats.push(format);
        if (format === "json") return json(200, { directed: true, nodes: NODES, links: [] });
        if (format === "graphml") {
          return new Response("<graphml/>", {
            headers: {
              "Content-Type": "application/xml",
              "Content-Disposition": 'attachment; filename="NBY-2024-01.graphml"',
            },
          });
        }
        // A file the service gives no name is saved under the page's own.
        return new Response("<gexf/>", { headers: { "Content-Type": "application/xml" } });
      },
    });
    sessionStorage.setItem("scr.session", JSON.stringify({ ...BOARD, token: "t.o.k" }));
    const saved: string[] = [];
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:graph", revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    // A board member, who only reads the graph, may download it too.
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph", session: BOARD });
    const downloads = await screen.findByRole("region", { name: "Download the graph" });
    const graphml = within(downloads).getByRole("link", { name: "The causal graph as GraphML" });
    expect(graphml.getAttribute("href")).toBe("/api/v1/reviews/1/graph?format=graphml");
    fireEvent.click(graphml);
    await waitFor(() => expect(saved).toEqual(["NBY-2024-01.graphml"]));
    fireEvent.click(within(downloads).getByRole("link", { name: "The causal graph as GEXF" }));
    await waitFor(() => expect(saved).toEqual(["NBY-2024-01.graphml", "NBY-2024-01-causal-graph.gexf"]));
    expect(formats).toEqual(["json", "graphml", "gexf"]);
    expect(calls.filter((call) => call.path === "/reviews/1/graph").map((call) => call.auth)).toEqual([
      "Bearer t.o.k",
      "Bearer t.o.k",
      "Bearer t.o.k",
    ]);
    click.mockRestore();
  });

  it("says why the graph could not be downloaded", async () => {
    service({
      "GET /reviews/1/graph": [
        () => json(200, { directed: true, nodes: NODES, links: [] }),
        () => json(404, { detail: "Review 1 was not found." }),
      ],
    });
    renderInReview(<GraphPage />, { path: "/reviews/1/graph", route: "graph" });
    fireEvent.click(await screen.findByRole("link", { name: "The causal graph as GEXF" }));
    expect(await screen.findByText("The graph could not be downloaded as GEXF: Review 1 was not found.")).toBeVisible();
  });
});

describe("dragEnds", () => {
  const state = (from: string, type: "source" | "target", to: string | null) =>
    ({
      fromNode: { id: from },
      fromHandle: { type },
      toNode: to ? { id: to } : null,
    }) as unknown as FinalConnectionState;

  it("reads a drag from a record's outgoing handle as a link from it", () => {
    expect(dragEnds(state("factor:1", "source", "episode:1"), null)).toEqual(["factor:1", "episode:1"]);
  });

  it("reads a drag from an arriving handle as a link into the record it started from", () => {
    expect(dragEnds(state("episode:1", "target", "factor:1"), null)).toEqual(["factor:1", "episode:1"]);
  });

  it("uses the record under the pointer when the drop was on no handle, and nothing on empty canvas", () => {
    expect(dragEnds(state("factor:1", "source", null), "episode:2")).toEqual(["factor:1", "episode:2"]);
    expect(dragEnds(state("factor:1", "source", null), null)).toBeNull();
  });
});

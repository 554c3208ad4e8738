import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { TagMigrationPreview, TagMove, TypologySummary, TypologyTree } from "../../client/types.gen";
import { json, LEAD, renderInReview, serve } from "../../testing/review";
import { TaggingPage } from "./TaggingPage";
import { RECORD_ROUTES, tag, TREE } from "./testData";

afterEach(cleanup);

// Version 1.1 is current: caseload split in two, the two supervision codes merged.
const NEXT: TypologyTree = {
  ...TREE,
  version: "1.1",
  title: "Second edition",
  codes: [
    ...TREE.codes.filter((c) => c.id !== "sp.management"),
    {
      ...TREE.codes[1],
      children: [
        { ...TREE.codes[1].children[0], id: "sp.management.caseload.volume", label: "Caseload volume" },
        { ...TREE.codes[1].children[0], id: "sp.management.caseload.complexity", label: "Caseload complexity" },
        { ...TREE.codes[1].children[0], id: "pt.supervision", label: "Supervision and reflection" },
      ],
    },
  ],
};
const VERSIONS: TypologySummary[] = [
  { version: "1.1", title: "Second edition", published: "2027-05-01", status: "published", codes: 80, current: true },
  { version: "1.0", title: TREE.title, published: TREE.published, status: "published", codes: 10, current: false },
];
const SPLIT = tag("factor:7", "sp.management.caseload", LEAD.email, { agreed: true });
const MERGED = tag("factor:8", "sp.management.supervision", LEAD.email, { agreed: true });
const RETIRED = tag("factor:8", "fl.working-conditions", LEAD.email, { agreed: true });
const NEW = tag("factor:8", "pt.information-sharing", LEAD.email, { agreed: true, typology_version: "1.1" });

const move = (t: typeof SPLIT, to_codes: string[]): TagMove => ({
  tag_id: t.id,
  target: t.target,
  coder: t.coder,
  agreed: true,
  from_version: "1.0",
  from_code: t.code,
  to_codes,
  needs_choice: to_codes.length !== 1,
  dropped: to_codes.length === 0,
  note: to_codes.length === 0 ? "Retired: the factor's level field says it" : "",
});
const PREVIEW: TagMigrationPreview = {
  to_version: "1.1",
  moves: [
    move(SPLIT, ["sp.management.caseload.volume", "sp.management.caseload.complexity"]),
    move(MERGED, ["pt.supervision"]),
    move(RETIRED, []),
  ],
  needs_choice: 2,
  dropped: 1,
};

function routes(tags: (typeof SPLIT)[], onApply: (body: unknown) => void) {
  return {
    ...RECORD_ROUTES,
    "GET /typologies": () => json(200, { items: VERSIONS, total: 2 }),
    "GET /typologies/1.1": () => json(200, NEXT),
    "GET /typologies/1.0": () => json(200, TREE),
    "GET /reviews/1/tags": [
      () => json(200, { items: tags, total: tags.length }),
      () => json(200, { items: [NEW], total: 1 }),
    ],
    "GET /reviews/1/tags/migration": () => json(200, PREVIEW),
    "POST /reviews/1/tags/migration": (request: Request) =>
      request.json().then((body) => {
        onApply(body);
        return json(200, PREVIEW);
      }),
  };
}

describe("MoveTags", () => {
  it("previews where each older tag goes, asks for a split code's choice, then moves them", async () => {
    const applied: unknown[] = [];
    const calls = serve(routes([SPLIT, MERGED, RETIRED, NEW], (body) => applied.push(body)));
    renderInReview(<TaggingPage />, { path: "/reviews/1/tagging", route: "tagging" });
    const section = await screen.findByRole("region", { name: "Move the tags to typology version 1.1" });
    expect(section.textContent).toContain("3 tags are under version 1.0");
    fireEvent.click(within(section).getByRole("button", { name: "Preview the move" }));
    const table = await within(section).findByRole("table", { name: "Where each tag goes" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[1].textContent).toContain("Supervision quality (sp.management.supervision)");
    expect(rows[1].textContent).toContain("Supervision and reflection (pt.supervision)");
    expect(rows[2].textContent).toContain(
      "Dropped: the code has no successor (Retired: the factor's level field says it)",
    );
    expect(section.textContent).toContain("One tag is dropped: version 1.1 has no code to carry it.");
    expect(
      within(rows[0])
        .getAllByRole("radio")
        .map((r) => r.getAttribute("id")),
    ).toEqual([`move-${SPLIT.id}-sp.management.caseload.volume`, `move-${SPLIT.id}-sp.management.caseload.complexity`]);

    fireEvent.click(within(section).getByRole("button", { name: "Move the tags to version 1.1" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Choose where the split tag goes before moving.");
    expect(applied).toEqual([]);

    fireEvent.click(within(rows[0]).getByRole("radio", { name: /Caseload complexity/ }));
    fireEvent.click(within(section).getByRole("button", { name: "Move the tags to version 1.1" }));
    await screen.findByText("The review's tags are moved to typology version 1.1.");
    expect(applied).toEqual([
      { to_version: "1.1", choices: [{ tag_id: SPLIT.id, code: "sp.management.caseload.complexity" }] },
    ]);
    // Read afresh: every tag is now under 1.1, so the offer goes.
    await waitFor(() => expect(screen.queryByRole("region", { name: /Move the tags/ })).toBeNull());
    expect(calls.filter((c) => c.path === "/reviews/1/tags").length).toBe(2);
  });

  it("is not offered while every tag is under the current version", async () => {
    serve(routes([NEW], () => {}));
    renderInReview(<TaggingPage />, { path: "/reviews/1/tagging", route: "tagging" });
    await screen.findByRole("heading", { name: "Contributory factors" });
    expect(screen.queryByRole("region", { name: /Move the tags/ })).toBeNull();
  });
});

import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { RecordTable } from "./RecordTable";

afterEach(cleanup);

const EPISODES = [
  { id: 7, ordinal: 1, title: "The first home visit", cited: 3 },
  { id: 4, ordinal: 2, title: "A missed appointment", cited: 0 },
];

describe("RecordTable", () => {
  it("lists the records in the order given, under the captioned headings, counts set to the right", () => {
    render(
      <RecordTable
        caption="Episodes"
        records={EPISODES}
        columns={[
          { header: "Number", cell: (episode) => episode.ordinal },
          { header: "Episode", headerClass: "scr-wide", cell: (episode) => episode.title },
          { header: "Entries cited", numeric: true, cellClass: "scr-nowrap", cell: (episode) => episode.cited },
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "Episodes" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Number", "Episode", "Entries cited"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((td) => td.textContent),
      ),
    ).toEqual([
      ["1", "The first home visit", "3"],
      ["2", "A missed appointment", "0"],
    ]);
    expect(screen.getByRole("columnheader", { name: "Episode" })).toHaveClass("govuk-table__header", "scr-wide");
    expect(screen.getByRole("columnheader", { name: "Entries cited" })).toHaveClass("govuk-table__header--numeric");
    expect(within(rows[0]).getByText("3")).toHaveClass("govuk-table__cell--numeric", "scr-nowrap");
    expect(within(rows[0]).getByText("1")).toHaveClass("govuk-table__cell");
    expect(within(rows[0]).getByText("1")).not.toHaveClass("govuk-table__cell--numeric");
  });

  it("gives the table the screen's class and each row the id a link can point to", () => {
    render(
      <RecordTable
        caption={<>Entries (2 in all)</>}
        className="scr-chronology"
        records={EPISODES}
        rowId={(episode) => `entry-${episode.id}`}
        columns={[
          { header: "Episode", cell: (episode) => episode.title },
          { header: <span className="govuk-visually-hidden">Actions</span>, cell: () => "Change" },
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "Entries (2 in all)" });
    expect(table).toHaveClass("govuk-table", "scr-chronology");
    expect(
      within(table)
        .getAllByRole("row")
        .map((row) => row.id),
    ).toEqual(["", "entry-7", "entry-4"]);
    expect(screen.getByRole("columnheader", { name: "Actions" })).toHaveTextContent("Actions");
  });

  it("heads each row with its record's cell where asked, and shows a column only where it is shown", () => {
    render(
      <RecordTable
        caption="Steps"
        captionClass="govuk-table__caption--s"
        records={[{ name: "Rapid review", due: "3 April 2024" }]}
        rowKey={(step) => step.name}
        rowClass={(step) => step.due.endsWith("2024") && "scr-late"}
        columns={[
          { header: "Step", rowHeader: true, cell: (step) => step.name },
          { header: "Due by", abbr: "Due", cell: (step) => step.due },
          { header: "Actions", shown: false, cell: () => "Change" },
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "Steps" });
    expect(within(table).getByRole("rowheader", { name: "Rapid review" })).toHaveClass("govuk-table__header");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Step", "Due by"]);
    expect(within(table).getByRole("columnheader", { name: "Due by" })).toHaveAttribute("abbr", "Due");
    expect(within(table).getAllByRole("row")[1]).toHaveClass("govuk-table__row", "scr-late");
    expect(table.querySelector("caption")).toHaveClass("govuk-table__caption", "govuk-table__caption--s");
    expect(screen.queryByText("Change")).toBeNull();
  });

  it("says in a row across the table that there are no records yet", () => {
    render(
      <RecordTable
        caption="The list"
        records={[] as { id: number; text: string }[]}
        empty="No identifiers are listed yet."
        columns={[
          { header: "Identifier", cell: (identifier) => identifier.text },
          { header: "What it is", cell: () => "" },
        ]}
      />,
    );
    const cell = screen.getByRole("cell", { name: "No identifiers are listed yet." });
    expect(cell).toHaveAttribute("colspan", "2");
  });
});

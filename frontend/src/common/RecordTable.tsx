import type { Key, ReactNode } from "react";

/** One column of a record screen's table: its heading, and what each record shows under it. */
export type Column<T> = {
  header: ReactNode;
  cell: (record: T) => ReactNode;
  /** A count: the heading and the cells set to the right (GOV.UK's numeric cells). */
  numeric?: boolean;
  /** Whether the column is there (false: a column only some people see, like their actions). */
  shown?: boolean;
  /** Each record's cell in this column heads its row (a `th` of scope row). */
  rowHeader?: boolean;
  /** The heading's short form, for a heading that is more than its words (a term explained). */
  abbr?: string;
  /** Classes of this screen's own, on the heading and on each cell. */
  headerClass?: string;
  cellClass?: string;
};

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/**
 * The table every record screen lists its records in (reviews, chronology, episodes, factors,
 * findings, identifiers, agreement, tagging): a caption, a heading per column, a row per record
 * in the order given.
 */
export function RecordTable<T>({
  caption,
  captionClass = "govuk-table__caption--m",
  columns,
  records,
  className,
  id,
  rowId,
  rowClass,
  rowKey = (record, index) => (record as { id?: Key }).id ?? index,
  empty,
}: {
  caption: ReactNode;
  /** The caption's size (GOV.UK's caption classes), or govuk-visually-hidden. */
  captionClass?: string;
  columns: Column<T>[];
  records: T[];
  /** A class of the screen's own on the table. */
  className?: string;
  /** The table's id, for a link to it. */
  id?: string;
  /** Each row's id, for a link to the record's row. */
  rowId?: (record: T) => string;
  /** A class of the screen's own on a record's row (an overdue action, say). */
  rowClass?: (record: T) => string | false | undefined;
  /** What tells the rows apart, for a record without an id. */
  rowKey?: (record: T, index: number) => Key;
  /** A row across the table that says there are no records yet. */
  empty?: ReactNode;
}) {
  const shown = columns.filter((column) => column.shown !== false);
  return (
    <table className={classes("govuk-table", className)} id={id}>
      <caption className={classes("govuk-table__caption", captionClass)}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {shown.map((column, index) => (
            <th
              scope="col"
              key={index}
              abbr={column.abbr}
              className={classes(
                "govuk-table__header",
                column.numeric && "govuk-table__header--numeric",
                column.headerClass,
              )}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {empty && records.length === 0 && (
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" colSpan={shown.length}>
              {empty}
            </td>
          </tr>
        )}
        {records.map((record, index) => (
          <tr
            className={classes("govuk-table__row", rowClass?.(record))}
            key={rowKey(record, index)}
            id={rowId?.(record)}
          >
            {shown.map((column, index) =>
              column.rowHeader ? (
                <th scope="row" key={index} className={classes("govuk-table__header", column.cellClass)}>
                  {column.cell(record)}
                </th>
              ) : (
                <td
                  key={index}
                  className={classes(
                    "govuk-table__cell",
                    column.numeric && "govuk-table__cell--numeric",
                    column.cellClass,
                  )}
                >
                  {column.cell(record)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

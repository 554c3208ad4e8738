import type { ReactNode } from "react";

/** One column of a record screen's table: its heading, and what each record shows under it. */
export type Column<T> = {
  header: ReactNode;
  cell: (record: T) => ReactNode;
  /** A count: the heading and the cells set to the right (GOV.UK's numeric cells). */
  numeric?: boolean;
  /** Classes of this screen's own, on the heading and on each cell. */
  headerClass?: string;
  cellClass?: string;
};

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/**
 * The table a record screen lists its records in (chronology, episodes, factors, findings): a
 * caption, a heading per column, a row per record in the order given.
 */
export function RecordTable<T extends { id: number }>({
  caption,
  columns,
  records,
  className,
  rowId,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  records: T[];
  /** A class of the screen's own on the table. */
  className?: string;
  /** Each row's id, for a link to the record's row. */
  rowId?: (record: T) => string;
}) {
  return (
    <table className={classes("govuk-table", className)}>
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column, index) => (
            <th
              scope="col"
              key={index}
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
        {records.map((record) => (
          <tr className="govuk-table__row" key={record.id} id={rowId?.(record)}>
            {columns.map((column, index) => (
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
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

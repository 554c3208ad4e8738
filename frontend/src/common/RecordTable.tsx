import type { ReactNode } from "react";

/** One column of a record screen's table: its heading, and what each record shows under it. */
export type Column<T> = {
  header: string;
  cell: (record: T) => ReactNode;
  /** A count: the heading and the cells set to the right (GOV.UK's numeric cells). */
  numeric?: boolean;
  /** Classes of this screen's own, on the heading and on each cell. */
  headerClass?: string;
  cellClass?: string;
};

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/**
 * The table a record screen lists its records in (episodes, factors, findings): a caption, a
 * heading per column, a row per record in the order given.
 */
export function RecordTable<T extends { id: number }>({
  caption,
  columns,
  records,
}: {
  caption: string;
  columns: Column<T>[];
  records: T[];
}) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th
              scope="col"
              key={column.header}
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
          <tr className="govuk-table__row" key={record.id}>
            {columns.map((column) => (
              <td
                key={column.header}
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

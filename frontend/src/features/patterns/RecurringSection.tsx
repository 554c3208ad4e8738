import { Link } from "react-router-dom";

import { ok } from "../../api";
import { recurrenceRecurring } from "../../client/sdk.gen";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { plural, Section, TableHead } from "./parts";

/** The most a dashboard lists: the findings that came back most often. */
const LISTED = 50;

/**
 * The partnership's findings that came back: each earlier finding that a reviewer linked a
 * later one to ("found before in …"), and how often. Counted from the links between the
 * partnership's own reviews, whatever the filters above say.
 */
export function RecurringSection({ boardId }: { boardId: number }) {
  const [loaded] = useLoad(
    (signal) => ok(recurrenceRecurring({ path: { board_id: boardId }, query: { limit: LISTED }, signal })),
    [boardId],
  );
  return (
    <Section id="recurring" title="Findings that came back">
      <p className="govuk-body">
        Findings of your partnership's reviews that a later review found again: its reviewers linked a finding to the
        earlier one (‘Found before in …’). A chain of such links counts once, under its first finding. The filters above
        do not apply here.
      </p>
      {loaded.state !== "ready" ? (
        <LoadProblem loaded={loaded} what="findings that came back" />
      ) : loaded.data.items.length === 0 ? (
        <p className="govuk-body">No finding has been linked as found before yet.</p>
      ) : (
        <table className="govuk-table scr-pattern-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Findings that came back</caption>
          <TableHead columns={["First found in", { numeric: "Came back" }, "Found again in"]} />
          <tbody className="govuk-table__body">
            {loaded.data.items.map((item) => (
              <tr className="govuk-table__row" key={item.earlier.finding_id}>
                <th scope="row" className="govuk-table__header">
                  <Link
                    className="govuk-link"
                    to={`/reviews/${item.earlier.review_id}/findings/${item.earlier.finding_id}`}
                  >
                    {item.earlier.reference}, {item.earlier.name}
                  </Link>
                  {item.earlier.title && `: ${item.earlier.title}`}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {item.came_back === 1 ? "Once" : plural(item.came_back, "time", "times")}
                </td>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {item.later.map((later) => (
                      <li key={later.finding_id}>
                        <Link className="govuk-link" to={`/reviews/${later.review_id}/findings/${later.finding_id}`}>
                          {later.reference}, {later.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded.state === "ready" && loaded.data.total > loaded.data.items.length && (
        <p className="govuk-body-s">
          The {LISTED} that came back most often are listed, of {loaded.data.total}.
        </p>
      )}
    </Section>
  );
}

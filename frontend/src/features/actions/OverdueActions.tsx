import { Link } from "react-router-dom";

import { ok } from "../../api";
import { actionsList } from "../../client/sdk.gen";
import { useLoad } from "../../common/useLoad";

/** How many of the board's actions are overdue, on a board member's home page and dashboard. */
export function OverdueActions({ boardId }: { boardId: number }) {
  const [loaded] = useLoad(
    (signal) => ok(actionsList({ path: { board_id: boardId }, query: { overdue: true, limit: 1 }, signal })),
    [boardId],
  );
  if (loaded.state !== "ready") return null;
  const overdue = loaded.data.total;
  const plan = `/boards/${boardId}/actions`;
  return (
    <div className="govuk-inset-text">
      {overdue === 0 ? (
        <p className="govuk-body">
          No action of the Board's is overdue.{" "}
          <Link className="govuk-link" to={plan}>
            See the action plan
          </Link>
        </p>
      ) : (
        <p className="govuk-body">
          <strong>{overdue === 1 ? "1 action is overdue" : `${overdue} actions are overdue`}</strong>.{" "}
          <Link className="govuk-link" to={`${plan}?overdue=true`}>
            See the overdue actions
          </Link>
        </p>
      )}
    </div>
  );
}

import { type MouseEvent, useState } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router-dom";

import { everything, ok, SignedOut } from "../../api";
import { actionsList, agenciesList, boardsRead, reviewsList } from "../../client/sdk.gen";
import type { ActionPlanItem, ActionStatus } from "../../client/types.gen";
import { ErrorSummary } from "../../common/ErrorSummary";
import { Checkbox, Select } from "../../common/fields";
import { Saved } from "../../common/Saved";
import { downloadFile } from "../../common/download";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { ACTION_STATUSES } from "../findings/findingWords";
import "./actions.css";
import { RecordTable } from "../../common/RecordTable";

const FILTERS = ["status", "overdue", "agency_id", "review_id"] as const;
type Filter = (typeof FILTERS)[number];

/** The filters of the address as the API's query. */
function queryOf(params: URLSearchParams) {
  const number = (name: Filter) => (params.get(name) ? Number(params.get(name)) : undefined);
  return {
    status: (params.get("status") || undefined) as ActionStatus | undefined,
    overdue: params.get("overdue") === "true" ? true : undefined,
    agency_id: number("agency_id"),
    review_id: number("review_id"),
  };
}

/** A board's action plan: every action from its reviews, overdue ones marked (/boards/ID/actions). */
export function ActionPlanPage() {
  const boardId = Number(useParams().boardId);
  const [params, setParams] = useSearchParams();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const query = queryOf(params);
  const [loaded] = useLoad(
    async (signal) => {
      const [board, agencies, reviews, actions] = await Promise.all([
        ok(boardsRead({ path: { board_id: boardId }, signal })),
        everything((offset) => ok(agenciesList({ query: { board_id: boardId, limit: 200, offset }, signal }))),
        everything((offset) => ok(reviewsList({ query: { limit: 200, offset }, signal }))),
        everything((offset) =>
          ok(actionsList({ path: { board_id: boardId }, query: { ...query, limit: 200, offset }, signal })),
        ),
      ]);
      return { board, agencies, reviews: reviews.filter((r) => r.board_id === boardId), actions };
    },
    [boardId, params.toString()],
  );

  function setFilter(name: Filter, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="action plan" />;
  const { board, agencies, reviews, actions } = loaded.data;
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <>
      <Saved what={saved} />
      <span className="govuk-caption-l">{board.name}</span>
      <h1 className="govuk-heading-l">Action plan</h1>
      <p className="govuk-body">
        Every action the Board agreed in answer to its reviews' questions. Board members update them once a review is
        published; until then the reviewers write them with the finding.
      </p>
      <form className="scr-filters" onSubmit={(event) => event.preventDefault()}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="status"
              label="Status"
              empty="Any status"
              value={params.get("status") ?? ""}
              options={Object.entries(ACTION_STATUSES)}
              onChange={(value) => setFilter("status", value)}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="agency"
              label="Agency"
              empty="Any agency"
              value={params.get("agency_id") ?? ""}
              options={agencies.map((a) => [String(a.id), a.name])}
              onChange={(value) => setFilter("agency_id", value)}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="review"
              label="Review"
              empty="Any review"
              value={params.get("review_id") ?? ""}
              options={reviews.map((r) => [String(r.id), r.reference])}
              onChange={(value) => setFilter("review_id", value)}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Checkbox
              id="overdue"
              label="Only overdue actions"
              checked={params.get("overdue") === "true"}
              onChange={(checked) => setFilter("overdue", checked ? "true" : "")}
            />
          </div>
        </div>
      </form>
      <p className="govuk-body" role="status">
        {actions.length === 1 ? "1 action" : `${actions.length} actions`}
        {overdue > 0 && <strong>, {overdue} overdue</strong>}
      </p>
      <ActionsTable boardId={boardId} actions={actions} />
      <PlanDownloads boardId={boardId} code={board.code} query={query} />
    </>
  );
}

function ActionsTable({ boardId, actions }: { boardId: number; actions: ActionPlanItem[] }) {
  if (actions.length === 0) return <p className="govuk-body">No action matches these filters.</p>;
  return (
    <RecordTable
      caption="Actions, soonest due first"
      captionClass="govuk-visually-hidden"
      records={actions}
      rowClass={(a) => a.overdue && "scr-action--overdue"}
      columns={[
        {
          header: "Action",
          cell: (a) => (
            <Link className="govuk-link" to={`/boards/${boardId}/actions/${a.id}`}>
              {a.description}
            </Link>
          ),
        },
        {
          header: "Review and finding",
          cell: (a) => (
            <>
              {a.review_reference}, finding {a.finding_ordinal}: {a.finding_title}
            </>
          ),
        },
        { header: "Owner", cell: (a) => [a.owner_role, a.agency_name].filter(Boolean).join(", ") },
        { header: "Due", cell: (a) => a.due_date ?? "Not set" },
        {
          header: "Status",
          cell: (a) => (
            <strong className={`govuk-tag ${a.overdue ? "govuk-tag--red" : "govuk-tag--grey"}`}>
              {a.overdue ? `Overdue, ${ACTION_STATUSES[a.status].toLowerCase()}` : ACTION_STATUSES[a.status]}
            </strong>
          ),
        },
      ]}
    />
  );
}

function PlanDownloads({ boardId, code, query }: { boardId: number; code: string; query: ReturnType<typeof queryOf> }) {
  const [problem, setProblem] = useState<string | null>(null);
  // The file's own address, as the report's downloads have; the click fetches it with the session.
  const address = (format: "csv" | "xlsx") => {
    const asked = new URLSearchParams({ format });
    for (const [name, value] of Object.entries(query)) if (value !== undefined) asked.set(name, String(value));
    return `/api/v1/boards/${boardId}/actions?${asked}`;
  };
  async function download(event: MouseEvent, format: "csv" | "xlsx") {
    event.preventDefault();
    setProblem(null);
    try {
      await downloadFile(
        actionsList({ path: { board_id: boardId }, query: { ...query, format }, parseAs: "blob" }),
        `${code}-action-plan.${format}`,
      );
    } catch (error) {
      if (!(error instanceof SignedOut))
        setProblem(`The action plan could not be downloaded: ${(error as Error).message}`);
    }
  }
  return (
    <>
      <h2 className="govuk-heading-m">Download for the Board meeting</h2>
      <ErrorSummary problems={problem ? [{ text: problem }] : []} />
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={address("xlsx")} onClick={(event) => void download(event, "xlsx")}>
            Action plan (Excel workbook)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={address("csv")} onClick={(event) => void download(event, "csv")}>
            Action plan (CSV)
          </a>
        </li>
      </ul>
    </>
  );
}

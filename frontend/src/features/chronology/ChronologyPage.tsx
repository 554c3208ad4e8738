import { useState } from "react";
import { Link, useLocation } from "react-router-dom";

import { ApiError, everything, ok } from "../../api";
import { chronologyList, chronologyUpdate } from "../../client/sdk.gen";
import type { ChronologyEntryRead } from "../../client/types.gen";
import { ConflictNotice, currentOf } from "../../common/Conflict";
import { ErrorSummary } from "../../common/ErrorSummary";
import { Saved } from "../../common/Saved";
import { Select } from "../../common/fields";
import { mayChange, useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { useReview } from "../review/ReviewLayout";
import { agencyName, comparedEntryFields, entryDate } from "./entryWords";
import { Timeline } from "./Timeline";

type Trouble =
  | { kind: "conflict"; message: string; yours: ChronologyEntryRead; theirs: ChronologyEntryRead }
  | { kind: "failed"; message: string };

/** The multi-agency chronology: a timeline, then every entry by date and agency. */
export function ChronologyPage() {
  const session = useSession();
  const { review, agencies } = useReview();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [agencyFilter, setAgencyFilter] = useState("");
  const [which, setWhich] = useState("all");
  const [trouble, setTrouble] = useState<Trouble | null>(null);
  const [loaded, , replace] = useLoad(
    (signal) =>
      everything((offset) =>
        ok(chronologyList({ path: { review_id: review.id }, query: { limit: 200, offset }, signal })),
      ),
    [review.id],
  );
  const editable = mayChange(session);

  async function markSignificant(entry: ChronologyEntryRead, significant: boolean, version: number) {
    if (loaded.state !== "ready") return;
    setTrouble(null);
    try {
      const next = await ok(
        chronologyUpdate({
          path: { review_id: review.id, entry_id: entry.id },
          body: { version, significant },
        }),
      );
      replace(loaded.data.map((e) => (e.id === next.id ? next : e)));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const theirs = currentOf(error);
      setTrouble(
        error.status === 409 && theirs
          ? {
              kind: "conflict",
              message: error.message,
              yours: { ...entry, significant },
              theirs: theirs as unknown as ChronologyEntryRead,
            }
          : { kind: "failed", message: error.message },
      );
    }
  }

  const entries = loaded.state === "ready" ? loaded.data : [];
  const shown = entries.filter(
    (entry) =>
      (!agencyFilter || String(entry.agency_id) === agencyFilter) &&
      (which === "all" || entry.significant),
  );
  const usedAgencies = [...new Set(entries.map((entry) => entry.agency_id))]
    .map((id): [string, string] => [String(id), agencyName(agencies, id)])
    .sort((a, b) => a[1].localeCompare(b[1]));

  return (
    <>
      <Saved what={saved} />
      {trouble?.kind === "failed" && <ErrorSummary problems={[{ text: trouble.message }]} />}
      {trouble?.kind === "conflict" && loaded.state === "ready" && (
        <ConflictNotice
          message={trouble.message}
          theirs={trouble.theirs as unknown as Record<string, unknown>}
          yours={trouble.yours as unknown as Record<string, unknown>}
          yourVersion={trouble.yours.version}
          compared={comparedEntryFields(agencies)}
          onUseTheirs={() => {
            replace(loaded.data.map((e) => (e.id === trouble.theirs.id ? trouble.theirs : e)));
            setTrouble(null);
          }}
          onKeepYours={() =>
            markSignificant(trouble.theirs, trouble.yours.significant, trouble.theirs.version)
          }
        />
      )}
      <h1 className="govuk-heading-l">Chronology</h1>
      <p className="govuk-body">
        The agencies' records merged into one multi-agency chronology: dated entries, each from one
        agency. Mark the entries that mattered as significant; key practice episodes cite them.
      </p>
      {editable && (
        <Link className="govuk-button" to={`/reviews/${review.id}/chronology/new`}>
          Add an entry
        </Link>
      )}
      <LoadProblem loaded={loaded} what="chronology" />
      {loaded.state === "ready" && entries.length === 0 && (
        <p className="govuk-body">The chronology has no entries yet.</p>
      )}
      {loaded.state === "ready" && entries.length > 0 && (
        <>
          <Timeline entries={entries} agencies={agencies} />
          <div className="scr-filters">
            <Select
              id="agency-filter"
              label="Agency"
              value={agencyFilter}
              empty="All agencies"
              options={usedAgencies}
              onChange={setAgencyFilter}
            />
            <Select
              id="significant-filter"
              label="Entries"
              value={which}
              options={[
                ["all", "All entries"],
                ["significant", "Significant entries only"],
              ]}
              onChange={setWhich}
            />
          </div>
          <table className="govuk-table scr-chronology">
            <caption className="govuk-table__caption govuk-table__caption--m">
              Entries by date and agency ({shown.length} of {entries.length})
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header scr-nowrap">Date</th>
                <th scope="col" className="govuk-table__header">Agency</th>
                <th scope="col" className="govuk-table__header">Summary</th>
                <th scope="col" className="govuk-table__header">Significant</th>
                {editable && (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {shown.map((entry) => (
                <tr className="govuk-table__row" key={entry.id} id={`entry-${entry.id}`}>
                  <td className="govuk-table__cell scr-nowrap">{entryDate(entry)}</td>
                  <td className="govuk-table__cell">{agencyName(agencies, entry.agency_id)}</td>
                  <td className="govuk-table__cell">
                    {entry.summary}
                    {entry.source && <span className="govuk-hint govuk-!-display-block govuk-!-margin-0 govuk-!-margin-top-1 govuk-!-font-size-16">
                        Source: {entry.source}
                      </span>}
                  </td>
                  <td className="govuk-table__cell">
                    {entry.significant ? (
                      <strong className="govuk-tag govuk-tag--orange">Significant</strong>
                    ) : (
                      <span className="govuk-visually-hidden">No</span>
                    )}
                  </td>
                  {editable && (
                    <td className="govuk-table__cell scr-actions">
                      <Link className="govuk-link" to={`/reviews/${review.id}/chronology/${entry.id}`}>
                        Change<span className="govuk-visually-hidden"> the entry of {entryDate(entry)} from {agencyName(agencies, entry.agency_id)}</span>
                      </Link>
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => markSignificant(entry, !entry.significant, entry.version)}
                      >
                        {entry.significant ? "Unmark" : "Mark significant"}
                        <span className="govuk-visually-hidden"> the entry of {entryDate(entry)} from {agencyName(agencies, entry.agency_id)}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

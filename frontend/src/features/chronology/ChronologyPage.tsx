import { useState } from "react";
import { Link, useLocation } from "react-router-dom";

import { ApiError, everything, ok, SignedOut } from "../../api";
import { chronologyExport, chronologyList, chronologyUpdate } from "../../client/sdk.gen";
import type { ChronologyEntryRead } from "../../client/types.gen";
import { ConflictNotice, currentOf } from "../../common/Conflict";
import { ErrorSummary } from "../../common/ErrorSummary";
import { RecordTable } from "../../common/RecordTable";
import { Saved } from "../../common/Saved";
import { Select, TextInput } from "../../common/fields";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { useEditable, useReview } from "../review/ReviewLayout";
import { downloadFile } from "../../common/download";
import { agencyName, comparedEntryFields, entryDate, entryQuery } from "./entryWords";
import { Timeline } from "./Timeline";
import { MoreEntries } from "../../common/Pages";

type Trouble =
  | { kind: "conflict"; message: string; yours: ChronologyEntryRead; theirs: ChronologyEntryRead }
  | { kind: "failed"; message: string };

const PAGE = 50;

interface Filters {
  q: string;
  agency: string;
  from: string;
  to: string;
  which: string;
}

/**
 * The multi-agency chronology: a timeline of every entry, then the entries by date and agency,
 * found by words, agency, period and significance a page at a time (the service filters, so a
 * chronology of thousands of entries stays quick).
 */
export function ChronologyPage() {
  const { review, agencies } = useReview();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [typed, setTyped] = useState<Filters>({ q: "", agency: "", from: "", to: "", which: "all" });
  const [filters, setFilters] = useState<Filters>(typed);
  const [offset, setOffset] = useState(0);
  const [trouble, setTrouble] = useState<Trouble | null>(null);
  const [loaded, reloadAll] = useLoad(
    (signal) =>
      everything((from) =>
        ok(chronologyList({ path: { review_id: review.id }, query: { limit: 200, offset: from }, signal })),
      ),
    [review.id],
  );
  const [page, , replacePage] = useLoad(
    (signal) =>
      ok(
        chronologyList({
          path: { review_id: review.id },
          query: {
            limit: PAGE,
            offset,
            ...entryQuery({ ...filters, words: filters.q, significantOnly: filters.which === "significant" }),
          },
          signal,
        }),
      ),
    [review.id, offset, filters],
  );
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);

  async function download(format: "xlsx" | "csv") {
    setDownloadProblem(null);
    try {
      await downloadFile(
        chronologyExport({ path: { review_id: review.id }, query: { format }, parseAs: "blob" }),
        `chronology-${review.reference}.${format}`,
      );
    } catch (error) {
      if (!(error instanceof SignedOut))
        setDownloadProblem(`The chronology could not be downloaded: ${(error as Error).message}`);
    }
  }
  const editable = useEditable();

  async function markSignificant(entry: ChronologyEntryRead, significant: boolean, version: number) {
    if (page.state !== "ready") return;
    setTrouble(null);
    try {
      const next = await ok(
        chronologyUpdate({
          path: { review_id: review.id, entry_id: entry.id },
          body: { version, significant },
        }),
      );
      replacePage({ ...page.data, items: page.data.items.map((e) => (e.id === next.id ? next : e)) });
      reloadAll();
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
  const shown = page.state === "ready" ? page.data.items : [];
  const matching = page.state === "ready" ? page.data.total : 0;
  const usedAgencies = [...new Set(entries.map((entry) => entry.agency_id))]
    .map((id): [string, string] => [String(id), agencyName(agencies, id)])
    .sort((a, b) => a[1].localeCompare(b[1]));

  return (
    <>
      <Saved what={saved} />
      {trouble?.kind === "failed" && <ErrorSummary problems={[{ text: trouble.message }]} />}
      {downloadProblem && <ErrorSummary problems={[{ text: downloadProblem }]} />}
      {trouble?.kind === "conflict" && page.state === "ready" && (
        <ConflictNotice
          message={trouble.message}
          theirs={trouble.theirs as unknown as Record<string, unknown>}
          yours={trouble.yours as unknown as Record<string, unknown>}
          yourVersion={trouble.yours.version}
          compared={comparedEntryFields(agencies)}
          onUseTheirs={() => {
            replacePage({
              ...page.data,
              items: page.data.items.map((e) => (e.id === trouble.theirs.id ? trouble.theirs : e)),
            });
            setTrouble(null);
          }}
          onKeepYours={() => markSignificant(trouble.theirs, trouble.yours.significant, trouble.theirs.version)}
        />
      )}
      <h1 className="govuk-heading-l">Chronology</h1>
      <p className="govuk-body">
        The agencies' records merged into one multi-agency chronology: dated entries, each from one agency. Mark the
        entries that mattered as significant; key practice episodes cite them.
      </p>
      <div className="govuk-button-group">
        {editable && (
          <>
            <Link className="govuk-button" to={`/reviews/${review.id}/chronology/new`}>
              Add an entry
            </Link>
            <Link className="govuk-button govuk-button--secondary" to={`/reviews/${review.id}/chronology/import`}>
              Import an agency's chronology
            </Link>
          </>
        )}
        {entries.length > 0 && (
          <>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => void download("xlsx")}
            >
              Download for the case group (Excel)
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void download("csv")}>
              Download as CSV
            </button>
          </>
        )}
      </div>
      <LoadProblem loaded={loaded} what="chronology" />
      {loaded.state === "ready" && entries.length === 0 && (
        <p className="govuk-body">The chronology has no entries yet.</p>
      )}
      {loaded.state === "ready" && entries.length > 0 && (
        <>
          <Timeline entries={entries} agencies={agencies} />
          <form
            className="scr-filters"
            role="search"
            aria-label="Find chronology entries"
            onSubmit={(event) => {
              event.preventDefault();
              setOffset(0);
              setFilters(typed);
            }}
          >
            <TextInput id="search" label="Words" value={typed.q} onChange={(q) => setTyped({ ...typed, q })} />
            <Select
              id="agency-filter"
              label="Agency"
              value={typed.agency}
              empty="All agencies"
              options={usedAgencies}
              onChange={(agency) => setTyped({ ...typed, agency })}
            />
            <TextInput
              id="date-from"
              label="From"
              type="date"
              width="govuk-input--width-10"
              value={typed.from}
              onChange={(from) => setTyped({ ...typed, from })}
            />
            <TextInput
              id="date-to"
              label="To"
              type="date"
              width="govuk-input--width-10"
              value={typed.to}
              onChange={(to) => setTyped({ ...typed, to })}
            />
            <Select
              id="significant-filter"
              label="Entries"
              value={typed.which}
              options={[
                ["all", "All entries"],
                ["significant", "Significant entries only"],
              ]}
              onChange={(which) => setTyped({ ...typed, which })}
            />
            <button type="submit" className="govuk-button govuk-button--secondary">
              Find entries
            </button>
          </form>
          <LoadProblem loaded={page} what="entries" />
          <RecordTable
            className="scr-chronology"
            caption={
              <>
                Entries by date and agency ({matching === 0 ? "none" : `${offset + 1} to ${offset + shown.length}`} of{" "}
                {matching.toLocaleString("en-GB")} that match; {entries.length.toLocaleString("en-GB")} in all)
              </>
            }
            records={shown}
            rowId={(entry) => `entry-${entry.id}`}
            columns={[
              { header: "Date", headerClass: "scr-nowrap", cellClass: "scr-nowrap", cell: entryDate },
              { header: "Agency", cell: (entry) => agencyName(agencies, entry.agency_id) },
              {
                header: "Summary",
                cell: (entry) => (
                  <>
                    {entry.summary}
                    {entry.source && (
                      <span className="govuk-hint govuk-!-display-block govuk-!-margin-0 govuk-!-margin-top-1 govuk-!-font-size-16">
                        Source: {entry.source}
                      </span>
                    )}
                  </>
                ),
              },
              {
                header: "Significant",
                cell: (entry) =>
                  entry.significant ? (
                    <strong className="govuk-tag govuk-tag--orange">Significant</strong>
                  ) : (
                    <span className="govuk-visually-hidden">No</span>
                  ),
              },
              {
                header: <span className="govuk-visually-hidden">Actions</span>,
                shown: editable,
                cellClass: "scr-actions",
                cell: (entry) => (
                  <>
                    <Link className="govuk-link" to={`/reviews/${review.id}/chronology/${entry.id}`}>
                      Change
                      <span className="govuk-visually-hidden">
                        {" "}
                        the entry of {entryDate(entry)} from {agencyName(agencies, entry.agency_id)}
                      </span>
                    </Link>
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => markSignificant(entry, !entry.significant, entry.version)}
                    >
                      {entry.significant ? "Unmark" : "Mark significant"}
                      <span className="govuk-visually-hidden">
                        {" "}
                        the entry of {entryDate(entry)} from {agencyName(agencies, entry.agency_id)}
                      </span>
                    </button>
                  </>
                ),
              },
            ]}
          />
          <MoreEntries total={matching} size={PAGE} offset={offset} onPage={setOffset} />
        </>
      )}
    </>
  );
}

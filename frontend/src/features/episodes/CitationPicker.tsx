import { type KeyboardEvent, type ReactNode, useEffect, useState } from "react";

import { ok } from "../../api";
import { chronologyList } from "../../client/sdk.gen";
import type { ChronologyEntryRead } from "../../client/types.gen";
import { earliestDay } from "../../common/dates";
import { Checkbox, Select, TextInput } from "../../common/fields";
import { agencyName, entryDate, entryQuery } from "../chronology/entryWords";
import { useReview } from "../review/ReviewLayout";
import { MoreEntries } from "../../common/Pages";

const PAGE = 10;

/** A month before the episode's start to a month after its end, as the list's date filters. */
export function aroundPeriod(start: string | null, end: string | null): { date_from?: string; date_to?: string } {
  if (!start) return {};
  const shift = (iso: string, months: number) => {
    const [y, m, d] = iso.split("-").map(Number);
    const day = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
    day.setUTCDate(Math.min(d, last));
    return day.toISOString().slice(0, 10);
  };
  return { date_from: shift(start, -1), date_to: shift(end ?? start, 1) };
}

function EntryItem({
  entry,
  periodEnd,
  children,
}: {
  entry: ChronologyEntryRead;
  periodEnd: string | null;
  children: ReactNode;
}) {
  const { agencies } = useReview();
  return (
    <li className="scr-cited__entry">
      <strong>
        {entryDate(entry)}, {agencyName(agencies, entry.agency_id)}
      </strong>
      {entry.significant && <strong className="govuk-tag govuk-tag--orange scr-inline-tag">Significant</strong>}
      <span className="govuk-!-display-block">{entry.summary}</span>
      <Hindsight entry={entry} periodEnd={periodEnd} />
      {children}
    </li>
  );
}

function Hindsight({ entry, periodEnd }: { entry: ChronologyEntryRead; periodEnd: string | null }) {
  // A month- or year-precise entry counts from its first day, as the service's check does.
  if (!periodEnd || earliestDay(entry.entry_date, entry.date_precision) <= periodEnd) return null;
  return (
    <strong className="govuk-!-display-block govuk-!-margin-top-1">
      Dated after the episode: citing it in the appraisal would be hindsight.
    </strong>
  );
}

/**
 * The chronology entries an appraisal relies on: those cited, each with a button to remove
 * it, and a search of the chronology (words, agency, the episode's period) a page at a time,
 * each result with a button to cite it. A review's chronology runs to thousands of entries,
 * so they are found, never all listed.
 */
export function CitationPicker({
  cited,
  periodStart,
  periodEnd,
  error,
  onCite,
  onRemove,
}: {
  cited: ChronologyEntryRead[];
  periodStart: string | null;
  periodEnd: string | null;
  error?: string;
  onCite: (entry: ChronologyEntryRead) => void;
  onRemove: (entry: ChronologyEntryRead) => void;
}) {
  const { review, agencies } = useReview();
  const [words, setWords] = useState("");
  const [agency, setAgency] = useState("");
  const [around, setAround] = useState(true);
  const [offset, setOffset] = useState(0);
  const [asked, setAsked] = useState({ words: "", agency: "" });
  const [found, setFound] = useState<{ items: ChronologyEntryRead[]; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const period = around ? aroundPeriod(periodStart, periodEnd) : {};

  useEffect(() => {
    const controller = new AbortController();
    ok(
      chronologyList({
        path: { review_id: review.id },
        query: {
          limit: PAGE,
          offset,
          ...entryQuery({ ...asked, from: period.date_from, to: period.date_to }),
        },
        signal: controller.signal,
      }),
    )
      .then((page) => {
        setFound(page);
        setProblem(null);
      })
      .catch((failure: Error) => {
        if (!controller.signal.aborted) setProblem(failure.message);
      });
    return () => controller.abort();
  }, [review.id, offset, asked, period.date_from, period.date_to]);

  function search() {
    setOffset(0);
    setAsked({ words, agency });
  }

  function onEnter(event: KeyboardEvent) {
    if (event.key === "Enter") {
      event.preventDefault();
      search();
    }
  }

  const citedIds = new Set(cited.map((entry) => entry.id));
  const agencyOptions = [...agencies.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a): [string, string] => [String(a.id), a.name]);
  const describe = (entry: ChronologyEntryRead) => `${entryDate(entry)}, ${agencyName(agencies, entry.agency_id)}`;

  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} id="entries">
      <h3 className="govuk-heading-s">Chronology entries the appraisal relies on</h3>
      <p className="govuk-hint">
        Cite the records the appraisal is based on. An entry dated after the episode is flagged: it was not knowable at
        the time.
      </p>
      {error && (
        <p id="entries-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {cited.length === 0 ? (
        <p className="govuk-body">No entries cited yet.</p>
      ) : (
        <ul className="govuk-list scr-cited">
          {cited.map((entry) => (
            <EntryItem key={entry.id} entry={entry} periodEnd={periodEnd}>
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                onClick={() => onRemove(entry)}
              >
                Remove<span className="govuk-visually-hidden"> the entry of {describe(entry)}</span>
              </button>
            </EntryItem>
          ))}
        </ul>
      )}
      <div className="scr-filters" role="search" aria-label="Find chronology entries to cite" onKeyDown={onEnter}>
        <TextInput id="cite-search" label="Find entries by words" value={words} onChange={setWords} />
        <Select
          id="cite-agency"
          label="Agency"
          value={agency}
          empty="All agencies"
          options={agencyOptions}
          onChange={setAgency}
        />
        <button type="button" className="govuk-button govuk-button--secondary" onClick={search}>
          Search the chronology
        </button>
      </div>
      {periodStart && (
        <Checkbox
          id="cite-around"
          label="Only entries from a month before the episode's period to a month after it"
          checked={around}
          onChange={(checked) => {
            setOffset(0);
            setAround(checked);
          }}
        />
      )}
      {problem && <p className="govuk-error-message">{problem}</p>}
      {found && (
        <>
          <p className="govuk-body" aria-live="polite">
            {found.total === 0
              ? "No entries match."
              : `Entries ${offset + 1} to ${offset + found.items.length} of ${found.total} that match`}
          </p>
          <ul className="govuk-list scr-found">
            {found.items.map((entry) => (
              <EntryItem key={entry.id} entry={entry} periodEnd={periodEnd}>
                {citedIds.has(entry.id) ? (
                  <p className="govuk-body-s govuk-!-margin-bottom-2">Cited</p>
                ) : (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    onClick={() => onCite(entry)}
                  >
                    Cite<span className="govuk-visually-hidden"> the entry of {describe(entry)}</span>
                  </button>
                )}
              </EntryItem>
            ))}
          </ul>
          <MoreEntries total={found.total} size={PAGE} offset={offset} onPage={setOffset} />
        </>
      )}
    </div>
  );
}

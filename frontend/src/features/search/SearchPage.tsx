import { type FormEvent, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { ok } from "../../api";
import { searchSearch } from "../../client/sdk.gen";
import type { SearchHit, SearchKind } from "../../client/types.gen";
import { ErrorSummary } from "../../common/ErrorSummary";
import { Select, TextInput } from "../../common/fields";
import { Pages, useOffset } from "../../common/Pages";
import { LoadProblem, useLoad } from "../../common/useLoad";

const PAGE = 20;

export const KINDS: [SearchKind, string][] = [
  ["episode", "Key practice episodes"],
  ["factor", "Contributory factors"],
  ["finding", "Findings"],
  ["question", "Questions for the Board"],
  ["action", "Actions"],
  ["chronology", "Chronology entries (reviews you work on)"],
];

/** Where the workbench shows a record search found. */
export function hitAddress(hit: SearchHit): string {
  const review = `/reviews/${hit.review.id}`;
  switch (hit.kind) {
    case "episode":
      return `${review}/episodes/${hit.record_id}`;
    case "factor":
      return `${review}/factors/${hit.record_id}`;
    case "finding":
      return `${review}/findings/${hit.record_id}`;
    case "chronology":
      return `${review}/chronology/${hit.record_id}`;
    default: // a question or an action: on its finding's screen
      return hit.finding_id ? `${review}/findings/${hit.finding_id}` : review;
  }
}

/** Words found across the reviews you may see (…/search?q=…&kind=…), best match first. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const kind = (params.get("kind") ?? "") as SearchKind | "";
  const [offset, pageAt] = useOffset();
  const [form, setForm] = useState({ q, kind: kind as string });
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => setForm({ q, kind }), [q, kind]);

  const [loaded] = useLoad(
    async (signal) =>
      q ? ok(searchSearch({ query: { q, kind: kind ? [kind] : undefined, limit: PAGE, offset }, signal })) : null,
    [q, kind, offset],
  );

  function find(event: FormEvent) {
    event.preventDefault();
    const words = form.q.trim();
    if (!words) {
      setProblem("Enter the words to find");
      return;
    }
    setProblem(undefined);
    const next = new URLSearchParams({ q: words });
    if (form.kind) next.set("kind", form.kind);
    setParams(next);
  }

  return (
    <>
      <ErrorSummary problems={problem ? [{ field: "q", text: problem }] : []} />
      <h1 className="govuk-heading-l">Search the reviews</h1>
      <p className="govuk-body">
        Finds words in the key practice episodes, contributory factors, findings, questions for the Board and actions of
        the reviews you may see, and in the chronology of the reviews you work on. Every word must be there; put words
        in quotes to find them as one phrase. “Sharing” finds “shared” and “share” too.
      </p>
      <form noValidate onSubmit={find} role="search" aria-label="Search the reviews" className="scr-filters">
        <TextInput
          id="q"
          label="Words to find"
          width="govuk-input--width-20"
          value={form.q}
          error={problem}
          onChange={(value) => setForm({ ...form, q: value })}
        />
        <Select
          id="kind"
          label="Kind of record"
          value={form.kind}
          empty="Any kind"
          options={KINDS}
          onChange={(value) => setForm({ ...form, kind: value })}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Search
          </button>
        </div>
      </form>
      <LoadProblem loaded={loaded} what="search results" />
      {loaded.state === "ready" && loaded.data && (
        <>
          <p className="govuk-body" role="status">
            {loaded.data.total === 0
              ? `Nothing you may see holds ‘${q}’.`
              : `${loaded.data.total === 1 ? "1 record holds" : `${loaded.data.total} records hold`} ‘${q}’.`}
          </p>
          <ol className="govuk-list scr-search-hits" start={offset + 1} aria-label="Search results">
            {loaded.data.items.map((hit) => (
              <li key={`${hit.kind}:${hit.record_id}`} className="govuk-!-margin-bottom-4">
                <Link className="govuk-link govuk-!-font-weight-bold" to={hitAddress(hit)}>
                  {hit.review.reference}, {hit.name}: {hit.title}
                </Link>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {hit.snippet.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
                </p>
              </li>
            ))}
          </ol>
          <Pages
            label="Pages of search results"
            total={loaded.data.total}
            size={PAGE}
            offset={offset}
            onPage={pageAt}
          />
        </>
      )}
    </>
  );
}

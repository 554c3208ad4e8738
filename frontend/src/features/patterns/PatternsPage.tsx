import "./patterns.css";

import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";

import type { Frequencies } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import type { Role } from "../../session";
import { OverdueActions } from "../actions/OverdueActions";
import { ChainsSection } from "./ChainsSection";
import { CooccurrenceSection } from "./CooccurrenceSection";
import { shown } from "./counts";
import { Downloads } from "./Downloads";
import {
  filterProblems,
  filtersFromParams,
  isFiltered,
  minSupportOf,
  type PatternFilters,
  paramsFromFilters,
} from "./filters";
import { contextGroupsOf } from "./applied";
import { FiltersForm } from "./FiltersForm";
import { FrequencySection } from "./FrequencySection";
import { isOwnView, refusalProblems } from "./lattice";
import { codeLabels, loadChoices, loadView } from "./load";
import { plural } from "./parts";
import { RecurringSection } from "./RecurringSection";
import { TrendSection } from "./TrendSection";
import { LARGEST_CHANGE } from "./words";

const TITLES: Record<Role, { title: string; lead: string }> = {
  board: {
    title: "Board dashboard",
    lead: "What recurs in your partnership's reviews, counted from their agreed tags.",
  },
  national: {
    title: "National patterns",
    lead: "What recurs in reviews across England's safeguarding partnerships, counted from their agreed tags.",
  },
  reviewer: {
    title: "Patterns across reviews",
    lead: "What recurs in reviews across the partnerships, counted from their agreed tags.",
  },
  admin: {
    title: "Patterns across reviews",
    lead: "What recurs in reviews across the partnerships, counted from their agreed tags. Choose one partnership to see its figures in full.",
  },
};

const SECTIONS = [
  ["frequencies-heading", "Codes found in most reviews"],
  ["trends-heading", "Trends by year"],
  ["cooccurrence-heading", "Codes found together"],
  ["chains-heading", "Recurring causal chains"],
  ["downloads-heading", "Download these figures"],
] as const;

/**
 * How the figures may be read: in full, or protected (the service's own note on how), what
 * "Suppressed" means, and what is counted.
 */
function Disclosed({ head, role }: { head: Omit<Frequencies, "items" | "total">; role: Role }) {
  const reviews = shown(head.reviews);
  const counted =
    reviews === null
      ? `The number of reviews in this view is suppressed (fewer than ${head.threshold}): a region or England, a three-year period or all years may show figures.`
      : `This view counts ${plural(reviews, "review", "reviews")}.`;
  return (
    <>
      <div className="govuk-inset-text">
        {head.suppressed ? (
          <>
            {head.note && <p className="govuk-body">{head.note}</p>}
            <p className="govuk-body">
              <strong>Suppressed</strong> means fewer than {head.threshold} reviews after the small change, hidden so
              that no child or family can be recognised from a small number: a suppressed figure may be a true count
              from 1 to {head.threshold + LARGEST_CHANGE - 1}. A suppressed count is never 0, and a 0 shown is a true 0.
            </p>
          </>
        ) : (
          <p className="govuk-body">
            These are {role === "board" ? "your" : "one"} partnership's own figures, shown in full. Small numbers are
            not suppressed here: check before you share them outside the partnership.
          </p>
        )}
      </div>
      <p className="govuk-body" role="status">
        {counted} Codes are those of typology version {head.version}.
      </p>
    </>
  );
}

/**
 * Patterns across reviews: for a board member, their partnership's reviews in full; for a
 * national analyst (and reviewers), every partnership's published reviews, protected, with
 * filters that select one cell of the lattice. The filters live in the address, so a view
 * can be bookmarked and shared; one the service refuses shows its sentence as a problem.
 */
export function PatternsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const query = paramsFromFilters(filtersFromParams(params)).toString();
  // One object per address, so the form and the loads see a change only when it is one.
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(query)), [query]);
  const [typed, setTyped] = useState<Problem[]>([]);
  const inAddress = useMemo(() => filterProblems(filters), [filters]);
  const minSupport = minSupportOf(filters, session.role);

  const [choices] = useLoad((signal) => loadChoices(filters.version, signal), [filters.version]);
  const ready = choices.state === "ready" ? choices.data : null;
  const own = session.role === "board" ? ready?.boards[0] : undefined;
  const lattice = !isOwnView(filters, session.role, own?.code);
  // Filters the address gets wrong are shown as problems, and nothing is asked of the service.
  const [view] = useLoad(
    (signal) => (inAddress.length > 0 ? Promise.resolve(null) : loadView(filters, minSupport, signal)),
    [query, minSupport],
  );
  const refusal = view.state === "ready" && view.data && "refused" in view.data ? view.data.refused : null;
  const refused = useMemo(() => (refusal ? refusalProblems(refusal, lattice) : []), [refusal, lattice]);
  const figures = view.state === "ready" && view.data && !("refused" in view.data) ? view.data : null;
  const problems = typed.length > 0 ? typed : inAddress.length > 0 ? inAddress : refused;

  function apply(next: PatternFilters) {
    const found = filterProblems(next);
    setTyped(found);
    if (found.length === 0) setParams(paramsFromFilters(next));
  }

  const words = TITLES[session.role];
  return (
    <>
      <ErrorSummary problems={problems} />
      {own && <span className="govuk-caption-l">{own.name}</span>}
      <h1 className="govuk-heading-l">{words.title}</h1>
      <p className="govuk-body-l">{words.lead}</p>
      {session.role === "board" && session.boardId && <OverdueActions boardId={session.boardId} />}
      <FiltersForm
        filters={filters}
        role={session.role}
        boards={ready?.boards ?? []}
        versions={ready?.versions ?? []}
        contextGroups={ready?.typology ? contextGroupsOf(ready.typology.codes) : []}
        problems={problems}
        lattice={lattice}
        years={ready?.years ?? []}
        onApply={apply}
      />
      <LoadProblem loaded={view} what="figures" />
      {figures && (
        <>
          <Disclosed head={figures.frequencies} role={session.role} />
          {isFiltered(filters) && <p className="govuk-body-s">Only the reviews that match the filters are counted.</p>}
          <nav className="scr-pattern-contents" aria-label="Sections of the patterns">
            <ul className="govuk-list">
              {SECTIONS.map(([id, words]) => (
                <li key={id}>
                  <a className="govuk-link" href={`#${id}`}>
                    {words}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <FrequencySection data={figures.frequencies} />
          <TrendSection data={figures.trends} />
          <CooccurrenceSection data={figures.cooccurrence} labels={codeLabels(ready, figures)} />
          <ChainsSection data={figures.chains} />
          <Downloads filters={filters} minSupport={minSupport} />
        </>
      )}
      {own && <RecurringSection boardId={own.id} />}
    </>
  );
}

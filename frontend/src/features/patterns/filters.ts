// The filters of a patterns view, kept in the address (so a view can be bookmarked and shared)
// under the names the API uses, and turned into the query of each pattern call and download.

import type { AgeBand, Outcome, Region, ReviewStatus, ReviewType, TagTarget } from "../../client/types.gen";
import type { Role } from "../../session";

export interface PatternFilters {
  board: string[];
  region: Region[];
  yearFrom: string;
  yearTo: string;
  reviewType: ReviewType[];
  outcome: Outcome[];
  ageBand: AgeBand[];
  status: ReviewStatus[];
  context: string[];
  kind: TagTarget[];
  /** The typology version; empty for the current one. */
  version: string;
  /** The fewest reviews a pair or chain must occur in; empty for the default of the role. */
  minSupport: string;
}

export const NO_FILTERS: PatternFilters = {
  board: [],
  region: [],
  yearFrom: "",
  yearTo: "",
  reviewType: [],
  outcome: [],
  ageBand: [],
  status: [],
  context: [],
  kind: [],
  version: "",
  minSupport: "",
};

// Each list filter: its field in the form and its name in the address and the API.
const LISTS = [
  ["board", "board"],
  ["region", "region"],
  ["reviewType", "review_type"],
  ["outcome", "outcome"],
  ["ageBand", "age_band"],
  ["status", "status"],
  ["context", "context"],
  ["kind", "kind"],
] as const;

const TEXTS = [
  ["yearFrom", "year_from"],
  ["yearTo", "year_to"],
  ["version", "version"],
  ["minSupport", "min_support"],
] as const;

/** The filters an address asks for (unknown parameters are ignored). */
export function filtersFromParams(params: URLSearchParams): PatternFilters {
  const filters: PatternFilters = { ...NO_FILTERS };
  for (const [field, name] of LISTS) {
    const values = params.getAll(name).filter(Boolean);
    (filters[field] as string[]) = [...new Set(values)];
  }
  for (const [field, name] of TEXTS) filters[field] = (params.get(name) ?? "").trim();
  return filters;
}

/** The address's query for the filters: only what is set, lists as repeated parameters. */
export function paramsFromFilters(filters: PatternFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, name] of LISTS) for (const value of filters[field]) params.append(name, value);
  for (const [field, name] of TEXTS) if (filters[field].trim()) params.set(name, filters[field].trim());
  return params;
}

export function isFiltered(filters: PatternFilters): boolean {
  return paramsFromFilters({ ...filters, minSupport: "", version: "" }).toString() !== "";
}

/** A board's own view has few reviews: pairs and chains found once are worth seeing there. */
export function defaultMinSupport(role: Role): number {
  return role === "board" ? 1 : 5;
}

export function minSupportOf(filters: PatternFilters, role: Role): number {
  const typed = Number(filters.minSupport);
  return Number.isInteger(typed) && typed >= 1 ? typed : defaultMinSupport(role);
}

const year = (text: string) => (/^\d{4}$/.test(text) ? Number(text) : undefined);

/** The query every pattern endpoint accepts (the API's own names and types). */
export function apiQuery(filters: PatternFilters) {
  return {
    board: filters.board,
    region: filters.region,
    year_from: year(filters.yearFrom),
    year_to: year(filters.yearTo),
    review_type: filters.reviewType,
    outcome: filters.outcome,
    age_band: filters.ageBand,
    status: filters.status,
    context: filters.context,
    kind: filters.kind,
    version: filters.version || undefined,
  };
}

/** The address of a download with the view's filters, e.g. `/api/v1/exports/aggregates.csv?region=london`. */
export function downloadAddress(path: string, filters: PatternFilters, extra: Record<string, string>): string {
  const params = paramsFromFilters({ ...filters, minSupport: "" });
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export interface FilterProblem {
  field: string;
  text: string;
}

/** What is wrong with the typed filters, before anything is asked of the service. */
export function filterProblems(filters: PatternFilters): FilterProblem[] {
  const problems: FilterProblem[] = [];
  const from = filters.yearFrom.trim();
  const to = filters.yearTo.trim();
  if (from && year(from) === undefined) {
    problems.push({ field: "year_from", text: "Enter the first year as four digits, like 2018" });
  }
  if (to && year(to) === undefined) {
    problems.push({ field: "year_to", text: "Enter the last year as four digits, like 2024" });
  }
  if (year(from) !== undefined && year(to) !== undefined && Number(from) > Number(to)) {
    problems.push({ field: "year_to", text: "The last year must be the same as or after the first year" });
  }
  const support = filters.minSupport.trim();
  if (support && !(/^\d+$/.test(support) && Number(support) >= 1 && Number(support) <= 100000)) {
    problems.push({ field: "min_support", text: "Enter the fewest reviews as a whole number, 1 or more" });
  }
  return problems;
}

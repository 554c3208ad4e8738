// The questions that may be asked outside a board's own view: one cell of a fixed lattice
// (scr/patterns/lattice.py). The form offers only these there; the API refuses the rest.

import type { ErrorBody } from "../../client/types.gen";
import type { Problem } from "../../common/ErrorSummary";
import type { Role } from "../../session";
import type { PatternFilters } from "./filters";

/** Fixed periods: three years, beginning in a year divisible by three (2019 to 2021, ...). */
export const PERIOD_YEARS = 3;

/**
 * Whether the figures are a board's own, shown in full: a board member's of their own
 * partnership, an administrator's of exactly one partnership. Everywhere else they are
 * protected, and the filters must select one cell of the lattice.
 */
export function isOwnView(filters: PatternFilters, role: Role, ownBoard: string | undefined): boolean {
  if (role === "board")
    return filters.board.length === 0 || (filters.board.length === 1 && filters.board[0] === ownBoard);
  return role === "admin" && filters.board.length === 1;
}

/** "2019 to 2021": a period by its first year. */
export const periodText = (start: number) => `${start} to ${start + PERIOD_YEARS - 1}`;

export const periodOf = (year: number) => year - (((year % PERIOD_YEARS) + PERIOD_YEARS) % PERIOD_YEARS);

export function isPeriod(from: number, to: number): boolean {
  return periodOf(from) === from && to === from + PERIOD_YEARS - 1;
}

/** The first year of each fixed period that covers any of `years`, earliest first. */
export function periodsCovering(years: number[]): number[] {
  if (years.length === 0) return [];
  const first = periodOf(Math.min(...years));
  const last = periodOf(Math.max(...years));
  const periods: number[] = [];
  for (let start = first; start <= last; start += PERIOD_YEARS) periods.push(start);
  return periods;
}

export type YearChoice = "all" | "one" | "period";

/** How the years of lattice filters read: every year, one year, or a fixed period. */
export function yearChoiceOf(filters: PatternFilters): YearChoice {
  if (!filters.yearFrom && !filters.yearTo) return "all";
  return filters.yearFrom === filters.yearTo ? "one" : "period";
}

const first = <T>(values: T[]): T[] => values.slice(0, 1);

/**
 * The filters as the lattice form holds them: one value of each, a partnership or a region,
 * published reviews only (so no status), and a single year or a fixed period. An address the
 * API refused is shown this way in the form, so what the form shows is what it sends.
 */
export function toLattice(filters: PatternFilters): PatternFilters {
  const board = first(filters.board);
  const from = Number(filters.yearFrom) || undefined;
  const to = Number(filters.yearTo) || undefined;
  let [yearFrom, yearTo] = ["", ""];
  if (from !== undefined && to !== undefined && isPeriod(from, to)) [yearFrom, yearTo] = [String(from), String(to)];
  else if (from !== undefined || to !== undefined) yearFrom = yearTo = String(from ?? to);
  return {
    ...filters,
    board,
    region: board.length ? [] : first(filters.region),
    yearFrom,
    yearTo,
    reviewType: first(filters.reviewType),
    outcome: first(filters.outcome),
    ageBand: first(filters.ageBand),
    status: [],
    context: first(filters.context),
    kind: first(filters.kind),
  };
}

// The lattice form's field for each filter the API names in a refusal; the others keep theirs.
const LATTICE_FIELDS: Record<string, string> = {
  board: "area",
  region: "area",
  year_from: "years",
  year_to: "years",
};

/** The problems of a refusal (422), each linked to the form's field it is about. */
export function refusalProblems(body: ErrorBody, lattice: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const error of body.errors ?? []) {
    const name = error.field.replace(/^query\./, "");
    const field = lattice ? (LATTICE_FIELDS[name] ?? name) : name;
    if (!problems.some((p) => p.text === error.message)) problems.push({ field, text: error.message });
  }
  return problems.length > 0 ? problems : [{ text: body.detail }];
}

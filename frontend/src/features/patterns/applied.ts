// What the filters offer from the typology (its case-context codes), and the filters applied,
// in words a person reads.

import type { BoardRead, CodeNode } from "../../client/types.gen";
import type { Role } from "../../session";
import { AGE_BANDS, OUTCOMES, REVIEW_TYPES, STATUSES } from "../../words";
import type { PatternFilters } from "./filters";
import { RECORD_KINDS, REGIONS } from "./words";

export interface ContextGroup {
  code: string;
  label: string;
  codes: { id: string; label: string }[];
}

/** The case-context codes of a typology, a group for each code with narrower ones. */
export function contextGroupsOf(roots: CodeNode[]): ContextGroup[] {
  const groups: ContextGroup[] = [];
  const visit = (node: CodeNode) => {
    if (node.axis === "case_context" && node.children.length > 0) {
      groups.push({
        code: node.id,
        label: node.label,
        codes: node.children.filter((child) => !child.deprecated).map(({ id, label }) => ({ id, label })),
      });
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return groups;
}

function listed<T extends string>(values: T[], words: Record<T, string>): string {
  return values.map((value) => words[value] ?? value).join(", ");
}

function yearsText(from: string, to: string): string {
  if (from && from === to) return from;
  return from && to ? `${from} to ${to}` : from ? `From ${from}` : `Up to ${to}`;
}

/**
 * The filters applied, as (name, value) pairs a person reads. A board member's own
 * partnership goes without saying; another one named in the address is said.
 */
export function describe(
  filters: PatternFilters,
  boards: BoardRead[],
  groups: ContextGroup[],
  role: Role,
): [string, string][] {
  const found: [string, string][] = [];
  const boardNames = Object.fromEntries(boards.map((b) => [b.code, b.name]));
  const codeNames: Record<string, string> = {};
  for (const group of groups) {
    codeNames[group.code] = `Any: ${group.label.toLowerCase()}`;
    for (const code of group.codes) codeNames[code.id] = code.label;
  }
  const others = role === "board" ? filters.board.filter((code) => code !== boards[0]?.code) : filters.board;
  if (others.length) found.push(["Partnerships", listed(filters.board, boardNames)]);
  if (role !== "board" && filters.region.length) found.push(["Region", listed(filters.region, REGIONS)]);
  const { yearFrom: from, yearTo: to } = filters;
  if (from || to) found.push(["Years notified", yearsText(from, to)]);
  if (filters.reviewType.length) found.push(["Type of review", listed(filters.reviewType, REVIEW_TYPES)]);
  if (filters.outcome.length) found.push(["Outcome for the child", listed(filters.outcome, OUTCOMES)]);
  if (filters.ageBand.length) found.push(["Child's age", listed(filters.ageBand, AGE_BANDS)]);
  if (filters.status.length) found.push(["Status of the review", listed(filters.status, STATUSES)]);
  if (filters.context.length) found.push(["Case context", listed(filters.context, codeNames)]);
  if (filters.kind.length) found.push(["Tags on", listed(filters.kind, RECORD_KINDS)]);
  if (filters.version) found.push(["Typology version", filters.version]);
  if (filters.minSupport) found.push(["Fewest reviews for a pair or chain", filters.minSupport]);
  return found;
}

// Dates typed into the GOV.UK date pattern (day, month, year boxes) and the ISO dates the
// API takes. A chronology date may be known only to the month or the year.

import type { DatePrecision } from "../client/types.gen";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const NO_DATE: DateParts = { day: "", month: "", year: "" };

export function toParts(iso: string | null | undefined, precision: DatePrecision = "day"): DateParts {
  if (!iso) return NO_DATE;
  const [year, month, day] = iso.split("-");
  return {
    year,
    month: precision === "year" ? "" : String(Number(month)),
    day: precision === "day" ? String(Number(day)) : "",
  };
}

export type ReadDate = { iso: string | null } | { problem: string };

/**
 * The ISO date the boxes say, null when they are all empty, or what is wrong with them.
 * A date known to the month or the year is sent as its first day, as the API asks.
 */
export function fromParts(parts: DateParts, label: string, precision: DatePrecision = "day"): ReadDate {
  const wanted = { day: precision === "day", month: precision !== "year", year: true };
  const day = wanted.day ? parts.day.trim() : "1";
  const month = wanted.month ? parts.month.trim() : "1";
  const year = parts.year.trim();
  const typed = [wanted.day && day, wanted.month && month, year].filter(Boolean);
  if (typed.length === 0) return { iso: null };
  const missing = (["day", "month", "year"] as const).filter((part) => wanted[part] && !{ day, month, year }[part]);
  if (missing.length > 0) return { problem: `${label} must include a ${missing.join(" and ")}` };
  if (![day, month, year].every((n) => /^\d+$/.test(n)) || year.length !== 4) {
    return { problem: `${label} must be a real date` };
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { problem: `${label} must be a real date` };
  }
  return { iso: `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/**
 * The first day a chronology date may mean: the day itself, or the first of its month or
 * year for an entry known only to the month or year (the hindsight rule: "June 2019" counts
 * from 1 June, whichever day of June it was stored as).
 */
export function earliestDay(iso: string, precision: DatePrecision = "day"): string {
  if (precision === "year") return `${iso.slice(0, 4)}-01-01`;
  if (precision === "month") return `${iso.slice(0, 7)}-01`;
  return iso;
}

// How a published count reads: its number, or "Suppressed" (never 0: a suppressed count is
// a small number hidden for disclosure control, and the service sends no number for it).

import type { Count } from "../../client/types.gen";

export const SUPPRESSED = "Suppressed";

/** The number the service published, or null when the count is suppressed. */
export function shown(count: Count): number | null {
  return count.suppressed || count.reviews === null ? null : count.reviews;
}

export function countText(count: Count): string {
  const value = shown(count);
  return value === null ? SUPPRESSED : value.toLocaleString("en-GB");
}

/** A figure held back for disclosure control, set apart so it is not read as a number. */
export function Suppressed() {
  return <span className="scr-suppressed">{SUPPRESSED}</span>;
}

/** A count in a table cell: the number, or "Suppressed" set apart so it is not read as one. */
export function CountCell({ count }: { count: Count }) {
  const value = shown(count);
  return (
    <td className="govuk-table__cell govuk-table__cell--numeric">
      {value === null ? <Suppressed /> : value.toLocaleString("en-GB")}
    </td>
  );
}

/** "42%", "4.5%": a share of the selected reviews. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return SUPPRESSED;
  const value = share * 100;
  const digits = value !== 0 && value < 10 ? 1 : 0;
  return `${value.toFixed(digits)}%`;
}

export function reviewsText(n: number): string {
  return n === 1 ? "1 review" : `${n.toLocaleString("en-GB")} reviews`;
}

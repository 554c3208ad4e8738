/** The highest number a review gives an episode or a finding (the API's limit). */
export const MAX_ORDINAL = 10_000;

/**
 * A record's number as typed into its box: nothing when the box is empty (the API then
 * gives the next number), a whole number from 1 to 10,000, or the problem to show.
 */
export function readOrdinal(typed: string): { ordinal?: number } | { problem: string } {
  const value = typed.trim();
  if (!value) return {};
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_ORDINAL) {
    return { problem: "The number must be a whole number from 1 to 10,000" };
  }
  return { ordinal: Number(value) };
}

/** The number the box holds, or undefined when it is empty or not (yet) a valid number. */
export function ordinalOrNothing(typed: string): number | undefined {
  const read = readOrdinal(typed);
  return "ordinal" in read ? read.ordinal : undefined;
}

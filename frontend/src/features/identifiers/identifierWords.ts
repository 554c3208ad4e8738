// Words for the known identifiers and the scan's hits.

import type { HitKind, HitRead, IdentifierKind } from "../../client/types.gen";

export const IDENTIFIER_KINDS: Record<IdentifierKind, string> = {
  name: "A real name",
  nickname: "A nickname",
  place: "A place or street",
  school: "A school or nursery",
  date: "A date (of birth, for example)",
  other: "Something else",
};

export const HIT_KINDS: Record<HitKind, string> = {
  known_identifier: "Known identifier",
  nhs_number: "NHS number",
  ni_number: "National Insurance number",
  postcode: "Postcode",
  phone: "Phone number",
  email: "E-mail address",
  full_date: "Full date",
};

const RECORDS: Record<string, [string, (reviewId: number, id: string) => string]> = {
  review: ["The review's details", (reviewId) => `/reviews/${reviewId}/details`],
  chronology: ["Chronology entry", (reviewId, id) => `/reviews/${reviewId}/chronology/${id}`],
  participant: ["Participant", (reviewId) => `/reviews/${reviewId}/team`],
  agency: ["Agency name", (reviewId) => `/reviews/${reviewId}/chronology`],
  episode: ["Key practice episode", (reviewId, id) => `/reviews/${reviewId}/episodes/${id}`],
  factor: ["Contributory factor", (reviewId, id) => `/reviews/${reviewId}/factors/${id}`],
  finding: ["Finding", (reviewId, id) => `/reviews/${reviewId}/findings/${id}`],
  link: ["Causal link", (reviewId) => `/reviews/${reviewId}/graph`],
  tag: ["Tag", (reviewId) => `/reviews/${reviewId}/tagging`],
};

/** Where a hit is, in words, and the address of the screen that changes it. */
export function whereIs(reviewId: number, hit: Pick<HitRead, "record" | "field">): { label: string; to: string } {
  const [kind, id] = hit.record.split(":");
  const [name, to] = RECORDS[kind] ?? [kind, () => `/reviews/${reviewId}`];
  const field = hit.field.replaceAll("_", " ");
  return { label: `${name}${kind === "review" ? "" : ` ${id}`}, ${field}`, to: to(reviewId, id) };
}

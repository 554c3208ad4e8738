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

// The screen that changes each kind of record; the record's name comes from the server
// (HitRead.name: "KPE 3", "Factor 2", "Chronology, 5 March 2024, GP records").
const SCREENS: Record<string, (reviewId: number, id: string) => string> = {
  review: (reviewId) => `/reviews/${reviewId}/details`,
  chronology: (reviewId, id) => `/reviews/${reviewId}/chronology/${id}`,
  participant: (reviewId) => `/reviews/${reviewId}/team`,
  agency: (reviewId) => `/reviews/${reviewId}/chronology`,
  episode: (reviewId, id) => `/reviews/${reviewId}/episodes/${id}`,
  factor: (reviewId, id) => `/reviews/${reviewId}/factors/${id}`,
  finding: (reviewId, id) => `/reviews/${reviewId}/findings/${id}`,
  link: (reviewId) => `/reviews/${reviewId}/graph`,
  tag: (reviewId) => `/reviews/${reviewId}/tagging`,
};

/** Where a hit is, in words ("KPE 3, appraisal"), and the address of the screen that changes it. */
export function whereIs(
  reviewId: number,
  hit: Pick<HitRead, "record" | "name" | "field">,
): { label: string; to: string } {
  const [kind, id] = hit.record.split(":");
  const to = SCREENS[kind] ?? (() => `/reviews/${reviewId}`);
  const name = kind === "review" ? "The review's details" : hit.name;
  return { label: `${name}, ${hit.field.replaceAll("_", " ")}`, to: to(reviewId, id) };
}

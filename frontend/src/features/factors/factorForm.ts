// The factor editor's fields as typed, the API's factor from and to them, and how a factor
// reads beside another person's version of it.

import type { FactorCreate, FactorLevel, FactorRead, LinkRead } from "../../client/types.gen";
import type { Compared } from "../../common/Conflict";
import type { Problem } from "../../common/ErrorSummary";
import { LINK_KINDS, LINK_VERBS_BACKWARDS } from "../graph/links";
import { levelLabel } from "./levels";

export interface FactorForm {
  description: string;
  level: FactorLevel | "";
  detail: string;
  codes: string[];
}

export function formOf(factor: FactorRead | null): FactorForm {
  return {
    description: factor?.description ?? "",
    level: factor?.level ?? "",
    detail: factor?.detail ?? "",
    codes: factor?.typology_codes ?? [],
  };
}

export const DESCRIPTION_LENGTH = 1000;

/** The factor the form describes, or the problems that stop it being sent. */
export function factorOf(form: FactorForm): { factor: Required<FactorCreate> } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const description = form.description.trim();
  if (!description) {
    problems.push({ field: "description", text: "Enter a description of the factor" });
  } else if (description.length > DESCRIPTION_LENGTH) {
    problems.push({ field: "description", text: `The description must be ${DESCRIPTION_LENGTH} characters or fewer` });
  }
  if (!form.level) problems.push({ field: "level", text: "Choose the level of the factor" });
  if (problems.length > 0 || !form.level) return { problems };
  return {
    factor: {
      description,
      level: form.level,
      detail: form.detail.trim() || null,
      typology_codes: form.codes,
    },
  };
}

/** The API's field names, mapped to the form's ids (for the service's own problems). */
export const FACTOR_FIELDS: Record<string, string> = {
  description: "description",
  level: "level",
  detail: "detail",
  typology_codes: "codes",
};

const words = (value: unknown) => (value == null ? "" : String(value));

/** The fields of a factor a person compares when their edit met someone else's. */
export function comparedFactorFields(codeLabels: Map<string, string>): Compared[] {
  return [
    { label: "Description", show: (r) => words(r.description) },
    { label: "Level", show: (r) => levelLabel(words(r.level)) },
    { label: "Detail", show: (r) => words(r.detail) },
    {
      label: "Typology codes",
      show: (r) =>
        (Array.isArray(r.typology_codes) ? r.typology_codes : [])
          .map((code) => codeLabels.get(String(code)) ?? String(code))
          .sort()
          .join("; "),
    },
  ];
}

export interface FactorLink {
  link: LinkRead;
  /** The link read from this factor: "Contributed to", "Influenced by". */
  verb: string;
  /** The record at the other end. */
  other: string;
}

/** The links from and to one record, read from that record. */
export function linksOf(key: string, links: LinkRead[]): FactorLink[] {
  return links
    .filter((link) => link.source === key || link.target === key)
    .map((link) =>
      link.source === key
        ? { link, verb: LINK_KINDS[link.kind], other: link.target }
        : { link, verb: LINK_VERBS_BACKWARDS[link.kind], other: link.source },
    );
}

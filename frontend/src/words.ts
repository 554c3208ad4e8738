// The domain's words for the values the API returns (see shared/domain.md).

import type {
  AgeBand,
  AppraisalRating,
  DatePrecision,
  LearningTogetherSize,
  Outcome,
  ParticipantRole,
  ReviewStatus,
  ReviewType,
} from "./client/types.gen";

export const REVIEW_TYPES: Record<ReviewType, string> = {
  serious_case_review: "Serious case review",
  rapid_review: "Rapid review",
  local_child_safeguarding_practice_review: "Local child safeguarding practice review",
  themed_review: "Themed review",
  other: "Other",
};

export const STATUSES: Record<ReviewStatus, string> = {
  scoping: "Scoping",
  gathering: "Gathering",
  analysis: "Analysis",
  findings: "Findings",
  draft: "Draft",
  published: "Published",
  archived: "Archived",
};

export const SIZES: Record<LearningTogetherSize, string> = {
  full: "Full",
  intensive: "Intensive",
  speed_plus: "Speed+",
  mid_range: "Mid-range",
  focused: "Focused",
  themed: "Themed",
};

export const AGE_BANDS: Record<AgeBand, string> = {
  under_1: "Under 1",
  age_1_to_4: "1 to 4",
  age_5_to_9: "5 to 9",
  age_10_to_15: "10 to 15",
  age_16_to_17: "16 to 17",
};

export const PARTICIPANT_ROLES: Record<ParticipantRole, string> = {
  lead_reviewer: "Lead reviewer",
  review_team: "Review team",
  case_group: "Case group",
  family: "Family",
};

export const OUTCOMES: Record<Outcome, string> = {
  death: "Death",
  serious_harm: "Serious harm",
};

export const PRECISIONS: Record<DatePrecision, string> = {
  day: "Day",
  month: "Month only",
  year: "Year only",
};

export const RATINGS: Record<AppraisalRating, string> = {
  good_practice: "Good practice",
  as_expected: "As expected",
  below_expected: "Below expected",
  not_assessable: "Not assessable",
};

/** GOV.UK tag colours: the status of a review at a glance. */
export const STATUS_TAG: Record<ReviewStatus, string> = {
  scoping: "govuk-tag--grey",
  gathering: "govuk-tag--light-blue",
  analysis: "govuk-tag--blue",
  findings: "govuk-tag--purple",
  draft: "govuk-tag--yellow",
  published: "govuk-tag--green",
  archived: "govuk-tag--grey",
};

export function reviewTypeLabel(value: string): string {
  return REVIEW_TYPES[value as ReviewType] ?? value;
}

export function statusLabel(value: string): string {
  return STATUSES[value as ReviewStatus] ?? value;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "18 July 2023", "July 2023" or "2023", as much of an ISO date as is known. */
export function formatDate(iso: string | null | undefined, precision: DatePrecision = "day"): string {
  if (!iso) return "Not recorded";
  const [year, month, day] = iso.split("-").map(Number);
  if (precision === "year") return String(year);
  if (precision === "month") return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A name quoted inside a sentence: ‘Caseloads were above the safe limit’ contributed to
 * ‘KPE 1: …’. A factor's name is its description, whose own full stop would end the sentence.
 */
export const quoted = (name: string) => `‘${name.replace(/\.$/, "")}’`;

/** A count with its noun: "1 entry", "2 entries", "1,200 entries". */
export const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

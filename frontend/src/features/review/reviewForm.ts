// The review's own details as typed in its form, and the API's review from and to them.

import type {
  AgeBand,
  CodeNode,
  LearningTogetherSize,
  Outcome,
  ReviewCreate,
  ReviewRead,
  ReviewType,
} from "../../client/types.gen";
import type { Compared } from "../../common/Conflict";
import { type DateParts, fromParts, NO_DATE, toParts } from "../../common/dates";
import type { Problem } from "../../common/ErrorSummary";
import { AGE_BANDS, formatDate, OUTCOMES, REVIEW_TYPES, SIZES } from "../../words";

export interface ReviewForm {
  reference: string;
  childPseudonym: string;
  reviewType: ReviewType | "";
  size: LearningTogetherSize | "";
  incident: DateParts;
  notification: DateParts;
  start: DateParts;
  publication: DateParts;
  scopeStart: DateParts;
  scopeEnd: DateParts;
  ageBand: AgeBand | "";
  outcome: Outcome | "";
  contextCodes: string[];
  caseSummary: string;
  rapidReview: DateParts;
  rapidReviewOutcome: string;
  reasonForReview: string;
  family: string;
  independence: string;
  methodologicalComment: string;
  acknowledgements: string;
}

/** The family as the form writes it: one member a line, "Pseudonym: relationship". */
export function familyText(review: ReviewRead | null): string {
  return (review?.family_composition ?? []).map((m) => `${m.pseudonym}: ${m.relationship}`).join("\n");
}

export function formOf(review: ReviewRead | null): ReviewForm {
  return {
    reference: review?.reference ?? "",
    childPseudonym: review?.child_pseudonym ?? "",
    reviewType: review?.review_type ?? "",
    size: review?.learning_together_size ?? "",
    incident: toParts(review?.incident_date),
    notification: toParts(review?.notification_date),
    start: toParts(review?.start_date),
    publication: toParts(review?.publication_date),
    scopeStart: review ? toParts(review.scope_start) : NO_DATE,
    scopeEnd: review ? toParts(review.scope_end) : NO_DATE,
    ageBand: review?.child_age_band ?? "",
    outcome: review?.outcome ?? "",
    contextCodes: [...(review?.context_codes ?? [])].sort(),
    caseSummary: review?.case_summary ?? "",
    rapidReview: toParts(review?.rapid_review_date),
    rapidReviewOutcome: review?.rapid_review_outcome ?? "",
    reasonForReview: review?.reason_for_review ?? "",
    family: familyText(review),
    independence: review?.independence ?? "",
    methodologicalComment: review?.methodological_comment ?? "",
    acknowledgements: review?.acknowledgements ?? "",
  };
}

/** The details the form describes (without status and board), or what stops them being sent. */
export function reviewOf(
  form: ReviewForm,
): { review: Omit<ReviewCreate, "status" | "board_id"> } | { problems: Problem[] } {
  const problems: Problem[] = [];
  if (!form.reference.trim()) {
    problems.push({ field: "reference", text: "Enter the review's reference, like NBY-2025-01" });
  }
  if (!form.childPseudonym.trim()) {
    problems.push({
      field: "child-pseudonym",
      text: "Enter the pseudonym the review uses for the child, like Child S",
    });
  }
  if (!form.reviewType) problems.push({ field: "review-type", text: "Select the type of review" });
  const dates = {
    incident: fromParts(form.incident, "The date of the incident"),
    notification: fromParts(form.notification, "The date of notification"),
    start: fromParts(form.start, "The date the review started"),
    publication: fromParts(form.publication, "The date of publication"),
    scopeStart: fromParts(form.scopeStart, "The start of the period the review looks at"),
    scopeEnd: fromParts(form.scopeEnd, "The end of the period the review looks at"),
    rapidReview: fromParts(form.rapidReview, "The date of the rapid review"),
  };
  const ids: Record<keyof typeof dates, string> = {
    incident: "incident-date",
    notification: "notification-date",
    start: "start-date",
    publication: "publication-date",
    scopeStart: "scope-start",
    scopeEnd: "scope-end",
    rapidReview: "rapid-review-date",
  };
  const iso: Partial<Record<keyof typeof dates, string | null>> = {};
  for (const [key, read] of Object.entries(dates) as [keyof typeof dates, (typeof dates)[keyof typeof dates]][]) {
    if ("problem" in read) problems.push({ field: ids[key], text: read.problem });
    else iso[key] = read.iso;
  }
  if (iso.scopeStart && iso.scopeEnd && iso.scopeEnd < iso.scopeStart) {
    problems.push({ field: "scope-end", text: "The end of the period must be on or after its start" });
  }
  const family = form.family
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(":");
      return at > 0 ? { pseudonym: line.slice(0, at).trim(), relationship: line.slice(at + 1).trim() } : null;
    });
  if (family.some((member) => member === null || !member.relationship)) {
    problems.push({
      field: "family",
      text: "Write each member of the family on a line of their own as Pseudonym: relationship",
    });
  }
  if (problems.length > 0 || !form.reviewType) return { problems };
  return {
    review: {
      reference: form.reference.trim(),
      child_pseudonym: form.childPseudonym.trim(),
      review_type: form.reviewType,
      learning_together_size: form.size || null,
      incident_date: iso.incident ?? null,
      notification_date: iso.notification ?? null,
      start_date: iso.start ?? null,
      publication_date: iso.publication ?? null,
      scope_start: iso.scopeStart ?? null,
      scope_end: iso.scopeEnd ?? null,
      child_age_band: form.ageBand || null,
      outcome: form.outcome || null,
      context_codes: form.contextCodes,
      case_summary: form.caseSummary.trim() || null,
      rapid_review_date: iso.rapidReview ?? null,
      rapid_review_outcome: form.rapidReviewOutcome.trim() || null,
      reason_for_review: form.reasonForReview.trim() || null,
      family_composition: family.filter((member) => member !== null),
      independence: form.independence.trim() || null,
      methodological_comment: form.methodologicalComment.trim() || null,
      acknowledgements: form.acknowledgements.trim() || null,
    },
  };
}

/** The API's field names, mapped to the form's ids (for the service's own problems). */
export const REVIEW_FIELDS: Record<string, string> = {
  board_id: "board",
  reference: "reference",
  child_pseudonym: "child-pseudonym",
  review_type: "review-type",
  learning_together_size: "size",
  incident_date: "incident-date",
  notification_date: "notification-date",
  start_date: "start-date",
  publication_date: "publication-date",
  scope_start: "scope-start",
  scope_end: "scope-end",
  child_age_band: "age-band",
  outcome: "outcome",
  context_codes: "context-codes",
  case_summary: "case-summary",
  rapid_review_date: "rapid-review-date",
  rapid_review_outcome: "rapid-review-outcome",
  reason_for_review: "reason-for-review",
  family_composition: "family",
  independence: "independence",
  methodological_comment: "methodological-comment",
  acknowledgements: "acknowledgements",
};

/** The case-context codes of a typology, in groups (harm, plan category, family...). */
export interface ContextGroup {
  label: string;
  codes: { id: string; label: string }[];
}

export function contextGroups(roots: CodeNode[]): ContextGroup[] {
  const groups: ContextGroup[] = [];
  const visit = (node: CodeNode) => {
    if (node.axis === "case_context" && node.children.length > 0) {
      groups.push({
        label: node.label,
        codes: node.children.filter((child) => !child.deprecated).map(({ id, label }) => ({ id, label })),
      });
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return groups;
}

const words = (value: unknown) => (value == null ? "" : String(value));
const date = (value: unknown) => (value ? formatDate(String(value)) : "");
const named =
  <T extends string>(names: Record<T, string>) =>
  (value: unknown) =>
    value ? (names[value as T] ?? String(value)) : "";

/** The fields a person compares when their edit of the details met someone else's. */
export const COMPARED_REVIEW_FIELDS: Compared[] = [
  { label: "Reference", show: (r) => words(r.reference) },
  { label: "Child", show: (r) => words(r.child_pseudonym) },
  { label: "Type of review", show: (r) => named(REVIEW_TYPES)(r.review_type) },
  { label: "Learning Together size", show: (r) => named(SIZES)(r.learning_together_size) },
  { label: "Incident", show: (r) => date(r.incident_date) },
  { label: "Notification", show: (r) => date(r.notification_date) },
  { label: "Review started", show: (r) => date(r.start_date) },
  { label: "Published", show: (r) => date(r.publication_date) },
  { label: "Start of the period", show: (r) => date(r.scope_start) },
  { label: "End of the period", show: (r) => date(r.scope_end) },
  { label: "Child's age", show: (r) => named(AGE_BANDS)(r.child_age_band) },
  { label: "Outcome", show: (r) => named(OUTCOMES)(r.outcome) },
  {
    label: "Case context",
    show: (r) => (Array.isArray(r.context_codes) ? [...r.context_codes].sort().join(", ") : ""),
  },
  { label: "Case summary", show: (r) => words(r.case_summary) },
  { label: "Rapid review", show: (r) => date(r.rapid_review_date) },
  { label: "Rapid review's outcome", show: (r) => words(r.rapid_review_outcome) },
  { label: "Why this case was reviewed", show: (r) => words(r.reason_for_review) },
  {
    label: "Family composition",
    show: (r) =>
      Array.isArray(r.family_composition)
        ? (r.family_composition as { pseudonym: string; relationship: string }[])
            .map((m) => `${m.pseudonym}: ${m.relationship}`)
            .join("; ")
        : "",
  },
  { label: "Independence", show: (r) => words(r.independence) },
  { label: "Methodological comment", show: (r) => words(r.methodological_comment) },
  { label: "Acknowledgements", show: (r) => words(r.acknowledgements) },
];

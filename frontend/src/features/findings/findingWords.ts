// A finding's values in the method's words (shared/domain.md), and how a finding reads beside
// another person's version of it.

import type { ActionStatus, PatternKind } from "../../client/types.gen";
import type { Compared } from "../../common/Conflict";
import { formatDate } from "../../words";

export const PATTERN_KINDS: Record<PatternKind, string> = {
  unsafe: "Unsafe",
  constructive: "Constructive",
};

export const PATTERN_KIND_HINTS: Record<PatternKind, string> = {
  unsafe: "the pattern makes poor practice more likely.",
  constructive: "the pattern supports good practice, and is worth keeping.",
};

export const PATTERN_KIND_TAG: Record<PatternKind, string> = {
  unsafe: "govuk-tag--orange",
  constructive: "govuk-tag--green",
};

export const ACTION_STATUSES: Record<ActionStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  completed: "Done",
  dropped: "Dropped",
};

const words = (value: unknown) => (value == null ? "" : String(value));
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
const date = (value: unknown) => (value ? formatDate(String(value)) : "");

function questionsText(record: Record<string, unknown>): string {
  return list(record.questions)
    .map((q, index) => `${index + 1}. ${words(q.question)}`)
    .join("\n");
}

function responsesText(record: Record<string, unknown>): string {
  return list(record.questions)
    .filter((q) => q.board_response || q.response_date)
    .map((q) => {
      const when = q.response_date ? ` (${date(q.response_date)})` : "";
      return `To question ${list(record.questions).indexOf(q) + 1}${when}: ${words(q.board_response)}`;
    })
    .join("\n");
}

function actionsText(record: Record<string, unknown>): string {
  return list(record.questions)
    .flatMap((q, qi) =>
      list(q.actions).map((a, ai) => {
        const parts = [
          words(a.description),
          a.owner_role ? `owner: ${words(a.owner_role)}` : "",
          a.due_date ? `due ${date(a.due_date)}` : "",
          ACTION_STATUSES[a.status as ActionStatus] ?? words(a.status),
        ].filter(Boolean);
        return `Question ${qi + 1}, action ${ai + 1}: ${parts.join("; ")}`;
      }),
    )
    .join("\n");
}

/** The fields of a finding a person compares when their edit met someone else's. */
export function comparedFindingFields(codeLabels: Map<string, string>): Compared[] {
  return [
    { label: "Number", show: (r) => words(r.ordinal) },
    { label: "Title", show: (r) => words(r.title) },
    { label: "Statement", show: (r) => words(r.statement) },
    { label: "Kind of pattern", show: (r) => PATTERN_KINDS[r.pattern_kind as PatternKind] ?? words(r.pattern_kind) },
    {
      label: "Systemic pattern",
      show: (r) => (r.category ? (codeLabels.get(String(r.category)) ?? String(r.category)) : "Not chosen"),
    },
    { label: "How it appeared in this case", show: (r) => words(r.how_it_appeared) },
    { label: "Evidence beyond this case", show: (r) => words(r.evidence_beyond_case) },
    { label: "Why it matters", show: (r) => words(r.why_it_matters) },
    { label: "Questions for the Board", show: questionsText },
    { label: "The Board's responses", show: responsesText },
    { label: "Actions", show: actionsText },
  ];
}

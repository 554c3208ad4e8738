// The domain's words for the values the API returns (see shared/domain.md).

const REVIEW_TYPES: Record<string, string> = {
  serious_case_review: "Serious case review",
  rapid_review: "Rapid review",
  local_child_safeguarding_practice_review: "Local child safeguarding practice review",
  themed_review: "Themed review",
  other: "Other",
};

export function reviewTypeLabel(value: string): string {
  return REVIEW_TYPES[value] ?? value;
}

export function statusLabel(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).replaceAll("_", " ");
}

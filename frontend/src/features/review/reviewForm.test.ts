import { describe, expect, it } from "vitest";

import type { CodeNode } from "../../client/types.gen";
import { REVIEW } from "../../testing/review";
import { contextGroups, formOf, reviewOf } from "./reviewForm";

const node = (id: string, label: string, children: CodeNode[] = [], deprecated = false): CodeNode => ({
  id,
  label,
  definition: "",
  includes: [],
  excludes: [],
  parent: null,
  axis: "case_context",
  applies_to: ["review"],
  deprecated,
  children,
});

describe("the review's details form", () => {
  it("sends back what it was given, unchanged", () => {
    const sent = reviewOf(
      formOf({
        ...REVIEW,
        context_codes: ["cc.harm.neglect"],
        case_summary: "Child T, aged 2.",
        rapid_review_date: "2024-03-20",
        family_composition: [{ pseudonym: "Mother", relationship: "Child T's mother: at home" }],
      }),
    );
    expect(sent).toEqual({
      review: {
        reference: REVIEW.reference,
        child_pseudonym: REVIEW.child_pseudonym,
        review_type: REVIEW.review_type,
        learning_together_size: REVIEW.learning_together_size,
        incident_date: REVIEW.incident_date,
        notification_date: REVIEW.notification_date,
        start_date: REVIEW.start_date,
        publication_date: null,
        scope_start: null,
        scope_end: null,
        child_age_band: REVIEW.child_age_band,
        outcome: REVIEW.outcome,
        context_codes: ["cc.harm.neglect"],
        case_summary: "Child T, aged 2.",
        rapid_review_date: "2024-03-20",
        rapid_review_outcome: null,
        reason_for_review: null,
        family_composition: [{ pseudonym: "Mother", relationship: "Child T's mother: at home" }],
        independence: null,
        methodological_comment: null,
        acknowledgements: null,
      },
    });
  });

  it("asks for each member of the family as pseudonym and relationship", () => {
    const form = { ...formOf(REVIEW), family: "Mother: Child T's mother\nGrandmother" };
    const read = reviewOf(form);
    expect("problems" in read && read.problems.map((p) => p.field)).toEqual(["family"]);
  });

  it("names each missing or impossible field on its own box", () => {
    const form = formOf(null);
    form.incident = { day: "31", month: "2", year: "2024" };
    form.scopeStart = { day: "1", month: "6", year: "2023" };
    form.scopeEnd = { day: "1", month: "5", year: "2023" };
    const read = reviewOf(form);
    expect("problems" in read && read.problems.map((p) => p.field)).toEqual([
      "reference",
      "child-pseudonym",
      "review-type",
      "incident-date",
      "scope-end",
    ]);
  });
});

describe("the case-context groups", () => {
  it("are the case-context codes with narrower codes, without the deprecated ones", () => {
    const tree = [
      node("cc", "Case context", [
        node("cc.harm", "Type of harm", [node("cc.harm.neglect", "Neglect"), node("cc.harm.old", "Old", [], true)]),
        node("cc.family", "Family context", [node("cc.family.poverty", "Poverty and debt")]),
      ]),
      { ...node("sp", "Systemic patterns", [node("sp.x", "X")]), axis: "systemic_pattern" as const },
    ];
    expect(contextGroups(tree).map((g) => [g.label, g.codes.map((c) => c.id)])).toEqual([
      ["Case context", ["cc.harm", "cc.family"]],
      ["Type of harm", ["cc.harm.neglect"]],
      ["Family context", ["cc.family.poverty"]],
    ]);
  });
});

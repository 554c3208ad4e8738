// A small typology and review records for the tagging screens' tests.

import type { CodeNode, TagRead, TypologyChanges, TypologySummary, TypologyTree } from "../../client/types.gen";
import { json, stamped } from "../../testing/review";

function code(
  id: string,
  label: string,
  axis: CodeNode["axis"],
  applies_to: CodeNode["applies_to"],
  children: CodeNode[] = [],
  extra: Partial<CodeNode> = {},
): CodeNode {
  const parent = id.includes(".") && id.split(".").length > 2 ? id.split(".").slice(0, -1).join(".") : null;
  return {
    id,
    label,
    definition: `${label}: a definition a coder can apply.`,
    includes: [],
    excludes: [],
    parent,
    axis,
    applies_to,
    deprecated: false,
    children,
    ...extra,
  };
}

export const TREE: TypologyTree = {
  version: "1.0",
  title: "National typology, first edition",
  published: "2026-11-22",
  status: "published",
  codes: [
    code(
      "sp.reasoning",
      "Human reasoning: cognitive and emotional biases",
      "systemic_pattern",
      ["factor", "finding"],
      [
        code(
          "sp.reasoning.over-optimism",
          "Over-optimism about progress",
          "systemic_pattern",
          ["factor", "finding"],
          [],
          {
            definition: "Improvement or a parent's warmth is given more weight than accumulating concerns.",
            includes: ["rule of optimism"],
          },
        ),
        code("sp.reasoning.fixed-view", "Fixed views and confirmation", "systemic_pattern", ["factor", "finding"]),
      ],
    ),
    code(
      "sp.management",
      "Management systems",
      "systemic_pattern",
      ["factor", "finding"],
      [
        code("sp.management.supervision", "Supervision quality", "systemic_pattern", ["factor", "finding"]),
        code("sp.management.old-targets", "Old targets", "systemic_pattern", ["factor", "finding"], [], {
          deprecated: true,
        }),
      ],
    ),
    code(
      "cc.family",
      "Family context",
      "case_context",
      ["review"],
      [code("cc.family.domestic-abuse", "Domestic abuse", "case_context", ["review"])],
    ),
    code("pt.information-sharing", "Information sharing", "practice_theme", ["episode", "factor", "finding"]),
    code("fl.working-conditions", "Working conditions", "factor_level", ["factor"]),
  ],
};

export const VERSIONS: TypologySummary[] = [
  {
    version: "1.1",
    title: "Draft second edition",
    published: "2027-05-01",
    status: "draft",
    codes: 90,
    current: false,
  },
  { version: "1.0", title: TREE.title, published: TREE.published, status: "published", codes: 10, current: true },
];

/** What 1.1 changed from 1.0: the over-optimism code merged into a practice theme. */
export const CHANGES_1_1: TypologyChanges = {
  from_version: "1.0",
  to_version: "1.1",
  changes: [
    {
      kind: "merged",
      from_code: "sp.reasoning.over-optimism",
      from_label: "Over-optimism about progress",
      to: [{ id: "pt.over-optimism", label: "Over-optimism" }],
      note: "Two near-duplicates made one.",
    },
    {
      kind: "added",
      from_code: null,
      from_label: null,
      to: [{ id: "cc.child.online-harm", label: "Online harm" }],
      note: "",
    },
  ],
};

export const TYPOLOGY_ROUTES = {
  "GET /typologies": () => json(200, { items: VERSIONS, total: VERSIONS.length }),
  "GET /typologies/1.0": () => json(200, TREE),
  "GET /typologies/1.0/changes": () => json(200, { from_version: null, to_version: "1.0", changes: [] }),
  "GET /typologies/1.1/changes": () => json(200, CHANGES_1_1),
};

const episode = stamped({
  id: 12,
  version: 1,
  review_id: 1,
  ordinal: 1,
  title: "Booking appointment",
  period_start: null,
  period_end: null,
  agency_ids: [],
  roles_involved: [],
  what_happened: null,
  view_at_the_time: null,
  appraisal: null,
  appraisal_rating: null,
  chronology_entry_ids: [],
  went_well: null,
  queries: null,
  suggested_changes: null,
});

const factor = (id: number, description: string) =>
  stamped({ id, version: 1, review_id: 1, description, level: "working_conditions", detail: null, typology_codes: [] });

export const FACTORS = [
  factor(7, "Health visitors' caseloads were far above the safe limit."),
  factor(8, "Supervision was used to allocate cases."),
];

export const RECORD_ROUTES = {
  "GET /reviews/1/episodes": () => json(200, { items: [episode], total: 1 }),
  "GET /reviews/1/factors": () => json(200, { items: FACTORS, total: FACTORS.length }),
  "GET /reviews/1/findings": () => json(200, { items: [], total: 0 }),
  "GET /reviews/1/links": () => json(200, { items: [], total: 0 }),
};

let nextId = 100;

export function tag(target: string, tagCode: string, coder: string, extra: Partial<TagRead> = {}): TagRead {
  nextId += 1;
  return stamped({
    id: nextId,
    version: 1,
    review_id: 1,
    target,
    code: tagCode,
    typology_version: "1.0",
    coder,
    rationale: null,
    agreed: false,
    submitted: false,
    ...extra,
  });
}

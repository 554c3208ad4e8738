// What the fake service answers in the findings screens' tests.

import { json, stamped } from "../../testing/review";

const code = (id: string, label: string, axis: string, children: unknown[] = [], applies_to = ["finding"]) => ({
  id,
  label,
  definition: `${label}.`,
  includes: [],
  excludes: [],
  parent: null,
  axis,
  applies_to,
  deprecated: false,
  children,
});

export const TYPOLOGY = {
  "GET /typologies": () =>
    json(200, {
      items: [{ version: "1.0", title: "Typology", published: "2024-01-01", status: "published", codes: 4, current: true }],
      total: 1,
    }),
  "GET /typologies/1.0": () =>
    json(200, {
      version: "1.0",
      title: "Typology",
      published: "2024-01-01",
      status: "published",
      codes: [
        code("sp.management", "Management systems", "systemic_pattern", [
          code("sp.management.caseload", "Caseload against capacity", "systemic_pattern"),
        ]),
        code("pt.information-sharing", "Information sharing", "practice_theme"),
        code("cc.neglect", "Neglect", "case_context", [], ["review"]),
      ],
    }),
};

export const EPISODE = stamped({ id: 3, ordinal: 1, title: "Booking appointment", version: 1, review_id: 1 });
export const FACTOR = stamped({ id: 7, version: 1, review_id: 1, description: "Caseloads were above the safe limit.", level: "working_conditions" });

export const QUESTION = {
  id: 21,
  ordinal: 1,
  question: "How will the Board know whether notifications reach health visiting?",
  board_response: null,
  response_date: null,
  actions: [],
};

export const FINDING = stamped({
  id: 4,
  version: 2,
  review_id: 1,
  ordinal: 2,
  title: "Notifications stop at the front door",
  statement: "Police notifications reach only the front door.",
  pattern_kind: "unsafe" as const,
  category: "sp.management.caseload",
  how_it_appeared: "The call-out was screened out (KPE 1).",
  evidence_beyond_case: null,
  why_it_matters: null,
  questions: [QUESTION],
});

export const EVIDENCE = stamped({ id: 31, version: 1, review_id: 1, kind: "evidenced_by", source: "finding:4", target: "episode:3", evidence_note: "Screened out." });


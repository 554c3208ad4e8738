// What the fake service answers in the findings screens' tests.

import { stamped } from "../../testing/review";
import { code, typologyRoutes } from "../../testing/typology";

export const TYPOLOGY = typologyRoutes([
  code(
    "sp.management",
    "Management systems",
    "systemic_pattern",
    ["finding"],
    [code("sp.management.caseload", "Caseload against capacity", "systemic_pattern", ["finding"])],
  ),
  code("pt.information-sharing", "Information sharing", "practice_theme", ["finding"]),
  code("cc.neglect", "Neglect", "case_context", ["review"]),
]);

export const EPISODE = stamped({ id: 3, ordinal: 1, title: "Booking appointment", version: 1, review_id: 1 });
export const FACTOR = stamped({
  id: 7,
  version: 1,
  review_id: 1,
  name: "Factor 1",
  description: "Caseloads were above the safe limit.",
  level: "working_conditions",
});

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

export const EVIDENCE = stamped({
  id: 31,
  version: 1,
  review_id: 1,
  kind: "evidenced_by",
  source: "finding:4",
  target: "episode:3",
  evidence_note: "Screened out.",
});

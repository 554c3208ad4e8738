// The method's words in plain English, once, for every screen that uses them (shared/domain.md
// gives the definitions; the statistics are those the agreement and pattern figures use).
// <Term> (common/Term.tsx) shows an entry beside the word; <Explanations> lists several.

import type { FactorLevel, LearningTogetherSize, ReviewType } from "../client/types.gen";
import { LEVELS } from "../features/factors/levels";
import { REVIEW_TYPES, SIZES } from "../words";

export interface Entry {
  /** The word as a person reads it ("Cohen's kappa"). */
  term: string;
  /** What it means, in a sentence or two a reviewer or board member understands. */
  explanation: string;
}

/** Each value's explanation alone, for hints under options (a factor's level). */
export function explanations<K extends string>(entries: Record<K, Entry>): Record<K, string> {
  return Object.fromEntries(Object.entries<Entry>(entries).map(([key, entry]) => [key, entry.explanation])) as Record<
    K,
    string
  >;
}

export const REVIEW_TYPE_ENTRIES: Record<ReviewType, Entry> = {
  serious_case_review: {
    term: REVIEW_TYPES.serious_case_review,
    explanation:
      "The review a Local Safeguarding Children Board commissioned until 2018, when a child died or was seriously harmed and abuse or neglect was known or suspected.",
  },
  rapid_review: {
    term: REVIEW_TYPES.rapid_review,
    explanation:
      "Since 2018, the partnership's first look at a serious incident, within 15 working days of the notification: it decides whether a local review follows.",
  },
  local_child_safeguarding_practice_review: {
    term: REVIEW_TYPES.local_child_safeguarding_practice_review,
    explanation:
      "Since 2018, the review a safeguarding partnership commissions after a rapid review, to be published within six months.",
  },
  themed_review: {
    term: REVIEW_TYPES.themed_review,
    explanation: "A review of a theme across several cases rather than of one child's case.",
  },
  other: {
    term: REVIEW_TYPES.other,
    explanation: "Any other review of how agencies worked, such as a discretionary review.",
  },
};

export const SIZE_ENTRIES: Record<LearningTogetherSize, Entry> = {
  full: {
    term: SIZES.full,
    explanation:
      "The whole Learning Together model: lead reviewers with a review team and a case group, conversations with the practitioners and the family, and every stage of analysis. It runs about six months.",
  },
  intensive: {
    term: SIZES.intensive,
    explanation: "The stages of a full review, worked through in a shorter and more concentrated time.",
  },
  speed_plus: {
    term: SIZES.speed_plus,
    explanation: "A short review of about a week, keeping the model's stages but doing each briefly.",
  },
  mid_range: {
    term: SIZES.mid_range,
    explanation: "A review with few conversations: more of the evidence comes from the agencies' records.",
  },
  focused: {
    term: SIZES.focused,
    explanation: "A review built around a one-day event with the practitioners involved.",
  },
  themed: {
    term: SIZES.themed,
    explanation: "An audit across cases comes first, then a review of the theme it brings out.",
  },
};

export const LEVEL_ENTRIES: Record<FactorLevel, Entry> = {
  family: {
    term: LEVELS.family,
    explanation:
      "Something about the child and family that made the work harder or easier, such as moving home often or avoiding contact.",
  },
  worker_role: {
    term: LEVELS.worker_role,
    explanation: "The task the worker's role asked of them: what it expected, what it left out, how clear it was.",
  },
  working_conditions: {
    term: LEVELS.working_conditions,
    explanation: "The conditions the work was done in: caseloads, time, tools, forms and IT, the office and the hours.",
  },
  personal: {
    term: LEVELS.personal,
    explanation:
      "The worker's own knowledge, experience, reasoning and feelings at the time, judged without hindsight.",
  },
  own_team: {
    term: LEVELS.own_team,
    explanation: "The worker's own team: supervision, support, how its members talk to one another.",
  },
  inter_agency_team: {
    term: LEVELS.inter_agency_team,
    explanation:
      "Agencies working together: referrals and feedback, sharing information, knowing who holds the whole case.",
  },
  organisational: {
    term: LEVELS.organisational,
    explanation:
      "How an organisation is run: its priorities, performance indicators, resources against demand and what its culture rewards.",
  },
  wider_context: {
    term: LEVELS.wider_context,
    explanation: "Beyond any one organisation: national policy, funding, inspection and public pressure.",
  },
  other: {
    term: LEVELS.other,
    explanation: "A factor that fits none of the other levels.",
  },
};

export const STATISTICS = {
  percentAgreement: {
    term: "Percent agreement",
    explanation:
      "The share of records on which the coders made the same choice, tagging a record with a code or not. It counts agreement that would happen by chance too.",
  },
  kappa: {
    term: "Cohen's kappa",
    explanation:
      "Agreement between two coders beyond what chance alone would give: 1 is perfect, 0 is no better than chance, below 0 worse than chance. When almost every record gets the same answer, chance agreement is high, so kappa can be low or 0 even when the coders agree on nearly every record.",
  },
  alpha: {
    term: "Krippendorff's alpha",
    explanation:
      "Like kappa, agreement beyond chance (1 perfect, 0 chance), but for any number of coders. Values of 0.8 or more are usually taken as reliable; it has the same difficulty as kappa when one answer dominates.",
  },
  lift: {
    term: "Lift",
    explanation:
      "How many times more often two codes are found in the same reviews than if they were unrelated: 1 is as often as chance, 2 is twice as often.",
  },
  pValue: {
    term: "p (Fisher)",
    explanation:
      "Fisher's exact test: the chance of finding the two codes together this often, or more, if they were unrelated. Small is stronger evidence. It is for one pair alone.",
  },
  qValue: {
    term: "q (corrected)",
    explanation:
      "The p-value corrected for how many pairs were tested at once (the Benjamini–Hochberg method). Testing many pairs makes some small p-values by chance; among the pairs with q at most 0.05, on average no more than one in twenty is such a chance finding.",
  },
  significant: {
    term: "Significant",
    explanation:
      "Yes when the pair's q-value is at most the false-discovery rate (0.05): found together more often than chance, allowing for every pair tested. A pair can be significant with a lift close to 1 only if it is found in very many reviews.",
  },
} satisfies Record<string, Entry>;

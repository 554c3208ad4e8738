// The records of a review a tag may name (review:3, episode:12, factor:7, finding:2), and what
// each coder sees of the tags on them under blind double coding.

import type { ReviewRead, TagRead } from "../../client/types.gen";
import { type LinkedRecords, short } from "../factors/records";
import type { Target } from "./codes";

export interface TagTarget {
  key: string;
  kind: Target;
  /** The record as a heading names it. */
  label: string;
  /** The record's own screen, if it has one. */
  path: string;
}

export const KIND_WORDS: Record<Target, string> = {
  review: "the review",
  episode: "a key practice episode",
  factor: "a contributory factor",
  finding: "a finding",
};

export const GROUPS: [Target, string][] = [
  ["review", "The review (case context)"],
  ["episode", "Key practice episodes"],
  ["factor", "Contributory factors"],
  ["finding", "Findings"],
];

/** Every record of the review that may be tagged, the review itself first. */
export function tagTargets(review: ReviewRead, linked: LinkedRecords): TagTarget[] {
  const base = `/reviews/${review.id}`;
  return [
    {
      key: `review:${review.id}`,
      kind: "review",
      label: `Review ${review.reference}, ${review.child_pseudonym}`,
      path: `${base}/details`,
    },
    ...linked.episodes.map((e) => ({
      key: `episode:${e.id}`,
      kind: "episode" as const,
      label: short(`KPE ${e.ordinal}: ${e.title}`),
      path: `${base}/episodes/${e.id}`,
    })),
    ...linked.factors.map((f) => ({
      key: `factor:${f.id}`,
      kind: "factor" as const,
      label: short(f.description),
      path: `${base}/factors/${f.id}`,
    })),
    ...linked.findings.map((f) => ({
      key: `finding:${f.id}`,
      kind: "finding" as const,
      label: short(`Finding ${f.ordinal}: ${f.title}`),
      path: `${base}/findings/${f.id}`,
    })),
  ];
}

/** A record's name, or its key when it is no longer in the review. */
export function targetName(targets: Map<string, TagTarget>, key: string): string {
  return targets.get(key)?.label ?? key;
}

/** Where `me` stands in the blind double coding of the review. */
export interface Coding {
  /**
   * Whether `me` no longer codes blind: they submitted their coding, or recorded agreed tags as
   * the review's lead (agreed tags recorded directly are the lead's submitted coding, and an
   * agreed tag is final), as the service counts it. Their tags are then closed.
   */
  submitted: boolean;
  /** Whether it is the lead's agreed tags that closed `me`'s coding, with no blind tag submitted. */
  byAgreedTags: boolean;
  /** `me`'s own blind tags not yet submitted. */
  open: number;
}

export function codingOf(tags: TagRead[], me: string): Coding {
  const own = tags.filter((tag) => tag.coder === me);
  const blind = own.filter((tag) => !tag.agreed);
  const blindSubmitted = blind.some((tag) => tag.submitted);
  const agreed = own.some((tag) => tag.agreed);
  return {
    submitted: blindSubmitted || agreed,
    byAgreedTags: agreed && !blindSubmitted,
    open: blind.filter((tag) => !tag.submitted).length,
  };
}

export type TagState = "agreed" | "mine" | "mine-submitted" | "submitted";

/** What a tag is, to the person reading it. */
export function tagState(tag: TagRead, me: string): TagState {
  if (tag.agreed) return "agreed";
  if (tag.coder === me) return tag.submitted ? "mine-submitted" : "mine";
  return "submitted";
}

export const STATE_WORDS: Record<TagState, string> = {
  agreed: "Agreed",
  mine: "Your coding",
  "mine-submitted": "You submitted",
  submitted: "Submitted",
};

export const STATE_TAGS: Record<TagState, string> = {
  agreed: "govuk-tag--green",
  mine: "govuk-tag--blue",
  "mine-submitted": "govuk-tag--grey",
  submitted: "govuk-tag--grey",
};

/** Whether `me` may remove the tag: their own agreed tags, and their coding until submitted. */
export function removable(tag: TagRead, me: string): boolean {
  return tag.coder === me && (tag.agreed || !tag.submitted);
}

/** The tags by record, agreed ones first. */
export function tagsByTarget(tags: TagRead[]): Map<string, TagRead[]> {
  const found = new Map<string, TagRead[]>();
  for (const tag of tags) found.set(tag.target, [...(found.get(tag.target) ?? []), tag]);
  for (const list of found.values()) list.sort((a, b) => Number(b.agreed) - Number(a.agreed) || a.id - b.id);
  return found;
}

// Words for the values the pattern filters take that the shared words.ts does not hold.

import type { Region, TagTarget } from "../../client/types.gen";

export const REGIONS: Record<Region, string> = {
  north_east: "North East",
  north_west: "North West",
  yorkshire_and_the_humber: "Yorkshire and the Humber",
  east_midlands: "East Midlands",
  west_midlands: "West Midlands",
  east_of_england: "East of England",
  london: "London",
  south_east: "South East",
  south_west: "South West",
};

export const RECORD_KINDS: Record<TagTarget, string> = {
  review: "The review itself (case context)",
  episode: "Key practice episodes",
  factor: "Contributory factors",
  finding: "Findings",
};

// Outside a board's own view the filters select one cell of the lattice (lattice.ts).

export const YEAR_CHOICES = {
  all: "All years",
  one: "One year",
  period: "A three-year period",
} as const;

export const ALL = {
  area: "England (every partnership)",
  reviewType: "All types of review",
  outcome: "All outcomes",
  ageBand: "All ages",
  kind: "All records",
  context: "All case contexts",
};

export const LATTICE_HINT =
  "Figures from outside your partnership are given for one choice of each filter or for all of them, so that no small number can be worked out from two answers.";

export const PUBLISHED_ONLY = "Published reviews only";

/**
 * The largest change the cell key method makes to a count (scr/patterns/perturbation.json):
 * a figure shown as suppressed (fewer than the threshold after the change) may be a true
 * count up to threshold + LARGEST_CHANGE - 1.
 */
export const LARGEST_CHANGE = 3;

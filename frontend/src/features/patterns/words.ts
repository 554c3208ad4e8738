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

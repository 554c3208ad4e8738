// Learning Together's levels of contributory factor, in the words of shared/domain.md.

import type { FactorLevel } from "../../client/types.gen";

export const LEVELS: Record<FactorLevel, string> = {
  family: "The family",
  worker_role: "The worker's own role",
  working_conditions: "Working conditions",
  personal: "Personal factors",
  own_team: "Own team",
  inter_agency_team: "The inter-agency team",
  organisational: "Organisational culture and management",
  wider_context: "The wider political context",
  other: "Other",
};

export function levelLabel(level: string | null | undefined): string {
  return level ? (LEVELS[level as FactorLevel] ?? level) : "";
}

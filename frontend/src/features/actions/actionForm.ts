// An action of the Board's plan as the board member's form holds it, the API's change from
// it, and how it reads beside another person's version.

import type { ActionPlanItem, ActionStatus, ActionUpdate } from "../../client/types.gen";
import type { Compared } from "../../common/Conflict";
import { type DateParts, fromParts, toParts } from "../../common/dates";
import type { Problem } from "../../common/ErrorSummary";
import { ACTION_STATUSES } from "../findings/findingWords";

export interface ActionForm {
  status: ActionStatus;
  ownerRole: string;
  agencyId: string;
  due: DateParts;
  evidence: string;
}

export function formOf(action: ActionPlanItem | null): ActionForm {
  return {
    status: action?.status ?? "planned",
    ownerRole: action?.owner_role ?? "",
    agencyId: action?.agency_id == null ? "" : String(action.agency_id),
    due: toParts(action?.due_date),
    evidence: action?.evidence_of_impact ?? "",
  };
}

/** The change the form describes, or the problems that stop it being sent. */
export function changeOf(form: ActionForm): { change: Omit<ActionUpdate, "version"> } | { problems: Problem[] } {
  const due = fromParts(form.due, "The due date");
  if ("problem" in due) return { problems: [{ field: "due", text: due.problem }] };
  return {
    change: {
      status: form.status,
      owner_role: form.ownerRole.trim() || null,
      agency_id: form.agencyId ? Number(form.agencyId) : null,
      due_date: due.iso,
      evidence_of_impact: form.evidence.trim() || null,
    },
  };
}

/** The API's field names, mapped to the form's ids. */
export const ACTION_FIELDS: Record<string, string> = {
  status: "status",
  owner_role: "owner-role",
  agency_id: "agency",
  due_date: "due",
  evidence_of_impact: "evidence",
};

const words = (value: unknown) => (value == null ? "" : String(value));

/** The fields a board member compares when their edit met someone else's. */
export function comparedActionFields(agencies: Map<number, string>): Compared[] {
  return [
    { label: "Status", show: (a) => ACTION_STATUSES[a.status as ActionStatus] ?? words(a.status) },
    { label: "Owner (role)", show: (a) => words(a.owner_role) },
    { label: "Owner (agency)", show: (a) => (a.agency_id == null ? "" : (agencies.get(Number(a.agency_id)) ?? "")) },
    { label: "Due", show: (a) => words(a.due_date) },
    { label: "Evidence of impact", show: (a) => words(a.evidence_of_impact) },
  ];
}

import type { AgencyRead, ChronologyEntryRead } from "../../client/types.gen";
import type { Compared } from "../../common/Conflict";
import { formatDate, RATINGS } from "../../words";
import { agencyName, entryDate } from "../chronology/entryWords";

const words = (value: unknown) => (value == null ? "" : String(value));

/** The fields of an episode a person compares when their edit met someone else's. */
export function comparedEpisodeFields(agencies: Map<number, AgencyRead>, entries: ChronologyEntryRead[]): Compared[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  return [
    { label: "Number", show: (r) => words(r.ordinal) },
    { label: "Title", show: (r) => words(r.title) },
    { label: "Start of the period", show: (r) => (r.period_start ? formatDate(String(r.period_start)) : "") },
    { label: "End of the period", show: (r) => (r.period_end ? formatDate(String(r.period_end)) : "") },
    {
      label: "Agencies involved",
      show: (r) =>
        list(r.agency_ids)
          .map((id) => agencyName(agencies, Number(id)))
          .sort()
          .join(", "),
    },
    { label: "Roles involved", show: (r) => list(r.roles_involved).join(", ") },
    { label: "What happened", show: (r) => words(r.what_happened) },
    { label: "The view at the time", show: (r) => words(r.view_at_the_time) },
    { label: "Appraisal", show: (r) => words(r.appraisal) },
    {
      label: "Rating",
      show: (r) => (r.appraisal_rating ? RATINGS[r.appraisal_rating as keyof typeof RATINGS] : "Not rated"),
    },
    {
      label: "Chronology entries cited",
      show: (r) =>
        list(r.chronology_entry_ids)
          .map(Number)
          .sort((a, b) => a - b)
          .map((id) => {
            const entry = byId.get(id);
            return entry ? `${entryDate(entry)} (${agencyName(agencies, entry.agency_id)})` : `entry ${id}`;
          })
          .join("; "),
    },
    { label: "What went well", show: (r) => words(r.went_well) },
    { label: "Open queries", show: (r) => words(r.queries) },
    { label: "Suggested changes", show: (r) => words(r.suggested_changes) },
  ];
}

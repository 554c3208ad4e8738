// The episode editor's fields as typed, and the API's episode from and to them.

import type { AppraisalRating, EpisodeCreate, EpisodeRead } from "../../client/types.gen";
import { type DateParts, fromParts, NO_DATE, toParts } from "../../common/dates";
import type { Problem } from "../../common/ErrorSummary";
import { readOrdinal } from "../../common/ordinal";

export interface EpisodeForm {
  ordinal: string;
  title: string;
  start: DateParts;
  end: DateParts;
  agencies: string[];
  roles: string;
  whatHappened: string;
  viewAtTheTime: string;
  appraisal: string;
  rating: AppraisalRating | "";
  entries: string[];
  wentWell: string;
  queries: string;
  suggestedChanges: string;
}

export function formOf(episode: EpisodeRead | null): EpisodeForm {
  return {
    ordinal: episode ? String(episode.ordinal) : "",
    title: episode?.title ?? "",
    start: episode ? toParts(episode.period_start) : NO_DATE,
    end: episode ? toParts(episode.period_end) : NO_DATE,
    agencies: (episode?.agency_ids ?? []).map(String),
    roles: (episode?.roles_involved ?? []).join("\n"),
    whatHappened: episode?.what_happened ?? "",
    viewAtTheTime: episode?.view_at_the_time ?? "",
    appraisal: episode?.appraisal ?? "",
    rating: episode?.appraisal_rating ?? "",
    entries: (episode?.chronology_entry_ids ?? []).map(String),
    wentWell: episode?.went_well ?? "",
    queries: episode?.queries ?? "",
    suggestedChanges: episode?.suggested_changes ?? "",
  };
}

const text = (value: string) => value.trim() || null;

/** The episode the form describes, or the problems that stop it being sent. */
export function episodeOf(
  form: EpisodeForm,
): { episode: EpisodeCreate & { ordinal?: number } } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const number = readOrdinal(form.ordinal);
  if ("problem" in number) problems.push({ field: "ordinal", text: number.problem });
  const ordinal = "ordinal" in number ? number.ordinal : undefined;
  if (!form.title.trim()) problems.push({ field: "title", text: "Enter a title for the episode" });
  const start = fromParts(form.start, "The start of the period");
  const end = fromParts(form.end, "The end of the period");
  if ("problem" in start) problems.push({ field: "period-start", text: start.problem });
  if ("problem" in end) problems.push({ field: "period-end", text: end.problem });
  if ("iso" in start && "iso" in end && start.iso && end.iso && end.iso < start.iso) {
    problems.push({ field: "period-end", text: "The end of the period must be on or after its start" });
  }
  if (problems.length > 0 || !("iso" in start) || !("iso" in end)) return { problems };
  return {
    episode: {
      ...(ordinal !== undefined ? { ordinal } : {}),
      title: form.title.trim(),
      period_start: start.iso,
      period_end: end.iso,
      agency_ids: form.agencies.map(Number),
      roles_involved: form.roles
        .split("\n")
        .map((role) => role.trim())
        .filter(Boolean),
      what_happened: text(form.whatHappened),
      view_at_the_time: text(form.viewAtTheTime),
      appraisal: text(form.appraisal),
      appraisal_rating: form.rating || null,
      chronology_entry_ids: form.entries.map(Number),
      went_well: text(form.wentWell),
      queries: text(form.queries),
      suggested_changes: text(form.suggestedChanges),
    },
  };
}

/** The API's field names, mapped to the form's ids (for the service's own problems). */
export const EPISODE_FIELDS: Record<string, string> = {
  ordinal: "ordinal",
  title: "title",
  period_start: "period-start",
  period_end: "period-end",
  agency_ids: "agencies",
  roles_involved: "roles",
  what_happened: "what-happened",
  view_at_the_time: "view-at-the-time",
  appraisal: "appraisal",
  appraisal_rating: "rating",
  chronology_entry_ids: "entries",
  went_well: "went-well",
  queries: "queries",
  suggested_changes: "suggested-changes",
};

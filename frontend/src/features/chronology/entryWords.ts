import type { AgencyRead, ChronologyEntryRead } from "../../client/types.gen";
import type { Compared } from "../../common/Conflict";
import { formatDate, PRECISIONS } from "../../words";

export function agencyName(agencies: Map<number, AgencyRead>, id: number): string {
  return agencies.get(id)?.name ?? `Agency ${id}`;
}

export function entryDate(entry: Pick<ChronologyEntryRead, "entry_date" | "date_precision">) {
  return formatDate(entry.entry_date, entry.date_precision);
}

/** The fields of an entry a person compares when their edit met someone else's. */
export function comparedEntryFields(agencies: Map<number, AgencyRead>): Compared[] {
  return [
    { label: "Date", show: (r) => formatDate(r.entry_date as string, r.date_precision as never) },
    { label: "Date known to", show: (r) => PRECISIONS[r.date_precision as keyof typeof PRECISIONS] ?? "" },
    { label: "Agency", show: (r) => agencyName(agencies, Number(r.agency_id)) },
    { label: "Summary", show: (r) => String(r.summary ?? "") },
    { label: "Source", show: (r) => String(r.source ?? "") },
    { label: "Significant", show: (r) => (r.significant ? "Yes" : "No") },
  ];
}

/** What a person typed to find entries, as the chronology list's query (empty filters left out). */
export function entryQuery(found: {
  words?: string;
  agency?: string;
  from?: string;
  to?: string;
  significantOnly?: boolean;
}): { q?: string; agency_id?: number; date_from?: string; date_to?: string; significant?: boolean } {
  const iso = (text?: string) => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined);
  const query = {
    q: found.words?.trim() || undefined,
    agency_id: found.agency ? Number(found.agency) : undefined,
    date_from: iso(found.from),
    date_to: iso(found.to),
    significant: found.significantOnly ? true : undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

import { useNavigate, useParams } from "react-router-dom";

import { ok } from "../../api";
import { chronologyCreate, chronologyRead, chronologyUpdate } from "../../client/sdk.gen";
import type { ChronologyEntryRead, DatePrecision } from "../../client/types.gen";
import { DateInput } from "../../common/DateInput";
import { type DateParts, fromParts, NO_DATE, toParts } from "../../common/dates";
import { EditorForm, EditorPage, useEditor } from "../../common/editor";
import type { Problem } from "../../common/ErrorSummary";
import { Checkbox, Radios, Select, TextArea, TextInput } from "../../common/fields";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { useEditable, useReview } from "../review/ReviewLayout";
import { PRECISIONS } from "../../words";
import { comparedEntryFields } from "./entryWords";

interface Form {
  precision: DatePrecision;
  date: DateParts;
  agency: string;
  summary: string;
  time: string;
  source: string;
  authorRole: string;
  significant: boolean;
}

function formOf(entry: ChronologyEntryRead | null): Form {
  if (!entry) {
    return {
      precision: "day",
      date: NO_DATE,
      time: "",
      agency: "",
      summary: "",
      source: "",
      authorRole: "",
      significant: false,
    };
  }
  return {
    precision: entry.date_precision,
    date: toParts(entry.entry_date, entry.date_precision),
    agency: String(entry.agency_id),
    summary: entry.summary,
    time: entry.entry_time?.slice(0, 5) ?? "",
    source: entry.source ?? "",
    authorRole: entry.author_role ?? "",
    significant: entry.significant,
  };
}

/** "14:30" as the API's time, "" as none; undefined if it is no time of day. */
function timeOf(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(trimmed);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return undefined;
  return `${match[1].padStart(2, "0")}:${match[2]}:00`;
}

/** Add a chronology entry, or change one (the page at .../chronology/new or .../chronology/ID). */
export function ChronologyEntryPage() {
  const { review } = useReview();
  const entryId = useParams().entryId;
  const [loaded] = useLoad(
    (signal) =>
      entryId
        ? ok(chronologyRead({ path: { review_id: review.id, entry_id: Number(entryId) }, signal }))
        : Promise.resolve(null),
    [review.id, entryId],
  );
  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="chronology entry" />;
  return <EntryForm key={entryId ?? "new"} entry={loaded.data} />;
}

function EntryForm({ entry }: { entry: ChronologyEntryRead | null }) {
  const { review, agencies } = useReview();
  const navigate = useNavigate();
  const editable = useEditable();
  const editor = useEditor({ record: entry, formOf, fields: FIELDS, editable });
  const { base, form, set, field, errorOf, conflictNotice } = editor;
  const list = `/reviews/${review.id}/chronology`;

  const agencyOptions = [...agencies.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((agency): [string, string] => [String(agency.id), agency.name]);

  function check():
    | { body: Omit<ChronologyEntryRead, "id" | "version" | "created_at" | "updated_at" | "updated_by" | "review_id"> }
    | { problems: Problem[] } {
    const found: Problem[] = [];
    const date = fromParts(form.date, "The date", form.precision);
    if ("problem" in date) found.push({ field: "entry-date", text: date.problem });
    else if (date.iso === null) found.push({ field: "entry-date", text: "Enter the date of the entry" });
    if (!form.agency) found.push({ field: "agency", text: "Choose the agency whose record this is" });
    if (!form.summary.trim()) found.push({ field: "summary", text: "Enter a summary of what the record says" });
    const time = form.precision === "day" ? timeOf(form.time) : null;
    if (time === undefined)
      found.push({ field: "entry-time", text: "Enter the time as hours and minutes, like 14:30" });
    if (found.length > 0 || !("iso" in date) || date.iso === null || time === undefined) return { problems: found };
    return {
      body: {
        entry_date: date.iso,
        date_precision: form.precision,
        entry_time: time,
        agency_id: Number(form.agency),
        summary: form.summary.trim(),
        source: form.source.trim() || null,
        author_role: form.authorRole.trim() || null,
        significant: form.significant,
      },
    };
  }

  const submit = editor.submit(
    check,
    (checked, version) =>
      base
        ? ok(
            chronologyUpdate({
              path: { review_id: review.id, entry_id: base.id },
              body: { version, ...checked.body },
            }),
          )
        : ok(chronologyCreate({ path: { review_id: review.id }, body: checked.body })),
    () => navigate(list, { state: { saved: base ? "The entry was changed." : "The entry was added." } }),
  );

  const yours = (() => {
    const date = fromParts(form.date, "The date", form.precision);
    return {
      entry_date: "iso" in date ? date.iso : null,
      date_precision: form.precision,
      agency_id: Number(form.agency),
      summary: form.summary,
      source: form.source || null,
      author_role: form.authorRole || null,
      significant: form.significant,
    };
  })();

  return (
    <EditorPage
      editor={editor}
      back="Back to the chronology"
      backTo={list}
      notices={conflictNotice(yours, comparedEntryFields(agencies))}
      heading={!base ? "Add a chronology entry" : editable ? "Change a chronology entry" : "Chronology entry"}
    >
      <EditorForm editor={editor} onSubmit={submit} isNew={!base} add="Add the entry" cancelTo={list}>
        <Radios
          id="precision"
          label="How much of the date is known?"
          hint="Records often give only a month, like ‘March 2019’."
          inline
          value={form.precision}
          options={Object.entries(PRECISIONS)}
          onChange={(value) => set("precision")(value as DatePrecision)}
        />
        <DateInput
          id="entry-date"
          label="Date"
          hint={
            form.precision === "day"
              ? "For example, 19 1 2022"
              : form.precision === "month"
                ? "For example, 3 2019"
                : "For example, 2019"
          }
          precision={form.precision}
          value={form.date}
          error={errorOf("entry-date")}
          onChange={set("date")}
        />
        {form.precision === "day" && (
          <TextInput
            {...field("time", "entry-time")}
            label="Time (optional)"
            hint="Where the record gives it, for example 14:30"
            width="govuk-input--width-4"
          />
        )}
        <Select {...field("agency")} label="Agency" empty="Choose an agency" options={agencyOptions} />
        <TextArea
          {...field("summary")}
          label="Summary"
          hint="What the record says happened. Name people by their role (‘health visitor 1’), never by name."
        />
        <TextInput {...field("source")} label="Source (optional)" hint="For example, GP records" />
        <TextInput
          {...field("authorRole")}
          label="Author's role (optional)"
          hint="Who wrote the record, by role and never by name: ‘health visitor 1’"
        />
        <Checkbox
          id="significant"
          label="Significant"
          hint="The entry mattered to how the case developed."
          checked={form.significant}
          onChange={set("significant")}
        />
      </EditorForm>
    </EditorPage>
  );
}

/** Where the API's field names land on this form. */
const FIELDS: Record<string, string> = {
  entry_date: "entry-date",
  date_precision: "precision",
  agency_id: "agency",
  summary: "summary",
  entry_time: "entry-time",
  source: "source",
  author_role: "author-role",
  significant: "significant",
};

import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";

import { ok } from "../../api";
import { chronologyRead, episodesCreate, episodesRead, episodesUpdate } from "../../client/sdk.gen";
import type { AppraisalRating, ChronologyEntryRead, EpisodeRead } from "../../client/types.gen";
import { DateInput } from "../../common/DateInput";
import { EditorForm, EditorPage, OrdinalInput, useEditor } from "../../common/editor";
import { Checkboxes, Radios, TextArea, TextInput } from "../../common/fields";
import { mayChange, useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { RecordView } from "../../common/RecordView";
import { formatDate, RATINGS } from "../../words";
import { useEditable, useReview } from "../review/ReviewLayout";
import { CitationPicker } from "./CitationPicker";
import { comparedEpisodeFields } from "./compared";
import { EPISODE_FIELDS, episodeOf, formOf } from "./episodeForm";

/** Add a key practice episode, or change one (.../episodes/new or .../episodes/ID). */
export function EpisodePage() {
  const { review } = useReview();
  const episodeId = useParams().episodeId;
  const [loaded] = useLoad(
    async (signal) => {
      const episode = episodeId
        ? await ok(episodesRead({ path: { review_id: review.id, episode_id: Number(episodeId) }, signal }))
        : null;
      // Only the entries it cites: the chronology itself is searched in the picker.
      const entries = await Promise.all(
        (episode?.chronology_entry_ids ?? []).map((entry_id) =>
          ok(chronologyRead({ path: { review_id: review.id, entry_id }, signal })),
        ),
      );
      return { entries, episode };
    },
    [review.id, episodeId],
  );
  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="episode" />;
  return <EpisodeEditor key={episodeId ?? "new"} episode={loaded.data.episode} entries={loaded.data.entries} />;
}

const HINTS = {
  whatHappened: "The act, omission or period of work: who was involved, and when.",
  viewAtTheTime:
    "Local rationality: what the practitioners thought was going on, what they attended to, their aims, the options they saw and the demands competing for their time. Why it made sense then.",
  appraisal: "Judge the practice on what was knowable at the time, never on what became known later (hindsight).",
};

export function EpisodeEditor({ episode, entries }: { episode: EpisodeRead | null; entries: ChronologyEntryRead[] }) {
  const session = useSession();
  const { review, agencies } = useReview();
  const navigate = useNavigate();
  const editable = useEditable();
  const editor = useEditor({ record: episode, formOf, fields: EPISODE_FIELDS, editable });
  const { base, form, set, field, errorOf, conflictNotice } = editor;
  const list = `/reviews/${review.id}/episodes`;

  const read = episodeOf(form);
  const periodStart = "episode" in read ? (read.episode.period_start ?? null) : null;
  const periodEnd = "episode" in read ? (read.episode.period_end ?? read.episode.period_start ?? null) : null;
  const agencyOptions = [...agencies.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((agency) => ({ value: String(agency.id), label: agency.name }));
  const [known, setKnown] = useState(() => new Map(entries.map((entry) => [entry.id, entry])));
  const cited = form.entries
    .map((id) => known.get(Number(id)))
    .filter((entry): entry is ChronologyEntryRead => entry !== undefined);

  const submit = editor.submit(
    () => episodeOf(form),
    (checked, version) =>
      base
        ? ok(
            episodesUpdate({
              path: { review_id: review.id, episode_id: base.id },
              body: { version, ...checked.episode },
            }),
          )
        : ok(episodesCreate({ path: { review_id: review.id }, body: checked.episode })),
    (saved) =>
      navigate(list, {
        state: { saved: base ? `KPE ${saved.ordinal} was changed.` : `KPE ${saved.ordinal} was added.` },
      }),
  );

  return (
    <EditorPage
      editor={editor}
      back="Back to the key practice episodes"
      backTo={list}
      notices={conflictNotice(
        "episode" in read ? { ...read.episode } : {},
        comparedEpisodeFields(agencies, [...known.values()]),
      )}
      heading={base ? `KPE ${base.ordinal}: ${base.title}` : "Add a key practice episode"}
      readOnly={!mayChange(session) && "You can read this episode; only the review's reviewers change it."}
    >
      {!mayChange(session) && base ? (
        <RecordView
          label={`KPE ${base.ordinal}`}
          rows={[
            ["Period", periodText(base.period_start, base.period_end)],
            ["Agencies involved", base.agency_ids.map((id) => agencies.get(id)?.name ?? `Agency ${id}`).join(", ")],
            ["Roles involved", base.roles_involved.join(", ")],
            ["What happened", base.what_happened],
            ["The practitioners' view at the time", base.view_at_the_time],
            ["Appraisal of the practice", base.appraisal],
            ["Rating", base.appraisal_rating ? RATINGS[base.appraisal_rating] : null],
            ["What went well, and why", base.went_well],
            ["Open queries", base.queries],
            ["Changes the practitioners suggest", base.suggested_changes],
            [
              "Chronology entries it rests on",
              cited.length > 0 ? (
                <ul className="govuk-list">
                  {cited.map((entry) => (
                    <li key={entry.id}>
                      {formatDate(entry.entry_date, entry.date_precision)},{" "}
                      {agencies.get(entry.agency_id)?.name ?? `Agency ${entry.agency_id}`}: {entry.summary}
                    </li>
                  ))}
                </ul>
              ) : null,
            ],
          ]}
        />
      ) : (
        <EditorForm
          editor={editor}
          onSubmit={submit}
          className="scr-editor"
          isNew={!base}
          add="Add the episode"
          cancelTo={list}
        >
          <h2 className="govuk-heading-m">What happened</h2>
          <TextInput
            {...field("title")}
            label="Title"
            hint="A short name for the episode, like ‘Booking appointment: routine enquiry not made’."
          />
          <OrdinalInput {...field("ordinal")} isNew={!base} what="episode" order="the review's order of episodes" />
          <DateInput
            {...field("start", "period-start")}
            label="Start of the period (optional)"
            hint="For a single act, the day it happened. For example, 10 3 2022"
          />
          <DateInput
            {...field("end", "period-end")}
            label="End of the period (optional)"
            hint="Leave it empty for a single act."
          />
          <Checkboxes
            id="agencies"
            columns
            label="Agencies involved"
            values={form.agencies}
            options={agencyOptions}
            error={errorOf("agencies")}
            onChange={set("agencies")}
          />
          <TextArea
            {...field("roles")}
            label="Roles involved"
            hint="One a line, by role and never by name: ‘health visitor 1’, ‘social worker 2’."
            rows={3}
          />
          <TextArea {...field("whatHappened")} label="What happened" hint={HINTS.whatHappened} />

          <h2 className="govuk-heading-m">The view at the time</h2>
          <TextArea
            {...field("viewAtTheTime")}
            label="The practitioners' view at the time"
            hint={HINTS.viewAtTheTime}
            rows={6}
          />

          <h2 className="govuk-heading-m">Appraisal</h2>
          <TextArea {...field("appraisal")} label="Appraisal of the practice" hint={HINTS.appraisal} rows={6} />
          <Radios
            id="rating"
            label="Rating"
            value={form.rating}
            options={[...Object.entries(RATINGS), ["", "Not rated yet"]]}
            error={errorOf("rating")}
            onChange={(value) => set("rating")(value as AppraisalRating | "")}
          />
          <CitationPicker
            cited={cited}
            periodStart={periodStart}
            periodEnd={periodEnd}
            error={errorOf("entries")}
            onCite={(entry) => {
              setKnown(new Map(known).set(entry.id, entry));
              set("entries")([...form.entries, String(entry.id)]);
            }}
            onRemove={(entry) => set("entries")(form.entries.filter((id) => id !== String(entry.id)))}
          />

          <h2 className="govuk-heading-m">Learning</h2>
          <TextArea {...field("wentWell")} label="What went well, and why" rows={4} />
          <TextArea
            {...field("queries")}
            label="Open queries"
            hint="What the review still needs to find out."
            rows={4}
          />
          <TextArea {...field("suggestedChanges")} label="Changes the practitioners suggest" rows={4} />
        </EditorForm>
      )}
    </EditorPage>
  );
}

function periodText(start: string | null, end: string | null): string | null {
  if (!start) return null;
  return end && end !== start ? `${formatDate(start)} to ${formatDate(end)}` : formatDate(start);
}

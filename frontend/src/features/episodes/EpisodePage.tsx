import type { FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";

import { everything, ok } from "../../api";
import { chronologyList, episodesCreate, episodesRead, episodesUpdate } from "../../client/sdk.gen";
import type { AppraisalRating, ChronologyEntryRead, EpisodeRead } from "../../client/types.gen";
import { DateInput } from "../../common/DateInput";
import { earliestDay } from "../../common/dates";
import { SaveOrCancel, useEditor } from "../../common/editor";
import { ErrorSummary } from "../../common/ErrorSummary";
import { Checkboxes, Radios, TextArea, TextInput } from "../../common/fields";
import { mayChange, useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { RATINGS } from "../../words";
import { agencyName, entryDate } from "../chronology/entryWords";
import { useReview } from "../review/ReviewLayout";
import { comparedEpisodeFields } from "./compared";
import { EPISODE_FIELDS, episodeOf, formOf } from "./episodeForm";

/** Add a key practice episode, or change one (.../episodes/new or .../episodes/ID). */
export function EpisodePage() {
  const { review } = useReview();
  const episodeId = useParams().episodeId;
  const [loaded] = useLoad(
    async (signal) => {
      const entries = await everything((offset) =>
        ok(chronologyList({ path: { review_id: review.id }, query: { limit: 200, offset }, signal })),
      );
      const episode = episodeId
        ? await ok(episodesRead({ path: { review_id: review.id, episode_id: Number(episodeId) }, signal }))
        : null;
      return { entries, episode };
    },
    [review.id, episodeId],
  );
  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="episode" />;
  return (
    <EpisodeEditor key={episodeId ?? "new"} episode={loaded.data.episode} entries={loaded.data.entries} />
  );
}

const HINTS = {
  whatHappened: "The act, omission or period of work: who was involved, and when.",
  viewAtTheTime:
    "Local rationality: what the practitioners thought was going on, what they attended to, their aims, the options they saw and the demands competing for their time. Why it made sense then.",
  appraisal:
    "Judge the practice on what was knowable at the time, never on what became known later (hindsight).",
};

export function EpisodeEditor({
  episode,
  entries,
}: {
  episode: EpisodeRead | null;
  entries: ChronologyEntryRead[];
}) {
  const session = useSession();
  const { review, agencies } = useReview();
  const navigate = useNavigate();
  const editable = mayChange(session);
  const { base, form, set, problems, refuse, errorOf, busy, leaveWarning, save, conflictNotice } = useEditor({
    record: episode,
    formOf,
    fields: EPISODE_FIELDS,
    editable,
  });
  const list = `/reviews/${review.id}/episodes`;

  const read = episodeOf(form);
  const periodEnd = "episode" in read ? (read.episode.period_end ?? read.episode.period_start) : null;
  const agencyOptions = [...agencies.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((agency) => ({ value: String(agency.id), label: agency.name }));
  const entryOptions = entries.map((entry) => {
    const later = Boolean(periodEnd && earliestDay(entry.entry_date, entry.date_precision) > periodEnd);
    return {
      value: String(entry.id),
      label: (
        <>
          {entryDate(entry)}, {agencyName(agencies, entry.agency_id)}
          {entry.significant && <strong className="govuk-tag govuk-tag--orange scr-inline-tag">Significant</strong>}
        </>
      ),
      hint: (
        <>
          {entry.summary}
          {later && (
            <strong className="govuk-!-display-block govuk-!-margin-top-1">
              Dated after the episode: citing it in the appraisal would be hindsight.
            </strong>
          )}
        </>
      ),
    };
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = episodeOf(form);
    if ("problems" in checked) return refuse(checked.problems);
    await save(
      (version) =>
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
          state: { saved: base ? `Episode ${saved.ordinal} was changed.` : `Episode ${saved.ordinal} was added.` },
        }),
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
      <Link className="govuk-back-link" to={list}>
        Back to the key practice episodes
      </Link>
      {leaveWarning}
      <ErrorSummary problems={problems} />
      {conflictNotice("episode" in read ? { ...read.episode } : {}, comparedEpisodeFields(agencies, entries))}
      <h1 className="govuk-heading-l">
        {base ? `Episode ${base.ordinal}: ${base.title}` : "Add a key practice episode"}
      </h1>
      {!editable && (
        <p className="govuk-inset-text">You can read this episode; only the review's reviewers change it.</p>
      )}
      <form noValidate onSubmit={submit} className="scr-editor">
        <fieldset className="scr-plain-fieldset" disabled={!editable}>
          <h2 className="govuk-heading-m">What happened</h2>
          <TextInput
            id="title"
            label="Title"
            hint="A short name for the episode, like ‘Booking appointment: routine enquiry not made’."
            value={form.title}
            error={errorOf("title")}
            onChange={set("title")}
          />
          <TextInput
            id="ordinal"
            label="Number (optional)"
            hint={base ? "Its place in the review's order of episodes." : "Leave it empty to add the episode at the end."}
            width="govuk-input--width-4"
            inputMode="numeric"
            value={form.ordinal}
            error={errorOf("ordinal")}
            onChange={set("ordinal")}
          />
          <DateInput
            id="period-start"
            label="Start of the period (optional)"
            hint="For a single act, the day it happened. For example, 10 3 2022"
            value={form.start}
            error={errorOf("period-start")}
            onChange={set("start")}
          />
          <DateInput
            id="period-end"
            label="End of the period (optional)"
            hint="Leave it empty for a single act."
            value={form.end}
            error={errorOf("period-end")}
            onChange={set("end")}
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
            id="roles"
            label="Roles involved"
            hint="One a line, by role and never by name: ‘health visitor 1’, ‘social worker 2’."
            rows={3}
            value={form.roles}
            error={errorOf("roles")}
            onChange={set("roles")}
          />
          <TextArea
            id="what-happened"
            label="What happened"
            hint={HINTS.whatHappened}
            value={form.whatHappened}
            error={errorOf("what-happened")}
            onChange={set("whatHappened")}
          />

          <h2 className="govuk-heading-m">The view at the time</h2>
          <TextArea
            id="view-at-the-time"
            label="The practitioners' view at the time"
            hint={HINTS.viewAtTheTime}
            rows={6}
            value={form.viewAtTheTime}
            error={errorOf("view-at-the-time")}
            onChange={set("viewAtTheTime")}
          />

          <h2 className="govuk-heading-m">Appraisal</h2>
          <TextArea
            id="appraisal"
            label="Appraisal of the practice"
            hint={HINTS.appraisal}
            rows={6}
            value={form.appraisal}
            error={errorOf("appraisal")}
            onChange={set("appraisal")}
          />
          <Radios
            id="rating"
            label="Rating"
            value={form.rating}
            options={[...Object.entries(RATINGS), ["", "Not rated yet"]]}
            error={errorOf("rating")}
            onChange={(value) => set("rating")(value as AppraisalRating | "")}
          />
          {entryOptions.length > 0 ? (
            <Checkboxes
              id="entries"
              label="Chronology entries the appraisal relies on"
              hint="Cite the records the appraisal is based on. An entry dated after the episode is flagged: it was not knowable at the time."
              values={form.entries}
              options={entryOptions}
              error={errorOf("entries")}
              onChange={set("entries")}
            />
          ) : (
            <p className="govuk-body">
              The chronology has no entries to cite yet.{" "}
              <Link className="govuk-link" to={`/reviews/${review.id}/chronology/new`}>
                Add a chronology entry
              </Link>
            </p>
          )}

          <h2 className="govuk-heading-m">Learning</h2>
          <TextArea
            id="went-well"
            label="What went well, and why"
            rows={4}
            value={form.wentWell}
            error={errorOf("went-well")}
            onChange={set("wentWell")}
          />
          <TextArea
            id="queries"
            label="Open queries"
            hint="What the review still needs to find out."
            rows={4}
            value={form.queries}
            error={errorOf("queries")}
            onChange={set("queries")}
          />
          <TextArea
            id="suggested-changes"
            label="Changes the practitioners suggest"
            rows={4}
            value={form.suggestedChanges}
            error={errorOf("suggested-changes")}
            onChange={set("suggestedChanges")}
          />
          {editable && (
            <SaveOrCancel isNew={!base} add="Add the episode" busy={busy} cancelTo={list} />
          )}
        </fieldset>
      </form>
      </div>
    </div>
  );
}

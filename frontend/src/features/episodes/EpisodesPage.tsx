import { Link, useLocation } from "react-router-dom";

import { everything, ok } from "../../api";
import { episodesList } from "../../client/sdk.gen";
import type { EpisodeRead } from "../../client/types.gen";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { formatDate, RATINGS } from "../../words";
import { RecordTable } from "../../common/RecordTable";
import { Saved } from "../../common/Saved";
import { useEditable, useReview } from "../review/ReviewLayout";

export function period(episode: Pick<EpisodeRead, "period_start" | "period_end">): string {
  const { period_start: start, period_end: end } = episode;
  if (!start && !end) return "Not recorded";
  if (start && (!end || end === start)) return formatDate(start);
  if (!start) return `Until ${formatDate(end)}`;
  return `${formatDate(start)} to ${formatDate(end)}`;
}

/** The key practice episodes the reviewers selected, in order. */
export function EpisodesPage() {
  const { review } = useReview();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [loaded] = useLoad(
    (signal) =>
      everything((offset) =>
        ok(episodesList({ path: { review_id: review.id }, query: { limit: 200, offset }, signal })),
      ),
    [review.id],
  );
  const editable = useEditable();

  return (
    <>
      <Saved what={saved} />
      <h1 className="govuk-heading-l">Key practice episodes</h1>
      <p className="govuk-body">
        The episodes that mattered to how the case developed, good practice as well as poor: each with the
        practitioners' view at the time and an appraisal made without hindsight.
      </p>
      {editable && (
        <Link className="govuk-button" to={`/reviews/${review.id}/episodes/new`}>
          Add an episode
        </Link>
      )}
      <LoadProblem loaded={loaded} what="episodes" />
      {loaded.state === "ready" && loaded.data.length === 0 && (
        <p className="govuk-body">No key practice episodes have been added yet.</p>
      )}
      {loaded.state === "ready" && loaded.data.length > 0 && (
        <RecordTable
          caption="Episodes"
          records={loaded.data}
          columns={[
            { header: "Number", cell: (episode) => episode.ordinal },
            {
              header: "Episode",
              cell: (episode) => (
                <Link className="govuk-link" to={`/reviews/${review.id}/episodes/${episode.id}`}>
                  {episode.title}
                </Link>
              ),
            },
            { header: "When", cell: period },
            {
              header: "Appraisal",
              cell: (episode) =>
                episode.appraisal_rating ? (
                  <strong className={`govuk-tag ${RATING_TAG[episode.appraisal_rating]}`}>
                    {RATINGS[episode.appraisal_rating]}
                  </strong>
                ) : (
                  "Not appraised yet"
                ),
            },
            {
              header: "Chronology entries cited",
              numeric: true,
              cell: (episode) => episode.chronology_entry_ids.length,
            },
          ]}
        />
      )}
    </>
  );
}

const RATING_TAG: Record<keyof typeof RATINGS, string> = {
  good_practice: "govuk-tag--green",
  as_expected: "govuk-tag--blue",
  below_expected: "govuk-tag--orange",
  not_assessable: "govuk-tag--grey",
};

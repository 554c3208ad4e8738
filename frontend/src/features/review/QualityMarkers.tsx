import { type FormEvent, Fragment, useState } from "react";

import { ApiError, ok } from "../../api";
import { reviewsUpdate } from "../../client/sdk.gen";
import type { MarkerStatus, QualityMarkerRead } from "../../client/types.gen";
import { ErrorSummary } from "../../common/ErrorSummary";
import { Select, TextInput } from "../../common/fields";
import { useEditable, useReview } from "./ReviewLayout";

export const MARKER_STATUSES: Record<MarkerStatus, string> = {
  not_assessed: "Not yet assessed",
  met: "Met",
  partly_met: "Partly met",
  not_met: "Not met",
  not_applicable: "Not applicable",
};

const TAGS: Record<MarkerStatus, string> = {
  not_assessed: "govuk-tag--grey",
  met: "govuk-tag--green",
  partly_met: "govuk-tag--yellow",
  not_met: "govuk-tag--red",
  not_applicable: "govuk-tag--grey",
};

/**
 * SCIE's 18 quality markers of a good review, in their three groups, each with its status
 * and note: a checklist on the overview, and the report's last appendix.
 */
export function QualityMarkers() {
  const { review, setReview } = useReview();
  const [editing, setEditing] = useState(false);
  const [marks, setMarks] = useState<QualityMarkerRead[]>(review.quality_markers);
  const [problem, setProblem] = useState<string | null>(null);
  const groups = [...new Set(review.quality_markers.map((m) => m.group))];
  const editable = useEditable();

  function change(marker: string, part: Partial<QualityMarkerRead>) {
    setMarks((now) => now.map((m) => (m.marker === marker ? { ...m, ...part } : m)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    try {
      const saved = await ok(
        reviewsUpdate({
          path: { review_id: review.id },
          body: {
            version: review.version,
            quality_markers: marks
              .filter((m) => m.status !== "not_assessed" || m.note)
              .map((m) => ({ marker: m.marker, status: m.status, note: m.note?.trim() || null })),
          },
        }),
      );
      setReview(saved);
      setMarks(saved.quality_markers);
      setEditing(false);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem((error.body as { detail?: string }).detail ?? "The markers could not be saved.");
    }
  }

  return (
    <>
      <h2 className="govuk-heading-m">Quality markers</h2>
      <p className="govuk-body">
        SCIE's quality markers of a good case review, in three groups: setting it up, running it, and its outputs. The
        report lists them in its last appendix.
      </p>
      <ErrorSummary problems={problem ? [{ text: problem }] : []} />
      <form noValidate onSubmit={submit}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">The 18 quality markers</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Marker
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Note
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {groups.map((group) => (
              <Fragment key={group}>
                <tr className="govuk-table__row">
                  <th scope="colgroup" colSpan={3} className="govuk-table__header">
                    {group}
                  </th>
                </tr>
                {(editing ? marks : review.quality_markers)
                  .filter((m) => m.group === group)
                  .map((m) => (
                    <tr className="govuk-table__row" key={m.marker}>
                      <th scope="row" className="govuk-table__header">
                        {m.label}
                      </th>
                      <td className="govuk-table__cell">
                        {editing ? (
                          <Select
                            id={`marker-${m.marker}`}
                            label={`Status of ${m.label}`}
                            value={m.status}
                            options={Object.entries(MARKER_STATUSES)}
                            onChange={(value) => change(m.marker, { status: value as MarkerStatus })}
                          />
                        ) : (
                          <strong className={`govuk-tag ${TAGS[m.status]}`}>{MARKER_STATUSES[m.status]}</strong>
                        )}
                      </td>
                      <td className="govuk-table__cell">
                        {editing ? (
                          <TextInput
                            id={`marker-${m.marker}-note`}
                            label={`Note on ${m.label} (optional)`}
                            value={m.note ?? ""}
                            onChange={(value) => change(m.marker, { note: value })}
                          />
                        ) : (
                          m.note
                        )}
                      </td>
                    </tr>
                  ))}
              </Fragment>
            ))}
          </tbody>
        </table>
        {editable &&
          (editing ? (
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button">
                Save the quality markers
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => {
                  setMarks(review.quality_markers);
                  setEditing(false);
                }}
              >
                Cancel
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                setMarks(review.quality_markers);
                setEditing(true);
              }}
            >
              Assess the quality markers
            </button>
          ))}
      </form>
    </>
  );
}

import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router-dom";

import { ok } from "../../api";
import { reviewsCreate, reviewsUpdate } from "../../client/sdk.gen";
import type { AgeBand, BoardRead, LearningTogetherSize, Outcome, ReviewRead, ReviewType } from "../../client/types.gen";
import { DateInput } from "../../common/DateInput";
import { EditorPage, SaveOrCancel, useEditor } from "../../common/editor";
import { Checkboxes, Radios, Select, TextArea, TextInput } from "../../common/fields";
import { explanations, REVIEW_TYPE_ENTRIES, SIZE_ENTRIES } from "../../common/glossary";
import { Explanations } from "../../common/Term";
import { AGE_BANDS, OUTCOMES, REVIEW_TYPES, SIZES } from "../../words";
import { COMPARED_REVIEW_FIELDS, type ContextGroup, formOf, REVIEW_FIELDS, reviewOf } from "./reviewForm";

const REVIEW_TYPE_HINTS = explanations(REVIEW_TYPE_ENTRIES);

/**
 * The review's own details: opening a new review (`boards` to choose from), or changing an
 * open one (`review`, with the version it was read at).
 */
export function ReviewDetailsEditor(props: {
  review: ReviewRead | null;
  boards?: BoardRead[];
  contextGroups: ContextGroup[];
  /** What the case-context codes are for the reader (`formCodesNote`). */
  codesNote: string;
  onSaved?: (review: ReviewRead) => void;
}) {
  const navigate = useNavigate();
  const boards = props.boards ?? [];
  const onlyBoard = boards.length === 1 ? String(boards[0].id) : "";
  const [board, setBoard] = useState(onlyBoard);
  // A new review asks once more for its partnership before it is opened: it stays there.
  const [confirming, setConfirming] = useState(false);
  const chosen = boards.find((b) => String(b.id) === board);
  const editor = useEditor({ record: props.review, formOf, fields: REVIEW_FIELDS, alsoChanged: board !== onlyBoard });
  const { base, form, setForm, set, field, refuse, errorOf, busy, save, conflictNotice } = editor;
  const back = base ? `/reviews/${base.id}` : "/reviews";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = reviewOf(form);
    const found = "problems" in checked ? [...checked.problems] : [];
    if (!base && !board) found.unshift({ field: "board", text: "Select the safeguarding partnership" });
    if (found.length > 0 || "problems" in checked) return refuse(found);
    if (!base && !confirming) {
      setConfirming(true);
      return;
    }
    await save(
      (version) =>
        base
          ? ok(reviewsUpdate({ path: { review_id: base.id }, body: { version, ...checked.review } }))
          : ok(reviewsCreate({ body: { board_id: Number(board), ...checked.review } })),
      (saved) => {
        props.onSaved?.(saved);
        navigate(`/reviews/${saved.id}`, {
          state: {
            saved: base
              ? "The review's details were changed."
              : `Review ${saved.reference} was opened. You are its lead reviewer.`,
          },
        });
      },
    );
  }

  const read = reviewOf(form);
  return (
    <EditorPage
      editor={editor}
      back={base ? "Back to the overview" : "Back to the reviews"}
      backTo={back}
      notices={conflictNotice("review" in read ? { ...read.review } : {}, COMPARED_REVIEW_FIELDS)}
      heading={base ? "Change the review's details" : "Open a review"}
    >
      {!base && (
        <p className="govuk-body">
          You become the review's lead reviewer. Record the child by a pseudonym and the people around them by their
          roles: never by name.
        </p>
      )}
      <form noValidate onSubmit={submit} className="scr-editor">
        {!base && (
          <Select
            id="board"
            label="Safeguarding partnership"
            hint="The partnership that commissioned the review."
            value={board}
            empty={boards.length === 1 ? undefined : "Choose the partnership"}
            options={boards.map((b) => [String(b.id), b.name])}
            error={errorOf("board")}
            onChange={(value) => {
              setBoard(value);
              setConfirming(false);
            }}
          />
        )}
        <TextInput
          {...field("reference")}
          label="Reference"
          hint="The partnership's reference for the review, like NBY-2025-01."
          width="govuk-input--width-10"
        />
        <TextInput
          {...field("childPseudonym")}
          label="Child"
          hint="The pseudonym the review uses, like ‘Child S’. Never the child's name."
          width="govuk-input--width-10"
        />
        <Radios
          id="review-type"
          label="Type of review"
          value={form.reviewType}
          options={Object.entries(REVIEW_TYPES)}
          hints={REVIEW_TYPE_HINTS}
          error={errorOf("review-type")}
          onChange={(value) => set("reviewType")(value as ReviewType)}
        />
        <Select
          id="size"
          label="Learning Together size (optional)"
          value={form.size}
          empty="Not chosen yet"
          options={Object.entries(SIZES)}
          error={errorOf("size")}
          onChange={(value) => set("size")(value as LearningTogetherSize | "")}
        />
        <Explanations summary="What the sizes mean" entries={Object.values(SIZE_ENTRIES)} />

        <h2 className="govuk-heading-m">Key dates</h2>
        <DateInput
          {...field("incident", "incident-date")}
          label="Incident (optional)"
          hint="The serious incident that led to the review. For example, 10 3 2024"
        />
        <DateInput
          {...field("notification", "notification-date")}
          label="Notification (optional)"
          hint="When the partnership notified the national panel: the timescales count from here."
        />
        <DateInput {...field("start", "start-date")} label="Review started (optional)" />
        <DateInput {...field("publication", "publication-date")} label="Published (optional)" />
        <DateInput
          {...field("rapidReview", "rapid-review-date")}
          label="Rapid review (optional)"
          hint="When the rapid review met: due within 15 working days of notification."
        />
        <TextArea {...field("rapidReviewOutcome")} label="What the rapid review decided (optional)" rows={3} />
        <DateInput {...field("scopeStart")} label="Start of the period the review looks at (optional)" />
        <DateInput {...field("scopeEnd")} label="End of the period the review looks at (optional)" />

        <h2 className="govuk-heading-m">Case context</h2>
        <Select
          id="age-band"
          label="Child's age (optional)"
          hint="At the time of the incident."
          value={form.ageBand}
          empty="Not recorded"
          options={Object.entries(AGE_BANDS)}
          error={errorOf("age-band")}
          onChange={(value) => set("ageBand")(value as AgeBand | "")}
        />
        <Radios
          id="outcome"
          label="Outcome (optional)"
          inline
          value={form.outcome}
          options={[...Object.entries(OUTCOMES), ["", "Not recorded"]]}
          error={errorOf("outcome")}
          onChange={(value) => set("outcome")(value as Outcome | "")}
        />
        <div id="context-codes">
          <p className="govuk-hint">{props.codesNote}</p>
          {props.contextGroups.map((group, index) => (
            <Checkboxes
              key={group.label}
              id={index === 0 ? "context-codes-first" : `context-codes-${index}`}
              label={`${group.label} (optional)`}
              columns
              values={form.contextCodes.filter((code) => group.codes.some((c) => c.id === code))}
              options={group.codes.map((code) => ({ value: code.id, label: code.label }))}
              error={index === 0 ? errorOf("context-codes") : undefined}
              onChange={(values) =>
                setForm((now) => ({
                  ...now,
                  contextCodes: [
                    ...now.contextCodes.filter((code) => !group.codes.some((c) => c.id === code)),
                    ...values,
                  ].sort(),
                }))
              }
            />
          ))}
        </div>
        <TextArea
          {...field("caseSummary")}
          label="Case summary (optional)"
          hint="A short account for the review team, by pseudonyms and roles. It stays in this review and is never shared nationally."
          rows={6}
        />

        <h2 className="govuk-heading-m">For the report</h2>
        <p className="govuk-body">
          What the report's introduction says beside the analysis. Everything here is in the report and is scanned for
          identifiers before it can leave.
        </p>
        {(
          [
            [
              "reason-for-review",
              "reasonForReview",
              "Why this case was reviewed (optional)",
              "The criteria it met, and the decision to review.",
            ],
            ["independence", "independence", "Independence of the lead reviewers (optional)", undefined],
            [
              "methodological-comment",
              "methodologicalComment",
              "Methodological comment and limitations (optional)",
              undefined,
            ],
            ["acknowledgements", "acknowledgements", "Acknowledgements (optional)", undefined],
          ] as const
        ).map(([id, key, label, hint]) => (
          <TextArea key={id} {...field(key, id)} label={label} hint={hint} rows={4} />
        ))}
        <TextArea
          {...field("family")}
          label="Family composition (optional)"
          hint="One member a line, by pseudonym and relationship, like ‘Mother: Child S's mother’. Never a name."
          rows={4}
        />
        {!base && confirming && chosen && (
          <div className="govuk-warning-text" role="status">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              Check the partnership: the review will be opened for {chosen.name} ({chosen.code}), and it cannot be moved
              to another partnership afterwards.
            </strong>
          </div>
        )}
        <SaveOrCancel
          isNew={!base}
          add={confirming && chosen ? `Yes, open it for ${chosen.name}` : "Open the review"}
          busy={busy}
          cancelTo={back}
        />
      </form>
    </EditorPage>
  );
}

import { useEffect, useState } from "react";

import type { ActionStatus } from "../../client/types.gen";
import { DateInput } from "../../common/DateInput";
import { Select, TextArea, TextInput } from "../../common/fields";
import {
  type ActionForm,
  ids,
  MOST_ACTIONS,
  MOST_QUESTIONS,
  newAction,
  newQuestion,
  type QuestionForm,
} from "./findingForm";
import { ACTION_STATUSES } from "./findingWords";

type ErrorOf = (field: string) => string | undefined;

/**
 * The finding's questions for the Board, a list the reviewer adds to, changes, reorders and
 * removes; under each, the Board's response and the actions it agreed, for tracking later.
 */
export function BoardQuestions({
  questions,
  onChange,
  errorOf,
  editable,
}: {
  questions: QuestionForm[];
  onChange: (questions: QuestionForm[]) => void;
  errorOf: ErrorOf;
  editable: boolean;
}) {
  // After adding or removing, focus goes where the person's attention is: the new box, or the list.
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus]);

  const change = (index: number, question: QuestionForm) =>
    onChange(questions.map((q, i) => (i === index ? question : q)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...questions];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
    setFocus(null);
  };

  return (
    <>
      <h2 className="govuk-heading-m" id={ids.questions} tabIndex={-1}>
        Questions for the Board
      </h2>
      <p className="govuk-hint">
        Instead of prescriptive recommendations, the review asks the Board (the safeguarding partnership) what it will
        do about the pattern: ‘How will the Board know whether…?’ The Board's response and the actions it agrees are
        recorded under each question.
      </p>
      {errorOf(ids.questions) && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errorOf(ids.questions)}
        </p>
      )}
      {questions.length === 0 && (
        <p className="govuk-body">
          No questions for the Board yet. A finding needs at least one before the draft report.
        </p>
      )}
      {questions.map((question, index) => (
        <QuestionFields
          key={question.key}
          index={index}
          count={questions.length}
          question={question}
          errorOf={errorOf}
          editable={editable}
          onChange={(next) => change(index, next)}
          onMove={(by) => move(index, by)}
          onRemove={() => {
            onChange(questions.filter((_, i) => i !== index));
            setFocus(ids.questions);
          }}
          onFocus={setFocus}
        />
      ))}
      {editable && questions.length < MOST_QUESTIONS && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            onChange([...questions, newQuestion()]);
            setFocus(ids.question(questions.length));
          }}
        >
          {questions.length === 0 ? "Add a question for the Board" : "Add another question"}
        </button>
      )}
    </>
  );
}

function QuestionFields({
  index,
  count,
  question,
  errorOf,
  editable,
  onChange,
  onMove,
  onRemove,
  onFocus,
}: {
  index: number;
  count: number;
  question: QuestionForm;
  errorOf: ErrorOf;
  editable: boolean;
  onChange: (question: QuestionForm) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onFocus: (id: string) => void;
}) {
  const n = index + 1;
  const [opened] = useState(() => Boolean(question.response || question.actions.length > 0));
  const responseErrors =
    [ids.response(index), ids.responseDate(index), ids.actions(index)].some(errorOf) ||
    question.actions.some((_, a) =>
      [ids.action(index, a), ids.owner(index, a), ids.due(index, a), ids.status(index, a)].some(errorOf),
    );
  const set =
    <K extends keyof QuestionForm>(key: K) =>
    (value: QuestionForm[K]) =>
      onChange({ ...question, [key]: value });
  const setAction = (a: number, action: ActionForm) =>
    set("actions")(question.actions.map((x, i) => (i === a ? action : x)));
  const answered = question.response.trim() ? "response recorded" : "no response yet";

  return (
    <div className="scr-findings__question">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Question {n} for the Board</legend>
        <TextArea
          id={ids.question(index)}
          label="The question"
          rows={3}
          value={question.question}
          error={errorOf(ids.question(index))}
          onChange={set("question")}
        />
        <details className="govuk-details govuk-!-margin-bottom-4" open={opened || responseErrors || undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              The Board's response and actions <span className="govuk-visually-hidden">for question {n}</span> (
              {answered}
              {question.actions.length > 0 &&
                `, ${question.actions.length} action${question.actions.length === 1 ? "" : "s"}`}
              )
            </span>
          </summary>
          <div className="govuk-details__text">
            <TextArea
              id={ids.response(index)}
              label="The Board's response (optional)"
              rows={3}
              value={question.response}
              error={errorOf(ids.response(index))}
              onChange={set("response")}
            />
            <DateInput
              id={ids.responseDate(index)}
              label="Date of the response (optional)"
              hint="For example, 12 9 2024"
              value={question.responseDate}
              error={errorOf(ids.responseDate(index))}
              onChange={set("responseDate")}
            />
            <h3 className="govuk-heading-s" id={ids.actions(index)} tabIndex={-1}>
              Actions the Board agreed
            </h3>
            {question.actions.length === 0 && <p className="govuk-body">No actions recorded.</p>}
            {question.actions.map((action, a) => (
              <fieldset className="govuk-fieldset scr-findings__action" key={action.key}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  Action {a + 1} <span className="govuk-visually-hidden">of question {n}</span>
                </legend>
                <TextArea
                  id={ids.action(index, a)}
                  label="What the Board will do"
                  rows={2}
                  value={action.description}
                  error={errorOf(ids.action(index, a))}
                  onChange={(value) => setAction(a, { ...action, description: value })}
                />
                <TextInput
                  id={ids.owner(index, a)}
                  label="Owner (optional)"
                  hint="A role, never a name: ‘Head of early help’."
                  width="govuk-input--width-20"
                  value={action.ownerRole}
                  error={errorOf(ids.owner(index, a))}
                  onChange={(value) => setAction(a, { ...action, ownerRole: value })}
                />
                <DateInput
                  id={ids.due(index, a)}
                  label="Due date (optional)"
                  value={action.due}
                  error={errorOf(ids.due(index, a))}
                  onChange={(value) => setAction(a, { ...action, due: value })}
                />
                <Select
                  id={ids.status(index, a)}
                  label="Status"
                  value={action.status}
                  options={Object.entries(ACTION_STATUSES)}
                  error={errorOf(ids.status(index, a))}
                  onChange={(value) => setAction(a, { ...action, status: value as ActionStatus })}
                />
                {editable && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => {
                      set("actions")(question.actions.filter((_, i) => i !== a));
                      onFocus(ids.actions(index));
                    }}
                  >
                    Remove action {a + 1} <span className="govuk-visually-hidden">of question {n}</span>
                  </button>
                )}
              </fieldset>
            ))}
            {editable && question.actions.length < MOST_ACTIONS && (
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => {
                  set("actions")([...question.actions, newAction()]);
                  onFocus(ids.action(index, question.actions.length));
                }}
              >
                {"Add an action "}
                <span className="govuk-visually-hidden">to question {n}</span>
              </button>
            )}
          </div>
        </details>
        {editable && (
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            {index > 0 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onMove(-1)}>
                {"Move up "}
                <span className="govuk-visually-hidden">question {n}</span>
              </button>
            )}
            {index < count - 1 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onMove(1)}>
                {"Move down "}
                <span className="govuk-visually-hidden">question {n}</span>
              </button>
            )}
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onRemove}>
              Remove question {n}
            </button>
          </div>
        )}
      </fieldset>
    </div>
  );
}

import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";

import { ApiError, everything, ok } from "../../api";
import { actionsAddNote, actionsRead, actionsUpdate, agenciesList } from "../../client/sdk.gen";
import type { ActionPlanItem, ActionStatus, AgencyRead } from "../../client/types.gen";
import { DateInput } from "../../common/DateInput";
import { type DateParts, fromParts, NO_DATE } from "../../common/dates";
import { EditorForm, EditorPage, useEditor } from "../../common/editor";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Select, TextArea, TextInput } from "../../common/fields";
import { problemsOf } from "../../common/problems";
import { useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { ACTION_STATUSES } from "../findings/findingWords";
import { ACTION_FIELDS, changeOf, comparedActionFields, formOf } from "./actionForm";

/** One action of the Board's plan: update it, add a progress note (/boards/ID/actions/ID). */
export function ActionPage() {
  const { boardId, actionId } = useParams();
  const [loaded, , replace] = useLoad(
    async (signal) => {
      const path = { board_id: Number(boardId), action_id: Number(actionId) };
      const [action, agencies] = await Promise.all([
        ok(actionsRead({ path, signal })),
        everything((offset) => ok(agenciesList({ query: { board_id: Number(boardId), limit: 200, offset }, signal }))),
      ]);
      return { action, agencies };
    },
    [boardId, actionId],
  );
  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="action" />;
  const { action, agencies } = loaded.data;
  return (
    <>
      <ActionEditor key={action.id} boardId={Number(boardId)} action={action} agencies={agencies} />
      <ProgressNotes
        boardId={Number(boardId)}
        action={action}
        onAdded={(next) => replace({ action: next, agencies })}
      />
    </>
  );
}

const HINTS = {
  owner: "A role, never a name: ‘Head of early help’.",
  evidence: "What shows the action made a difference: an audit, figures, what practitioners or families say.",
};

export function ActionEditor({
  boardId,
  action,
  agencies,
}: {
  boardId: number;
  action: ActionPlanItem;
  agencies: AgencyRead[];
}) {
  const session = useSession();
  const navigate = useNavigate();
  const editable = (session.role === "board" || session.role === "admin") && action.review_status === "published";
  const editor = useEditor({ record: action, formOf, fields: ACTION_FIELDS, editable });
  const { form, set, field, errorOf, conflictNotice } = editor;
  const plan = `/boards/${boardId}/actions`;
  const names = new Map(agencies.map((a) => [a.id, a.name]));

  const submit = editor.submit(
    () => changeOf(form),
    (checked, version) =>
      ok(
        actionsUpdate({
          path: { board_id: boardId, action_id: action.id },
          body: { version, ...checked.change },
        }),
      ),
    () => navigate(plan, { state: { saved: "The action was updated." } }),
  );

  const read = changeOf(form);
  return (
    <EditorPage
      editor={editor}
      back="Back to the action plan"
      backTo={plan}
      notices={conflictNotice("change" in read ? { ...read.change } : {}, comparedActionFields(names))}
      caption={
        <>
          {action.review_reference}, finding {action.finding_ordinal}: {action.finding_title}
        </>
      }
      heading={action.description}
    >
      {action.overdue && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This action is overdue: it was due by {action.due_date}.
          </strong>
        </div>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Question for the Board</dt>
          <dd className="govuk-summary-list__value">{action.question}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">The Board's response</dt>
          <dd className="govuk-summary-list__value">{action.board_response ?? "Not yet recorded"}</dd>
        </div>
      </dl>
      {!editable && (
        <p className="govuk-inset-text">
          {action.review_status === "published"
            ? "You can read this action; board members update it."
            : "Until the review is published its reviewers write the actions with the finding."}
        </p>
      )}
      <EditorForm editor={editor} onSubmit={submit} cancelTo={plan}>
        <Select
          id="status"
          label="Status"
          value={form.status}
          options={Object.entries(ACTION_STATUSES)}
          error={errorOf("status")}
          onChange={(value) => set("status")(value as ActionStatus)}
        />
        <TextInput {...field("ownerRole")} label="Owner (role)" hint={HINTS.owner} />
        <Select
          {...field("agencyId", "agency")}
          label="Owner (agency)"
          empty="No agency"
          options={agencies.map((a) => [String(a.id), a.name])}
        />
        <DateInput id="due" label="Due by" value={form.due} error={errorOf("due")} onChange={set("due")} />
        <TextArea {...field("evidence")} label="Evidence of impact (optional)" hint={HINTS.evidence} rows={4} />
      </EditorForm>
    </EditorPage>
  );
}

function ProgressNotes({
  boardId,
  action,
  onAdded,
}: {
  boardId: number;
  action: ActionPlanItem;
  onAdded: (next: ActionPlanItem) => void;
}) {
  const session = useSession();
  const [noted, setNoted] = useState<DateParts>(NO_DATE);
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const mayAdd = (session.role === "board" || session.role === "admin") && action.review_status === "published";

  async function add(event: FormEvent) {
    event.preventDefault();
    const when = fromParts(noted, "The date of the note");
    const found: Problem[] = [];
    if ("problem" in when) found.push({ field: "noted-on", text: when.problem });
    else if (!when.iso) found.push({ field: "noted-on", text: "Enter the date of the progress" });
    if (!note.trim()) found.push({ field: "note", text: "Enter what progress was made" });
    setProblems(found);
    if (found.length > 0 || !("iso" in when) || !when.iso) return;
    setBusy(true);
    try {
      const next = await ok(
        actionsAddNote({
          path: { board_id: boardId, action_id: action.id },
          body: { noted_on: when.iso, note: note.trim() },
        }),
      );
      setNote("");
      setNoted(NO_DATE);
      onAdded(next);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems(problemsOf(error, { noted_on: "noted-on", note: "note" }));
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => problems.find((p) => p.field === field)?.text;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h2 className="govuk-heading-m">Progress notes</h2>
        {action.notes.length === 0 ? (
          <p className="govuk-body">No progress has been noted yet.</p>
        ) : (
          <ul className="govuk-list govuk-list--spaced">
            {action.notes.map((n) => (
              <li key={n.id}>
                <strong>{n.noted_on}</strong>: {n.note}
              </li>
            ))}
          </ul>
        )}
        {mayAdd && (
          <form noValidate onSubmit={add}>
            <ErrorSummary problems={problems} />
            <DateInput
              id="noted-on"
              label="Date of the progress"
              value={noted}
              error={errorOf("noted-on")}
              onChange={setNoted}
            />
            <TextArea
              id="note"
              label="What was done"
              rows={3}
              value={note}
              error={errorOf("note")}
              onChange={setNote}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
              Add the note
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

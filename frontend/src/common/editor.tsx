import { type FormEvent, type ReactNode, useState } from "react";
import { Link } from "react-router-dom";

import { ApiError } from "../api";
import { type Compared, ConflictNotice, currentOf } from "./Conflict";
import { ErrorSummary, type Problem } from "./ErrorSummary";
import { TextInput } from "./fields";
import { problemsOf } from "./problems";
import { useUnsavedChanges } from "./unsaved";

interface Versioned {
  version: number;
}

/**
 * The state every editor of a saved record shares: the form, the version it was read at,
 * the problems to show, a 409 from a colleague's save, the busy flag while saving, and the
 * unsaved-changes warning. The editor draws its own fields and says how to save.
 */
export function useEditor<Read extends Versioned, Form>(options: {
  /** The record as read, or null for a new one. */
  record: Read | null;
  formOf: (record: Read | null) => Form;
  /** The API's field names, mapped to the ids of the form's fields (see problemsOf). */
  fields: Record<string, string>;
  /** Whether the person may change it; a form they cannot change is never "unsaved". */
  editable?: boolean;
  /** Changes kept outside the form that also count as unsaved. */
  alsoChanged?: boolean;
}) {
  const { formOf, fields, editable = true, alsoChanged = false } = options;
  const [base, setBase] = useState(options.record);
  const [form, setForm] = useState<Form>(() => formOf(options.record));
  const [version, setVersion] = useState(options.record?.version ?? 0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<{ message: string; theirs: Read } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = editable && (alsoChanged || JSON.stringify(form) !== JSON.stringify(formOf(base)));
  const [leaveWarning, leaveFreely] = useUnsavedChanges(dirty);

  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((now) => ({ ...now, [key]: value }));
  const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.text;
  /**
   * What a field of the form needs, bound to the form's `key`: its id (the one the API's
   * field names map to in `fields`; by default `key` in kebab case), value, error and change.
   */
  const field = <K extends keyof Form & string>(key: K, id: string = kebabCase(key)) => ({
    id,
    value: form[key],
    error: errorOf(id),
    onChange: set(key),
  });

  /**
   * Send the form (`send` gets the version it was read at); on success leave without the
   * unsaved-changes question and go on with `then`. A 409 with the record as it is now shows
   * both versions; any other refusal shows the service's problems on their fields.
   */
  async function save(send: (version: number) => Promise<Read>, then: (saved: Read) => void) {
    setProblems([]);
    setConflict(null);
    setBusy(true);
    try {
      const saved = await send(version);
      leaveFreely();
      then(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const theirs = currentOf(error);
      if (error.status === 409 && theirs) {
        setConflict({ message: error.message, theirs: theirs as unknown as Read });
      } else {
        setProblems(problemsOf(error, fields));
      }
    } finally {
      setBusy(false);
    }
  }

  /**
   * The form's submit: `check` reads the form (its own problems stop it being sent); what it
   * reads is sent with the version it was read at, and saved as `save` says.
   */
  function submit<Checked>(
    check: () => { problems: Problem[] } | Checked,
    send: (checked: Checked, version: number) => Promise<Read>,
    then: (saved: Read) => void,
  ) {
    return async (event: FormEvent) => {
      event.preventDefault();
      const checked = check();
      if (refused(checked)) return setProblems(checked.problems);
      await save((version) => send(checked, version), then);
    };
  }

  /** The 409 notice: their version beside `yours`, field by field as `compared` shows them. */
  function conflictNotice(yours: Record<string, unknown>, compared: Compared[]): ReactNode {
    if (!conflict) return null;
    const { message, theirs } = conflict;
    return (
      <ConflictNotice
        message={message}
        theirs={theirs as unknown as Record<string, unknown>}
        yours={yours}
        yourVersion={version}
        compared={compared}
        onUseTheirs={() => {
          setBase(theirs);
          setForm(formOf(theirs));
          setVersion(theirs.version);
          setConflict(null);
        }}
        onKeepYours={() => {
          setBase(theirs);
          setVersion(theirs.version);
          setConflict(null);
        }}
      />
    );
  }

  return {
    base,
    form,
    setForm,
    set,
    problems,
    /** Show problems found before sending (the form's own checks). */
    refuse: setProblems,
    errorOf,
    field,
    editable,
    busy,
    leaveWarning,
    /** Call before leaving on purpose by another way than saving (after deleting, say). */
    leaveFreely,
    save,
    submit,
    conflictNotice,
  };
}

const refused = (checked: unknown): checked is { problems: Problem[] } =>
  typeof checked === "object" && checked !== null && "problems" in checked;

const kebabCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The page every editor of a record stands on: the way back to its list, the unsaved-changes
 * warning, the problems, the notices (a colleague's save, the page's own), the heading and,
 * for a person who may only read the record, a note saying so.
 */
export function EditorPage({
  editor,
  back,
  backTo,
  notices,
  caption,
  heading,
  readOnly,
  children,
}: {
  editor: { leaveWarning: ReactNode; problems: Problem[] };
  /** The back link's words: "Back to the contributory factors". */
  back: string;
  backTo: string;
  /** Shown under the problems: the 409 notice (conflictNotice), and any of the page's own. */
  notices?: ReactNode;
  /** A caption above the heading: what the record belongs to. */
  caption?: ReactNode;
  heading: ReactNode;
  /** The note for a person who may read the record but not change it; nothing for others. */
  readOnly?: string | false;
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={backTo}>
          {back}
        </Link>
        {editor.leaveWarning}
        <ErrorSummary problems={editor.problems} />
        {notices}
        {caption && <span className="govuk-caption-l">{caption}</span>}
        <h1 className="govuk-heading-l">{heading}</h1>
        {readOnly && <p className="govuk-inset-text">{readOnly}</p>}
        {children}
      </div>
    </div>
  );
}

/**
 * An editor's form: its fields, disabled for a person who may not change the record, and
 * (for one who may) the buttons to save or cancel.
 */
export function EditorForm({
  editor,
  onSubmit,
  className,
  isNew = false,
  add = "",
  cancelTo,
  buttonsClass,
  children,
}: {
  editor: { editable: boolean; busy: boolean };
  onSubmit: (event: FormEvent) => void;
  className?: string;
  isNew?: boolean;
  /** The button for a new record: "Add the factor". */
  add?: string;
  cancelTo: string;
  buttonsClass?: string;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className={className}>
      <fieldset className="scr-plain-fieldset" disabled={!editor.editable}>
        {children}
        {editor.editable && (
          <SaveOrCancel isNew={isNew} add={add} busy={editor.busy} cancelTo={cancelTo} className={buttonsClass} />
        )}
      </fieldset>
    </form>
  );
}

/**
 * A record's number in its list (an episode's, a finding's): its place in `order`, or for a
 * new record, left empty to add it at the end.
 */
export function OrdinalInput({
  isNew,
  what,
  order,
  ...bound
}: {
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  isNew: boolean;
  /** The kind of record: "episode". */
  what: string;
  /** "the review's order of episodes". */
  order: string;
}) {
  return (
    <TextInput
      {...bound}
      label="Number (optional)"
      hint={isNew ? `Leave it empty to add the ${what} at the end.` : `Its place in ${order}.`}
      width="govuk-input--width-4"
      inputMode="numeric"
    />
  );
}

/** An editor's buttons: "Save the changes" (or, for a new record, `add`) and Cancel. */
export function SaveOrCancel({
  isNew,
  add,
  busy,
  cancelTo,
  className = "govuk-button-group",
}: {
  isNew: boolean;
  /** The button for a new record: "Add the factor". */
  add: string;
  busy: boolean;
  cancelTo: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <button type="submit" className="govuk-button" disabled={busy}>
        {isNew ? add : "Save the changes"}
      </button>
      <Link className="govuk-link" to={cancelTo}>
        Cancel
      </Link>
    </div>
  );
}

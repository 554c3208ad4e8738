import { type ReactNode, useState } from "react";
import { Link } from "react-router-dom";

import { ApiError } from "../api";
import { type Compared, ConflictNotice, currentOf } from "./Conflict";
import type { Problem } from "./ErrorSummary";
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
    busy,
    leaveWarning,
    /** Call before leaving on purpose by another way than saving (after deleting, say). */
    leaveFreely,
    save,
    conflictNotice,
  };
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

import { useState } from "react";

import { ApiError } from "../api";
import type { Problem } from "./ErrorSummary";
import { problemsOf } from "./problems";

/**
 * The state a screen that changes its records in place shares (identifiers, team): the busy
 * flag while a change is sent, what was last done, and the problems to show, each on its field.
 */
export function useAction() {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.text;

  /**
   * Do `work` (it says what it did); a refusal shows the service's problems, on the fields
   * `fields` maps the API's field names to. True when it was done.
   */
  async function act(work: () => Promise<string>, fields: Record<string, string>): Promise<boolean> {
    setBusy(true);
    setSaved(undefined);
    try {
      const said = await work();
      setProblems([]);
      setSaved(said);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems(problemsOf(error, fields));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { problems, refuse: setProblems, saved, busy, errorOf, act };
}

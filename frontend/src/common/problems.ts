import type { ApiError } from "../api";
import type { Problem } from "./ErrorSummary";

/**
 * The service's problems with a form, each on its field when the form has one
 * (`fields` maps the API's field names to the form's ids), else its sentence alone.
 */
export function problemsOf(error: ApiError, fields: Record<string, string>): Problem[] {
  const listed = error.body.errors ?? [];
  if (listed.length === 0) return [{ text: error.message }];
  return listed.map((problem) => {
    const name = problem.field.split(".")[0];
    const field = fields[name];
    return { field, text: problem.message };
  });
}

import type { ReactNode } from "react";

import type { CodeGroup } from "./findingCodes";

/**
 * The GOV.UK select with its options in groups (common/fields' Select has no groups): a
 * typology category under its axis, an evidence record under "Key practice episodes".
 */
export function GroupedSelect(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  groups: CodeGroup[];
  /** The label of the empty choice. */
  empty: string;
}) {
  const { id, hint, error } = props;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {props.label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <select
        className={`govuk-select scr-findings__select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={id}
        value={props.value}
        aria-describedby={described || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.empty}</option>
        {props.groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

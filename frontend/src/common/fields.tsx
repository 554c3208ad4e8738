// The GOV.UK form pattern, once: a label (or legend), a hint, the error beside the field.

import type { ReactNode } from "react";

interface Common {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

function group(error?: string): string {
  return `govuk-form-group${error ? " govuk-form-group--error" : ""}`;
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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
    </>
  );
}

export function TextInput(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    width?: "govuk-input--width-4" | "govuk-input--width-10" | "govuk-input--width-20";
    inputMode?: "numeric" | "text";
    /** "date": the browser's own date picker, whose value is YYYY-MM-DD or "" (a filter's day). */
    type?: "text" | "date";
  },
) {
  const { id, label, hint, error } = props;
  return (
    <div className={group(error)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        className={`govuk-input${props.width ? ` ${props.width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={id}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        value={props.value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

export function TextArea(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, label, hint, error } = props;
  return (
    <div className={group(error)}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={id}
        rows={props.rows ?? 5}
        value={props.value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

/** Options under a heading of their own (an HTML optgroup). */
export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

export function Select(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    options?: [string, string][];
    /** Options in groups, after any ungrouped `options`. */
    groups?: OptionGroup[];
    /** The label of the empty choice ("Any status"), if there is one. */
    empty?: string;
    className?: string;
  },
) {
  const { id, label, hint, error } = props;
  return (
    <div className={group(error)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        className={`govuk-select${props.className ? ` ${props.className}` : ""}${error ? " govuk-select--error" : ""}`}
        id={id}
        name={id}
        value={props.value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {(props.options ?? []).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
        {(props.groups ?? []).map((group) => (
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

/** A fieldset with its legend, hint and error: radios, checkboxes and dates sit in one. */
export function Fieldset(props: Common & { children: ReactNode; size?: "s" | "m" }) {
  const { id, label, hint, error } = props;
  return (
    <div className={group(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${props.size ?? "s"}`}>{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {props.children}
      </fieldset>
    </div>
  );
}

export function Radios(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    options: [string, string][];
    inline?: boolean;
    /** A hint under an option, by its value ("what this level means"). */
    hints?: Partial<Record<string, ReactNode>>;
  },
) {
  const { id } = props;
  return (
    <Fieldset {...props}>
      <div className={`govuk-radios govuk-radios--small${props.inline ? " govuk-radios--inline" : ""}`}>
        {props.options.map(([value, text], index) => {
          const optionId = index === 0 ? id : `${id}-${value}`;
          const hint = props.hints?.[value];
          return (
            <div className="govuk-radios__item" key={value}>
              <input
                className="govuk-radios__input"
                id={optionId}
                name={id}
                type="radio"
                value={value}
                checked={props.value === value}
                aria-describedby={hint ? `${optionId}-item-hint` : undefined}
                onChange={() => props.onChange(value)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                {text}
              </label>
              {hint && (
                <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export function Checkboxes(
  props: Common & {
    values: string[];
    onChange: (values: string[]) => void;
    options: CheckboxOption[];
    /** Short options side by side in two columns. */
    columns?: boolean;
  },
) {
  const { id } = props;
  const chosen = new Set(props.values);
  return (
    <Fieldset {...props}>
      <div className={`govuk-checkboxes govuk-checkboxes--small${props.columns ? " scr-two-columns" : ""}`}>
        {props.options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="govuk-checkboxes__item" key={option.value}>
              <input
                className="govuk-checkboxes__input"
                id={optionId}
                name={id}
                type="checkbox"
                value={option.value}
                checked={chosen.has(option.value)}
                aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                onChange={(event) =>
                  props.onChange(
                    event.target.checked
                      ? [...props.values, option.value]
                      : props.values.filter((v) => v !== option.value),
                  )
                }
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <div id={`${optionId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** One checkbox on its own ("Significant"). */
export function Checkbox(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { id } = props;
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={props.checked}
            aria-describedby={props.hint ? `${id}-hint` : undefined}
            onChange={(event) => props.onChange(event.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {props.label}
          </label>
          {props.hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {props.hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

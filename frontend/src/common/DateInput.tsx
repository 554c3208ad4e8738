import type { ReactNode } from "react";

import type { DatePrecision } from "../client/types.gen";
import type { DateParts } from "./dates";
import { Fieldset } from "./fields";

/** The GOV.UK date input; only the boxes the precision needs (a month, a year) are shown. */
export function DateInput(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  precision?: DatePrecision;
}) {
  const { id, value, error } = props;
  const precision = props.precision ?? "day";
  const parts: [keyof DateParts, string, string][] = [
    ["day", "Day", "govuk-input--width-2"],
    ["month", "Month", "govuk-input--width-2"],
    ["year", "Year", "govuk-input--width-4"],
  ];
  const shown = parts.filter(
    ([part]) => part === "year" || (part === "month" ? precision !== "year" : precision === "day"),
  );
  return (
    <Fieldset id={id} label={props.label} hint={props.hint} error={error}>
      <div className="govuk-date-input" id={`${id}-parts`}>
        {shown.map(([part, text, width], index) => {
          // The first box carries the field's id, so an error summary's link lands on it.
          const boxId = index === 0 ? id : `${id}-${part}`;
          return (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={boxId}>
                  {text}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input ${width}${error ? " govuk-input--error" : ""}`}
                  id={boxId}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part]}
                  onChange={(event) => props.onChange({ ...value, [part]: event.target.value })}
                />
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

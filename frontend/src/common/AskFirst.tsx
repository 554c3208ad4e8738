import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A button for a step that cannot be undone (deleting a record, submitting a coding): it first
 * asks, in a warning that says what follows, and acts only on "Yes". The caller acts.
 */
export function AskFirst({
  button,
  question,
  yes,
  no,
  warning = false,
  busy,
  onYes,
}: {
  /** The first button: "Delete this factor", "Submit my coding". */
  button: string;
  /** The question, with what follows from it. */
  question: ReactNode;
  /** The button that acts: "Yes, delete the factor". */
  yes: string;
  /** The button that goes back: "No, keep it". */
  no: string;
  /** Red buttons, for a delete. */
  warning?: boolean;
  busy: boolean;
  onYes: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const style = warning ? "govuk-button govuk-button--warning" : "govuk-button";

  useEffect(() => {
    if (asking) box.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className={style} onClick={() => setAsking(true)}>
        {button}
      </button>
    );
  }
  return (
    <div className="govuk-warning-text scr-ask-first" ref={box} tabIndex={-1}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {question}
        <div className="govuk-button-group govuk-!-margin-top-4">
          <button type="button" className={style} disabled={busy} onClick={onYes}>
            {yes}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAsking(false)}>
            {no}
          </button>
        </div>
      </div>
    </div>
  );
}

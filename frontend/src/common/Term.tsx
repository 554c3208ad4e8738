// A word of the method with its explanation beside it (the entries are in glossary.ts).

import { type ReactNode, useId, useState } from "react";

import type { Entry } from "./glossary";

/**
 * The word, then a small "?" button. The explanation shows while the pointer is over either or
 * the button has the focus, and stays after a click or tap until a second one or Escape; a
 * screen reader hears it as the button's description.
 */
export function Term({ entry, children }: { entry: Entry; children?: ReactNode }) {
  const tip = `${useId()}-explained`;
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const close = () => {
    setOpen(false);
    setPinned(false);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering shows the explanation, as its button does for the keyboard
    <span className="scr-term" onMouseEnter={() => setOpen(true)} onMouseLeave={() => pinned || setOpen(false)}>
      {children ?? entry.term}
      <button
        type="button"
        className="scr-term__button"
        aria-describedby={tip}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onClick={() => {
          // A tap also focuses the button and passes over it: the first opens, the next closes.
          setOpen(!pinned);
          setPinned(!pinned);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            event.stopPropagation();
            close();
          }
        }}
      >
        <span aria-hidden="true">?</span>
        <span className="govuk-visually-hidden">What “{entry.term}” means</span>
      </button>
      <span id={tip} role="tooltip" className="scr-term__tip" hidden={!open}>
        {entry.explanation}
      </span>
    </span>
  );
}

/** Several words explained at once, folded away under a summary ("What the sizes mean"). */
export function Explanations({ summary, entries }: { summary: string; entries: Entry[] }) {
  return (
    <details className="govuk-details scr-explanations">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="scr-explanations__list">
          {entries.map((entry) => (
            <div key={entry.term}>
              <dt className="govuk-!-font-weight-bold">{entry.term}</dt>
              <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{entry.explanation}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

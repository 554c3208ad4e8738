import { type FormEvent, useEffect, useRef, useState } from "react";

import { Radios, TextArea } from "../../common/fields";
import { quoted } from "../../words";
import { type LinkChoice, LINK_KINDS, LINK_VERBS } from "./links";

/** A link in words: "‘Caseloads …’ contributed to ‘KPE 1: …’". */
export function linkSentence(choice: LinkChoice, names: (key: string) => string): string {
  return `${quoted(names(choice.source))} ${LINK_VERBS[choice.kind]} ${quoted(names(choice.target))}`;
}

/**
 * After a drag from one record to another: which kind of link to add, among those the method
 * allows between the two, and the evidence for it.
 */
export function LinkChooser({
  choices,
  names,
  busy,
  onAdd,
  onCancel,
}: {
  choices: LinkChoice[];
  names: (key: string) => string;
  busy: boolean;
  onAdd: (choice: LinkChoice, note: string) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState(choices.length === 1 ? "0" : "");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const box = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form takes the focus for each new pair of records
  useEffect(() => box.current?.focus(), [choices]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const choice = choices[Number(chosen)];
    if (chosen === "" || !choice) {
      setError("Choose the kind of link");
      return;
    }
    onAdd(choice, note);
  }

  return (
    <form
      noValidate
      className="scr-graph__dialog nodrag nopan nowheel"
      aria-labelledby="link-choice-title"
      ref={box}
      tabIndex={-1}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <h2 className="govuk-heading-s" id="link-choice-title">
        Add a link
      </h2>
      <Radios
        id="link-choice"
        label="Which kind of link is it?"
        hint="Only the kinds the method allows between these two records are offered."
        value={chosen}
        options={choices.map((choice, index) => [
          String(index),
          `${LINK_KINDS[choice.kind]}: ${linkSentence(choice, names)}`,
        ])}
        error={error}
        onChange={(value) => {
          setChosen(value);
          setError(undefined);
        }}
      />
      <TextArea
        id="link-choice-note"
        label="Evidence for the link (optional)"
        rows={2}
        value={note}
        onChange={setNote}
      />
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        <button type="submit" className="govuk-button govuk-!-margin-bottom-0" disabled={busy}>
          Add the link
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

import type { CodeNode } from "../../client/types.gen";
import { AXIS_WORDS, codesFor, type Target } from "./codes";
import { KIND_WORDS } from "./targets";

const SHOWN = 10;

/**
 * Find a code of the typology that may tag this kind of record: a search box, and the codes
 * that match as radios (the first few; more words narrow the list). Codes in `exclude` (the
 * record has them already) are left out.
 */
export function CodeSearch(props: {
  id: string;
  roots: CodeNode[];
  target: Target;
  version: string;
  search: string;
  onSearch: (search: string) => void;
  chosen: string;
  onChoose: (code: string) => void;
  exclude?: Set<string>;
  error?: string;
}) {
  const { id, search, chosen, error } = props;
  const found = search.trim()
    ? codesFor(props.roots, props.target, search).filter((code) => !props.exclude?.has(code.id))
    : [];
  const shown = found.slice(0, SHOWN);
  const picked = found.find((code) => code.id === chosen);
  // The chosen code stays in the list while the search changes around it.
  if (chosen && !picked) {
    const kept = codesFor(props.roots, props.target, "").find((code) => code.id === chosen);
    if (kept) shown.unshift(kept);
  } else if (picked && !shown.includes(picked)) {
    shown.unshift(picked);
  }
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        Find a code
      </label>
      <div className="govuk-hint" id={hintId}>
        Codes of typology {props.version} that may tag {KIND_WORDS[props.target]}. Search by label, definition or id.
      </div>
      {error && (
        <p id={errorId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className={`govuk-input govuk-!-width-two-thirds${error ? " govuk-input--error" : ""}`}
        id={id}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={search}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => props.onSearch(event.target.value)}
      />
      <p className="govuk-body-s govuk-!-margin-top-2" role="status">
        {!search.trim()
          ? "Type a word to see the codes that match."
          : found.length === 0
            ? `No code that may tag ${KIND_WORDS[props.target]} matches ‘${search.trim()}’.`
            : found.length > SHOWN
              ? `${found.length} codes match; the first ${SHOWN} are shown. Add a word to narrow the search.`
              : `${found.length} ${found.length === 1 ? "code matches" : "codes match"}.`}
      </p>
      {shown.length > 0 && (
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Codes found</legend>
          <div className="govuk-radios govuk-radios--small">
            {shown.map((code) => {
              const optionId = `${id}-${code.id}`;
              return (
                <div className="govuk-radios__item" key={code.id}>
                  <input
                    className="govuk-radios__input"
                    id={optionId}
                    name={`${id}-code`}
                    type="radio"
                    value={code.id}
                    checked={chosen === code.id}
                    aria-describedby={`${optionId}-item-hint`}
                    onChange={() => props.onChoose(code.id)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                    {code.label}
                  </label>
                  <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    <code className="scr-code-id">{code.id}</code> · {AXIS_WORDS[code.axis]}. {code.definition}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
    </div>
  );
}

import type { CodeNode } from "../../client/types.gen";
import { ancestorsOf, AXES, AXIS_WORDS, codeIndex, rootsOf, type Target, treeFor } from "./codes";
import { CodeTree } from "./CodeTree";
import { KIND_WORDS } from "./targets";

/**
 * The typology's codes for one record, browsed instead of searched: by axis, each parent
 * opened to its narrower codes (the tree of the Typology browser), a code chosen with its
 * button. Only codes that may tag this kind of record are offered; their parents are there to
 * find them by. A code the record has already is shown, not offered.
 */
export function CodeBrowser(props: {
  id: string;
  roots: CodeNode[];
  target: Target;
  version: string;
  chosen: string;
  onChoose: (code: string) => void;
  exclude?: Set<string>;
}) {
  const { id, chosen } = props;
  const tree = treeFor(props.roots, props.target);
  const index = codeIndex(props.roots);
  const onTheWay = new Set(chosen ? ancestorsOf(index, chosen) : []);
  const picked = chosen ? index.get(chosen) : undefined;
  const axes = AXES.filter(([axis]) => rootsOf(tree.roots, axis).length > 0);

  function line(code: CodeNode) {
    if (!tree.matched.has(code.id)) return null; // a parent that cannot tag this record
    const have = props.exclude?.has(code.id);
    return (
      <span className="scr-typology__code">
        {have ? (
          <>
            {code.label} <span className="govuk-body-s">(already tagged)</span>
          </>
        ) : (
          <button
            type="button"
            className="scr-code-pick"
            aria-pressed={chosen === code.id}
            onClick={() => props.onChoose(code.id)}
          >
            {chosen === code.id && <span aria-hidden="true">✓ </span>}
            {code.label}
          </button>
        )}{" "}
        <code className="scr-code-id">{code.id}</code>
      </span>
    );
  }

  return (
    <details className="govuk-details scr-code-browser" id={id}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Or browse the codes</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body-s">
          Codes of typology {props.version} that may tag {KIND_WORDS[props.target]}, by axis. Open a code to see its
          narrower codes, and choose one.
        </p>
        {axes.map(([axis]) => (
          <section key={axis} aria-labelledby={`${id}-${axis}`}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`${id}-${axis}`}>
              {AXIS_WORDS[axis]}
            </h3>
            <CodeTree roots={rootsOf(tree.roots, axis)} open={(code) => onTheWay.has(code.id)} code={line} />
          </section>
        ))}
        <p className="govuk-body-s govuk-!-margin-bottom-0" role="status">
          {picked ? `Chosen: ‘${picked.label}’ (${picked.id}). Add the tag below.` : ""}
        </p>
      </div>
    </details>
  );
}

import type { ReactNode } from "react";

import type { CodeNode } from "../../client/types.gen";
import { flatten } from "./codes";

/**
 * Codes of the typology as a tree: each code with narrower codes folds them away under its
 * label (a <details>, opened and closed with the mouse or Enter and Space), each code drawn by
 * `code`. The Typology browser draws a link to the code's detail; the tag form a button that
 * picks it.
 */
export function CodeTree(props: {
  roots: CodeNode[];
  /** Whether a parent starts open (while searching, or on the way to the code chosen). */
  open: (code: CodeNode) => boolean;
  code: (code: CodeNode) => ReactNode;
}) {
  return (
    <ul className="govuk-list scr-typology__tree">
      {props.roots.map((root) => (
        <li key={root.id}>
          <Branch {...props} node={root} />
        </li>
      ))}
    </ul>
  );
}

function Branch(props: { node: CodeNode; open: (code: CodeNode) => boolean; code: (code: CodeNode) => ReactNode }) {
  const { node } = props;
  if (node.children.length === 0) return <>{props.code(node)}</>;
  return (
    <details className="govuk-details govuk-!-margin-bottom-2" open={props.open(node) || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {node.label} <span className="govuk-visually-hidden">({flatten(node.children).length} sub-codes)</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        {props.code(node)}
        <Children {...props} codes={node.children} />
      </div>
    </details>
  );
}

/** Narrower codes under their parent's own line; a narrower code's own children fold too. */
function Children(props: { codes: CodeNode[]; open: (code: CodeNode) => boolean; code: (code: CodeNode) => ReactNode }) {
  return (
    <ul className="govuk-list scr-typology__tree scr-typology__children">
      {props.codes.map((code) => (
        <li key={code.id}>
          <Branch {...props} node={code} />
        </li>
      ))}
    </ul>
  );
}

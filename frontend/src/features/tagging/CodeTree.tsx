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
  return <Codes open={props.open} code={props.code} codes={props.roots} top />;
}

type Draw = { open: (code: CodeNode) => boolean; code: (code: CodeNode) => ReactNode };

function Branch(props: Draw & { node: CodeNode }) {
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
        <Codes open={props.open} code={props.code} codes={node.children} />
      </div>
    </details>
  );
}

/** The top codes, or narrower codes under their parent's own line (whose own children fold too). */
function Codes(props: Draw & { codes: CodeNode[]; top?: boolean }) {
  return (
    <ul className={`govuk-list scr-typology__tree${props.top ? "" : " scr-typology__children"}`}>
      {props.codes.map((code) => (
        <li key={code.id}>
          <Branch open={props.open} code={props.code} node={code} />
        </li>
      ))}
    </ul>
  );
}

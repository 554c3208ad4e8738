import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { Link } from "react-router-dom";

import type { NodeKind } from "./links";

export interface RecordData extends Record<string, unknown> {
  kind: NodeKind;
  label: string;
  /** "Factor · Working conditions", "Episode · Below expected". */
  kindLine: string;
  path: string;
  root: boolean;
  loop: boolean;
}

export type RecordNodeType = Node<RecordData, "record">;

/**
 * An episode, factor or finding. Links leave from the handle on the right and arrive on the
 * left; a finding, drawn to the right of its evidence, points back to it from its left to the
 * evidence's right-hand handle.
 */
export function RecordNode({ data, isConnectable }: NodeProps<RecordNodeType>) {
  const classes = ["scr-node", `scr-node--${data.kind}`];
  if (data.root) classes.push("scr-node--root");
  if (data.loop) classes.push("scr-node--loop");
  return (
    <div className={classes.join(" ")}>
      {data.kind !== "finding" && (
        <Handle type="target" id="in" position={Position.Left} isConnectable={isConnectable} />
      )}
      <Handle
        type="source"
        id="out"
        position={data.kind === "finding" ? Position.Left : Position.Right}
        isConnectable={isConnectable}
      />
      <p className="scr-node__kind">{data.kindLine}</p>
      {data.root && <strong className="scr-node__badge scr-node__badge--root">Root factor</strong>}
      {data.loop && <strong className="scr-node__badge scr-node__badge--loop">Feedback loop</strong>}
      <Link className="govuk-link govuk-link--text-colour scr-node__label nodrag" to={data.path} draggable={false} title={data.label}>
        {data.label}
      </Link>
    </div>
  );
}

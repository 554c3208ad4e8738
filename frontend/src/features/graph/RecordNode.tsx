import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { Link } from "react-router-dom";

import { quoted } from "../../words";
import type { NodeKind } from "./links";

export interface RecordData extends Record<string, unknown> {
  kind: NodeKind;
  label: string;
  /** "Factor · Working conditions", "Episode · Below expected". */
  kindLine: string;
  path: string;
  root: boolean;
  loop: boolean;
  /**
   * Drawing a link with the keyboard: null where the graph cannot be changed; "idle" before
   * one starts; then the record it starts from ("origin"), one it may point to ("candidate"),
   * or one it may not ("other").
   */
  linking: "idle" | "origin" | "candidate" | "other" | null;
  /** The label of the record a link is being drawn from. */
  linkFromLabel: string;
  onLinkFrom: () => void;
  onLinkTo: () => void;
}

export type RecordNodeType = Node<RecordData, "record">;

/**
 * An episode, factor or finding. Links leave from the handle on the right and arrive on the
 * left; a finding, drawn to the right of its evidence, points back to it from its left to the
 * evidence's right-hand handle. For the keyboard, a button that shows when it has the focus
 * starts a link from the record; the records it may point to then become buttons themselves.
 */
export function RecordNode({ id, data, isConnectable }: NodeProps<RecordNodeType>) {
  const classes = ["scr-node", `scr-node--${data.kind}`];
  if (data.root) classes.push("scr-node--root");
  if (data.loop) classes.push("scr-node--loop");
  if (data.linking === "origin") classes.push("scr-node--origin");
  if (data.linking === "candidate") classes.push("scr-node--candidate");
  if (data.linking === "other") classes.push("scr-node--other");
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
      <Link
        className="govuk-link govuk-link--text-colour scr-node__label nodrag"
        to={data.path}
        draggable={false}
        title={data.label}
      >
        {data.label}
      </Link>
      {data.linking === "idle" && (
        <button
          type="button"
          className="scr-node__link-from nodrag nopan"
          data-link-from={id}
          aria-label={`Link from this record: ${data.label}`}
          onClick={data.onLinkFrom}
        >
          Link from this record
        </button>
      )}
      {data.linking === "candidate" && (
        <button
          type="button"
          className="scr-node__link-to nodrag nopan"
          data-link-to={id}
          aria-label={`Link to here: from ${quoted(data.linkFromLabel)} to ${quoted(data.label)}`}
          onClick={data.onLinkTo}
        >
          <span className="scr-node__link-to-text">Link to here</span>
        </button>
      )}
    </div>
  );
}

import "@xyflow/react/dist/style.css";

import {
  applyNodeChanges,
  Background,
  ConnectionMode,
  Controls,
  type Edge,
  type FinalConnectionState,
  MarkerType,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
} from "@xyflow/react";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";

import type { LinkKind, LinkRead } from "../../client/types.gen";
import { type Highlights, onLoop } from "./highlights";
import { layOut } from "./layout";
import { LINK_VERBS, recordPath } from "./links";
import { type GraphNode, kindLine } from "./model";
import { RecordNode, type RecordNodeType } from "./RecordNode";

const NODE_TYPES: NodeTypes = { record: RecordNode };

/** Each kind of link's colour and line (the key on the page says the same). */
export const LINK_STYLES: Record<LinkKind, { colour: string; dashed: boolean }> = {
  contributed_to: { colour: "#0b0c0c", dashed: false },
  influenced: { colour: "#4c2c92", dashed: false },
  led_to: { colour: "#1d70b8", dashed: false },
  evidenced_by: { colour: "#505a5f", dashed: true },
};
export const LOOP_COLOUR = "#d4351c";

const READABLE_ZOOM = 0.5;
/** Below this zoom the links' labels are too small to read, and only clutter the drawing. */
const LABELS_FROM_ZOOM = 0.4;

const MINIMAP_COLOURS: Record<string, string> = { episode: "#1d70b8", factor: "#505a5f", finding: "#4c2c92" };

/** The record under the pointer where a drag ended, if it ended on one. */
function recordAt(event: MouseEvent | TouchEvent): string | null {
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest(".react-flow__node")?.getAttribute("data-id") ?? null;
}

/** Where a drag started and where it ended, in the direction the handles say. */
export function dragEnds(state: FinalConnectionState, dropped: string | null): [string, string] | null {
  const start = state.fromNode?.id;
  const end = state.toNode?.id ?? dropped;
  if (!start || !end) return null;
  // A drag that starts on an arriving handle draws a link into the record it started from.
  return state.fromHandle?.type === "target" ? [end, start] : [start, end];
}

export function GraphCanvas({
  reviewId,
  records,
  links,
  names,
  highlights,
  editable,
  pending,
  selectedLink,
  onPropose,
  onSelectLink,
  children,
}: {
  reviewId: number;
  records: GraphNode[];
  links: LinkRead[];
  names: (key: string) => string;
  highlights: Highlights;
  editable: boolean;
  /** A link being drawn, shown dashed while its kind is chosen. */
  pending: { source: string; target: string } | null;
  selectedLink: number | null;
  onPropose: (from: string, to: string) => void;
  onSelectLink: (linkId: number | null) => void;
  children?: ReactNode;
}) {
  const navigate = useNavigate();

  const laidOut = useMemo(() => {
    const placed = layOut(
      records.map((record) => ({
        id: record.id,
        label: record.label,
        badge: highlights.roots.has(record.id) || highlights.loopNodes.has(record.id),
      })),
      links,
    );
    return records.map((record): RecordNodeType => {
      const at = placed.get(record.id) ?? { x: 0, y: 0, width: 0, height: 0 };
      return {
        id: record.id,
        type: "record",
        position: { x: at.x, y: at.y },
        style: { width: at.width, height: at.height },
        selectable: false,
        ariaRole: "group",
        ariaLabel: `${kindLine(record)}: ${record.label}`,
        data: {
          kind: record.kind,
          label: record.label,
          kindLine: kindLine(record),
          path: recordPath(reviewId, record.id),
          root: highlights.roots.has(record.id),
          loop: highlights.loopNodes.has(record.id),
        },
      };
    });
  }, [records, links, highlights, reviewId]);

  const [nodes, setNodes] = useState(laidOut);
  const [far, setFar] = useState(false);
  useEffect(() => setNodes(laidOut), [laidOut]);

  const known = useMemo(() => new Set(records.map((record) => record.id)), [records]);
  const edges = useMemo(() => {
    const drawn: Edge[] = links
      .filter((link) => known.has(link.source) && known.has(link.target))
      .map((link) => {
        const loop = onLoop(highlights, link);
        const { colour, dashed } = LINK_STYLES[link.kind];
        const stroke = loop ? LOOP_COLOUR : colour;
        const selected = link.id === selectedLink;
        return {
          id: `link-${link.id}`,
          source: link.source,
          target: link.target,
          sourceHandle: "out",
          targetHandle: link.kind === "evidenced_by" ? "out" : "in",
          label: LINK_VERBS[link.kind],
          ariaLabel: `${names(link.source)} ${LINK_VERBS[link.kind]} ${names(link.target)}`,
          className: `scr-edge${loop ? " scr-edge--loop" : ""}${selected ? " scr-edge--selected" : ""}`,
          data: { linkId: link.id },
          selected,
          zIndex: loop || selected ? 1 : 0,
          markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 16, height: 16 },
          style: {
            stroke,
            strokeWidth: selected ? 4 : loop ? 3 : 1.5,
            strokeDasharray: dashed ? "6 4" : undefined,
          },
          labelStyle: { fill: loop ? LOOP_COLOUR : "#0b0c0c", fontSize: 12, fontWeight: loop ? 700 : 400 },
          labelBgStyle: { fill: "#ffffff", fillOpacity: 0.9 },
          labelBgPadding: [4, 2] as [number, number],
        };
      });
    if (pending && known.has(pending.source) && known.has(pending.target)) {
      drawn.push({
        id: "pending",
        source: pending.source,
        target: pending.target,
        sourceHandle: "out",
        targetHandle: "in",
        label: "new link",
        ariaLabel: `New link from ${names(pending.source)} to ${names(pending.target)}`,
        style: { stroke: "#0b0c0c", strokeWidth: 2, strokeDasharray: "2 4" },
        selectable: false,
      });
    }
    return drawn;
  }, [links, known, highlights, selectedLink, pending, names]);

  return (
    <div className={`scr-graph__canvas${far ? " scr-graph__canvas--far" : ""}`}>
      <ReactFlow
        aria-label="Causal graph: the review's episodes, factors and findings and the links between them"
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={(changes: NodeChange<RecordNodeType>[]) => setNodes((now) => applyNodeChanges(changes, now))}
        nodesDraggable={false}
        nodesConnectable={editable}
        nodesFocusable={false}
        edgesFocusable={false}
        connectOnClick={false}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        disableKeyboardA11y
        zoomOnScroll={false}
        preventScrolling={false}
        connectionRadius={40}
        minZoom={0.05}
        maxZoom={2}
        fitView
        // A large graph opens at a size that can be read, centred; the fit-view control shows
        // all of it, and the miniature shows where one is.
        fitViewOptions={{ padding: 0.05, maxZoom: 1, minZoom: READABLE_ZOOM }}
        onMove={(_, viewport) => setFar(viewport.zoom < LABELS_FROM_ZOOM)}
        onInit={(flow) => setFar(flow.getZoom() < LABELS_FROM_ZOOM)}
        onConnectEnd={(event, state) => {
          const ends = dragEnds(state, recordAt(event));
          if (ends) onPropose(...ends);
        }}
        onNodeClick={(event, node) => {
          // The label is a link of its own, and a handle starts a link rather than opening.
          if ((event.target as Element).closest("a, .react-flow__handle")) return;
          navigate(node.data.path);
        }}
        onEdgeClick={(_, edge) => onSelectLink((edge.data as { linkId?: number } | undefined)?.linkId ?? null)}
        onPaneClick={() => onSelectLink(null)}
      >
        <Background gap={24} color="#dcdcdc" />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="The whole graph in miniature"
          nodeColor={(node) => MINIMAP_COLOURS[String(node.data.kind)] ?? "#b1b4b6"}
        />
        {children}
      </ReactFlow>
    </div>
  );
}

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
  Panel,
  ReactFlow,
  type ReactFlowInstance,
} from "@xyflow/react";
import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";

import type { LinkKind, LinkRead } from "../../client/types.gen";
import { useWidth } from "../../common/useWidth";
import { quoted } from "../../words";
import { besides, onScreen } from "./besides";
import { type Highlights, onLoop } from "./highlights";
import { boundsOf, frame, layOut, type Placed } from "./layout";
import { LINK_VERBS, linkChoices, recordPath } from "./links";
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

/** Below this zoom the links' labels are too small to read, and only clutter the drawing. */
const LABELS_FROM_ZOOM = 0.4;

/** GOV.UK's tablet breakpoint: narrower, the drawing is a phone's, and no taller than its screen. */
const NARROW = 641;

/**
 * Focus the element `selector` finds in `within`, once it can take the focus: React Flow draws
 * nodes from its own store, and keeps a changed node hidden until it has measured it again, a
 * frame or so later. Not scrolled by the browser (the drawing pans itself). Returns what stops
 * looking. (The selectors name records by their keys, "factor:7", which need no escaping in a
 * quoted attribute value.)
 */
function focusWhenDrawn(within: HTMLElement | null, selector: string, done?: () => void): () => void {
  let frames = 0;
  let asked = 0;
  const look = () => {
    const element = within?.querySelector<HTMLElement>(selector);
    element?.focus({ preventScroll: true });
    if (element && document.activeElement === element) done?.();
    else if (frames++ < 60) asked = requestAnimationFrame(look);
  };
  look();
  return () => cancelAnimationFrame(asked);
}

/** How wide a panel beside a record is, at most (the drawing's width on a phone). */
const ASIDE_WIDTH = 440;

/** A panel placed beside a record of the drawing (see besides.ts), not over it. */
export interface Aside {
  /** The record it is about (the one a link was drawn to). */
  near: string;
  /** The other end of the link, kept clear too where there is room. */
  away?: string;
  children: ReactNode;
}

/** The records a link drawn from `from` may point to, in reading order: column by column. */
export function candidatesOf(from: string, placed: Map<string, Placed>): string[] {
  return [...placed.entries()]
    .filter(([key]) => key !== from && linkChoices(from, key).length > 0)
    .sort(([, a], [, b]) => a.x - b.x || a.y - b.y)
    .map(([key]) => key);
}

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
  linkFrom,
  onLinkFrom,
  onCancelLink,
  aside,
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
  /** A link being drawn with the keyboard: the record it starts from. */
  linkFrom: string | null;
  onLinkFrom: (from: string) => void;
  onCancelLink: () => void;
  aside?: Aside | null;
  children?: ReactNode;
}) {
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance<RecordNodeType, Edge> | null>(null);
  const width = useWidth(box, 1200);
  const tallest = width < NARROW ? Math.max(360, window.innerHeight - 100) : 2400;

  const placed = useMemo(
    () =>
      layOut(
        records.map((record) => ({
          id: record.id,
          label: record.label,
          badge: highlights.roots.has(record.id) || highlights.loopNodes.has(record.id),
        })),
        links,
      ),
    [records, links, highlights],
  );
  // The whole drawing in view at a readable size, again after every change of the layout (a
  // link added moves records), so that none is left cut off at the edge.
  const framing = useMemo(() => frame(boundsOf(placed.values()), width, tallest), [placed, width, tallest]);
  // Before the panels beside records are placed, which read the drawing's zoom and offset.
  useLayoutEffect(() => {
    void flow.current?.setViewport({ x: framing.x, y: framing.y, zoom: framing.zoom });
  }, [framing]);

  const candidates = useMemo(() => (linkFrom ? candidatesOf(linkFrom, placed) : []), [linkFrom, placed]);
  const laidOut = useMemo(() => {
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
          linking: !editable
            ? null
            : linkFrom === null
              ? "idle"
              : record.id === linkFrom
                ? "origin"
                : candidates.includes(record.id)
                  ? "candidate"
                  : "other",
          linkFromLabel: linkFrom ? (records.find((r) => r.id === linkFrom)?.label ?? "") : "",
          onLinkFrom: () => onLinkFrom(record.id),
          onLinkTo: () => onPropose(linkFrom ?? record.id, record.id),
        },
      };
    });
  }, [records, placed, highlights, reviewId, editable, linkFrom, candidates, onLinkFrom, onPropose]);

  const [nodes, setNodes] = useState(laidOut);
  const [far, setFar] = useState(false);
  // A node keeps its measured size while its size stays: React Flow hides a node it has to
  // measure again, for a frame, and the drawing would flicker at every change.
  useEffect(
    () =>
      setNodes((now) => {
        const before = new Map(now.map((node) => [node.id, node]));
        return laidOut.map((node) => {
          const old = before.get(node.id);
          const same = old?.style?.width === node.style?.width && old?.style?.height === node.style?.height;
          return same && old?.measured ? { ...node, measured: old.measured } : node;
        });
      }),
    [laidOut],
  );

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
          labelStyle: { fill: loop ? LOOP_COLOUR : "#0b0c0c", fontSize: 15, fontWeight: loop ? 700 : 400 },
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

  // Drawing a link with the keyboard: the first record it may point to has the focus, and
  // comes into view; the arrow keys move between them.
  const [chosen, setChosen] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: back to the first record each time a link is started
  useEffect(() => setChosen(0), [linkFrom]);
  const chosenKey = candidates[Math.min(chosen, candidates.length - 1)];
  useEffect(() => {
    if (!linkFrom || !chosenKey) return;
    const at = placed.get(chosenKey);
    if (at && flow.current) {
      void flow.current.setCenter(at.x + at.width / 2, at.y + at.height / 2, { zoom: flow.current.getZoom() });
    }
    return focusWhenDrawn(box.current, `[data-link-to="${chosenKey}"]`);
  }, [linkFrom, chosenKey, placed]);

  // Stopped with Escape: the focus goes back to the button that started it, once the nodes are
  // drawn again with their buttons.
  const refocus = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the nodes are drawn again
  useEffect(() => {
    const from = refocus.current;
    if (!from) return;
    return focusWhenDrawn(box.current, `[data-link-from="${from}"]`, () => (refocus.current = null));
  }, [nodes]);

  function stopLinking() {
    refocus.current = linkFrom;
    onCancelLink();
  }

  // Escape pressed in the moment between the start of a link and the focus reaching the first
  // record it may point to (the button that started it is gone, the focus is on the page)
  // stops it as well.
  useEffect(() => {
    if (!linkFrom) return;
    function onPageKeyDown(event: globalThis.KeyboardEvent) {
      const nowhere = document.activeElement === null || document.activeElement === document.body;
      if (event.key !== "Escape" || event.defaultPrevented || !nowhere) return;
      event.preventDefault();
      stopLinking();
    }
    document.addEventListener("keydown", onPageKeyDown);
    return () => document.removeEventListener("keydown", onPageKeyDown);
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!linkFrom) return;
    if (event.key === "Escape") {
      event.preventDefault();
      stopLinking();
      return;
    }
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step === undefined || candidates.length === 0) return;
    event.preventDefault();
    setChosen((now) => (now + step + candidates.length) % candidates.length);
  }

  // A panel beside a record: placed from the layout and the drawing's own zoom and offset.
  const asideBox = useRef<HTMLDivElement>(null);
  const [asideAt, setAsideAt] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const near = aside ? placed.get(aside.near) : undefined;
    if (!aside || !near) {
      setAsideAt(null);
      return;
    }
    const view = flow.current?.getViewport() ?? framing;
    const far = aside.away ? placed.get(aside.away) : undefined;
    const panelWidth = Math.min(ASIDE_WIDTH, width - 16);
    const tall = asideBox.current?.offsetHeight || 320;
    setAsideAt(
      besides(
        onScreen(near, view),
        far ? onScreen(far, view) : null,
        { width: panelWidth, tall },
        { width, height: framing.height },
      ),
    );
  }, [aside, placed, framing, width]);
  // Once placed (and again when a change of layout moves it), a panel holding the focus is
  // brought into view: its own focusing came before it had its place.
  useEffect(() => {
    const panel = asideBox.current;
    if (asideAt && panel?.contains(document.activeElement)) panel.scrollIntoView?.({ block: "nearest" });
  }, [asideAt]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the arrow keys and Escape pressed on the records' buttons inside
    <div
      ref={box}
      className={`scr-graph__canvas${far ? " scr-graph__canvas--far" : ""}`}
      style={{ height: framing.height + 2 }}
      onKeyDown={onKeyDown}
    >
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
        // Opens with all of it in view at a readable size (see frame); the fit-view control
        // does the same after panning, and the miniature shows where one is.
        defaultViewport={{ x: framing.x, y: framing.y, zoom: framing.zoom }}
        fitViewOptions={{ padding: 0.02, maxZoom: 1, minZoom: framing.zoom }}
        onMove={(_, viewport) => setFar(viewport.zoom < LABELS_FROM_ZOOM)}
        onInit={(instance) => {
          flow.current = instance;
          setFar(instance.getZoom() < LABELS_FROM_ZOOM);
        }}
        onConnectEnd={(event, state) => {
          const ends = dragEnds(state, recordAt(event));
          if (ends) onPropose(...ends);
        }}
        onNodeClick={(event, node) => {
          // The label is a link of its own, a handle starts a link, a button does its own work.
          if ((event.target as Element).closest("a, button, .react-flow__handle")) return;
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
        {linkFrom && (
          <Panel position="top-left">
            <div className="scr-graph__linking nodrag nopan nowheel" role="status">
              <p className="govuk-body govuk-!-margin-bottom-2">
                <strong>Linking from {quoted(records.find((r) => r.id === linkFrom)?.label ?? linkFrom)}.</strong>{" "}
                {candidates.length === 0
                  ? "No record of the graph may be linked from it."
                  : "Choose the record the link points to: the arrow keys move between the records it may point to, Enter chooses, Escape stops."}
              </p>
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={onCancelLink}
              >
                Stop linking
              </button>
            </div>
          </Panel>
        )}
        {children}
      </ReactFlow>
      {aside && (
        // Until placed it is transparent, not hidden: what is inside may take the focus already.
        <div
          ref={asideBox}
          className="scr-graph__aside"
          style={
            asideAt
              ? { left: asideAt.left, top: asideAt.top, width: Math.min(ASIDE_WIDTH, width - 16) }
              : { left: 0, top: 0, opacity: 0 }
          }
        >
          {aside.children}
        </div>
      )}
    </div>
  );
}

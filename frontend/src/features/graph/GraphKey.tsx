import type { LinkKind } from "../../client/types.gen";
import { LINK_STYLES, LOOP_COLOUR } from "./GraphCanvas";
import { LINK_VERBS } from "./links";

const LINE_KINDS: LinkKind[] = ["contributed_to", "influenced", "led_to", "evidenced_by"];

function Line({ colour, dashed, thick }: { colour: string; dashed?: boolean; thick?: boolean }) {
  return (
    <svg className="scr-key__line" width="40" height="12" aria-hidden="true" focusable="false">
      <line
        x1="2"
        y1="6"
        x2="38"
        y2="6"
        stroke={colour}
        strokeWidth={thick ? 3 : 2}
        strokeDasharray={dashed ? "6 4" : undefined}
      />
    </svg>
  );
}

/** What the shapes, colours and badges of the drawing mean. */
export function GraphKey() {
  return (
    <div className="scr-key">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Key</h2>
      <ul className="scr-key__list">
        <li>
          <span className="scr-key__box scr-node--episode" aria-hidden="true" /> Key practice episode
        </li>
        <li>
          <span className="scr-key__box scr-node--factor" aria-hidden="true" /> Contributory factor
        </li>
        <li>
          <span className="scr-key__box scr-node--finding" aria-hidden="true" /> Finding
        </li>
        <li>
          <span className="scr-key__box scr-node--factor scr-node--root" aria-hidden="true" /> Root factor: nothing
          influences it, and it influences or explains something
        </li>
        <li>
          <span className="scr-key__box scr-node--factor scr-node--loop" aria-hidden="true" /> Factor on a feedback loop
        </li>
      </ul>
      <ul className="scr-key__list">
        {LINE_KINDS.map((kind) => (
          <li key={kind}>
            <Line colour={LINK_STYLES[kind].colour} dashed={LINK_STYLES[kind].dashed} /> {LINK_VERBS[kind]}
          </li>
        ))}
        <li>
          <Line colour={LOOP_COLOUR} thick /> a link of a feedback loop
        </li>
      </ul>
    </div>
  );
}

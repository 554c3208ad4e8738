import { aroundCircle, scale, shorten } from "./charts";
import { ChartFrame, Measured } from "./parts";

export interface Edge {
  a: string;
  b: string;
  count: number;
  lift: number | null;
}

// The typology's axes by the prefix of their codes, each with a colour and a word for the key.
export const AXES = [
  { prefix: "sp.", name: "Systemic pattern", colour: "#1d70b8" },
  { prefix: "fl.", name: "Contributory factor level", colour: "#00703c" },
  { prefix: "cc.", name: "Case context", colour: "#4c2c92" },
  { prefix: "pt.", name: "Practice theme", colour: "#b58840" },
] as const;

export function axisColour(code: string): string {
  return AXES.find((axis) => code.startsWith(axis.prefix))?.colour ?? "#505a5f";
}

/** Narrower than this, the circle and its labels would not fit: the chart scrolls sideways. */
export const NARROWEST_NETWORK = 600;

/** The circle's size and how long its labels may be, for a chart `width` wide. */
export function networkLayout(width: number) {
  const chars = width >= 860 ? 30 : 20;
  // Room on each side for a label of that many characters of 14px text, beyond its dot.
  const radius = Math.min(210, Math.round(width / 2 - 20 - chars * 7.2));
  return { chars, radius, height: 2 * radius + 120 };
}

/**
 * Codes round a circle, joined where they were found in the same reviews: the thicker the
 * line, the more reviews; solid when found together more often than chance (lift above 1),
 * dashed otherwise. Codes are ordered by their id, so an axis's codes sit side by side.
 */
export function NetworkChart({
  edges,
  labels,
  title,
  description,
}: {
  edges: Edge[];
  labels: Map<string, string>;
  title: string;
  description: string;
}) {
  return (
    <Measured least={NARROWEST_NETWORK} label={`${title} (scrolls sideways)`}>
      {(width) => <Network edges={edges} labels={labels} title={title} description={description} width={width} />}
    </Measured>
  );
}

function Network({
  edges,
  labels,
  title,
  description,
  width,
}: {
  edges: Edge[];
  labels: Map<string, string>;
  title: string;
  description: string;
  width: number;
}) {
  const { chars, radius, height } = networkLayout(width);
  const codes = [...new Set(edges.flatMap((edge) => [edge.a, edge.b]))].sort();
  const ring = aroundCircle(codes.length, width / 2, height / 2, radius);
  const placeOf = (code: string) => ring[codes.indexOf(code)];
  const counts = edges.map((edge) => edge.count);
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return (
    <ChartFrame className="scr-network-chart" width={width} height={height} title={title} description={description}>
      {edges.map((edge) => {
        const from = placeOf(edge.a);
        const to = placeOf(edge.b);
        const together = edge.lift !== null && edge.lift > 1;
        return (
          <line
            key={`${edge.a}|${edge.b}`}
            className={`scr-network-chart__edge${together ? " scr-network-chart__edge--together" : ""}`}
            data-pair={`${edge.a}|${edge.b}`}
            x1={from.x}
            y1={from.y}
            x2={to.x}
            y2={to.y}
            strokeWidth={low === high ? 2.5 : scale(edge.count, low, high, 1.5, 9)}
          />
        );
      })}
      {codes.map((code, i) => {
        const place = ring[i];
        const right = Math.cos(place.angle) >= -1e-9;
        const lx = place.x + Math.cos(place.angle) * 14;
        const ly = place.y + Math.sin(place.angle) * 14;
        return (
          <g key={code} data-code={code}>
            <circle cx={place.x} cy={place.y} r={7} fill={axisColour(code)} className="scr-network-chart__node" />
            <text
              className="scr-chart__label"
              x={lx}
              y={ly}
              textAnchor={Math.abs(Math.cos(place.angle)) < 0.2 ? "middle" : right ? "start" : "end"}
              dominantBaseline={
                Math.sin(place.angle) < -0.9 ? "auto" : Math.sin(place.angle) > 0.9 ? "hanging" : "central"
              }
            >
              {shorten(labels.get(code) ?? code, chars)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

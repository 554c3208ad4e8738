import { niceCeiling, runs, scale, ticks } from "./charts";
import { ChartFrame, Measured } from "./parts";

export interface Series {
  code: string;
  label: string;
  /** One value a year, null where the count is suppressed. */
  values: (number | null)[];
}

// GOV.UK colours, each line with its own marker too, so no line is told apart by colour alone.
export const SERIES_STYLES = [
  { colour: "#1d70b8", marker: "circle" },
  { colour: "#d4351c", marker: "square" },
  { colour: "#00703c", marker: "triangle" },
  { colour: "#4c2c92", marker: "diamond" },
  { colour: "#f47738", marker: "circle" },
  { colour: "#505a5f", marker: "square" },
] as const;

type Marker = (typeof SERIES_STYLES)[number]["marker"];

export function MarkerShape({ marker, x, y, colour }: { marker: Marker; x: number; y: number; colour: string }) {
  const r = 5;
  if (marker === "circle") return <circle cx={x} cy={y} r={r} fill={colour} />;
  if (marker === "square") return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
  if (marker === "triangle") {
    return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />;
  }
  return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} fill={colour} />;
}

const LEFT = 56;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 40;

/** The room a year's label needs on the axis: a year is written every so many years to fit. */
const YEAR_ROOM = 56;

/** Which years are written under the axis of a chart `width` wide: every one, or every so many. */
export function everyNthYear(years: number, width: number): number {
  const fit = Math.max(1, Math.floor((width - LEFT - RIGHT) / YEAR_ROOM));
  return Math.max(1, Math.ceil(years / fit));
}

/** Reviews a year for a few codes: a line each, broken where a year's count is suppressed. */
export function TrendChart(props: { years: number[]; series: Series[]; title: string; description: string }) {
  return <Measured>{(width) => <Lines {...props} width={width} />}</Measured>;
}

function Lines({
  years,
  series,
  title,
  description,
  width,
}: {
  years: number[];
  series: Series[];
  title: string;
  description: string;
  width: number;
}) {
  const height = width < 600 ? 260 : 320;
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = niceCeiling(Math.max(1, ...known));
  const x = (index: number) => scale(index, 0, years.length - 1, LEFT, width - RIGHT);
  const y = (value: number) => scale(value, 0, top, height - BOTTOM, TOP);
  const every = everyNthYear(years.length, width);
  return (
    <ChartFrame className="scr-trend-chart" width={width} height={height} title={title} description={description}>
      {ticks(top, height < 300 ? 4 : 5).map((tick) => (
        <g key={tick}>
          <line className="scr-chart__grid" x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
          <text className="scr-chart__value" x={LEFT - 8} y={y(tick)} textAnchor="end" dominantBaseline="central">
            {tick}
          </text>
        </g>
      ))}
      {years.map((year, index) =>
        index % every === 0 ? (
          <text key={year} className="scr-chart__value" x={x(index)} y={height - BOTTOM + 22} textAnchor="middle">
            {year}
          </text>
        ) : null,
      )}
      <line className="scr-chart__axis" x1={LEFT} x2={width - RIGHT} y1={height - BOTTOM} y2={height - BOTTOM} />
      {series.map((s, n) => {
        const style = SERIES_STYLES[n % SERIES_STYLES.length];
        return (
          <g key={s.code} data-code={s.code}>
            {runs(s.values).map((run) =>
              run.length > 1 ? (
                <polyline
                  key={run[0]}
                  className="scr-trend-chart__line"
                  stroke={style.colour}
                  points={run.map((i) => `${x(i)},${y(s.values[i] as number)}`).join(" ")}
                />
              ) : null,
            )}
            {s.values.map((value, i) =>
              value === null ? null : (
                <MarkerShape key={years[i]} marker={style.marker} colour={style.colour} x={x(i)} y={y(value)} />
              ),
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

import { barLength, shorten } from "./charts";
import { ChartFrame } from "./parts";

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What is written at the end of the bar ("57 (93%)"). */
  text: string;
}

const WIDTH = 900;
const LABELS = 340;
const VALUES = 110;
const ROW = 26;
const BAR = 16;

/**
 * Horizontal bars on one scale from 0 to `max`, largest first as given. Decorative for a
 * screen reader, which reads the table beside it: the chart is one image with a description.
 */
export function BarChart({ bars, max, title, description }: { bars: Bar[]; max: number; title: string; description: string }) {
  const length = WIDTH - LABELS - VALUES;
  const height = bars.length * ROW + 8;
  return (
    <ChartFrame className="scr-bar-chart" width={WIDTH} height={height} title={title} description={description}>
      {bars.map((bar, index) => {
        const y = index * ROW + 4;
        const w = barLength(bar.value, max, length);
        return (
          <g key={bar.key} data-code={bar.key}>
            <text className="scr-chart__label" x={LABELS - 8} y={y + BAR / 2} textAnchor="end" dominantBaseline="central">
              {shorten(bar.label, 44)}
            </text>
            <rect className="scr-bar-chart__bar" x={LABELS} y={y} width={w} height={BAR} />
            <text className="scr-chart__value" x={LABELS + w + 6} y={y + BAR / 2} dominantBaseline="central">
              {bar.text}
            </text>
          </g>
        );
      })}
      <line className="scr-chart__axis" x1={LABELS} x2={LABELS} y1={0} y2={height} />
    </ChartFrame>
  );
}

import { barLength, shorten } from "./charts";
import { ChartFrame, Measured } from "./parts";

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What is written at the end of the bar ("57 (93%)"). */
  text: string;
}

const VALUES = 110;
const BAR = 16;
/** Below this width a label has a line of its own above its bar, and the bar the whole width. */
export const STACKED_BELOW = 600;
/** About the width of a character of the charts' 14px text, to cut labels to the room they have. */
const CHAR = 7.5;

/** Where each part of a bar's row goes, for a chart `width` wide. */
export function barLayout(width: number) {
  if (width < STACKED_BELOW) {
    return { stacked: true, labels: 0, length: width - VALUES, row: 44, barTop: 22, chars: Math.floor(width / CHAR) };
  }
  const labels = Math.min(340, Math.round(width * 0.38));
  return {
    stacked: false,
    labels,
    length: width - labels - VALUES,
    row: 26,
    barTop: 4,
    chars: Math.floor((labels - 8) / CHAR),
  };
}

/**
 * Horizontal bars on one scale from 0 to `max`, largest first as given. Decorative for a
 * screen reader, which reads the table beside it: the chart is one image with a description.
 * On a narrow screen each label sits above its bar, so neither is squeezed.
 */
export function BarChart({
  bars,
  max,
  title,
  description,
}: {
  bars: Bar[];
  max: number;
  title: string;
  description: string;
}) {
  return (
    <Measured>
      {(width) => {
        const at = barLayout(width);
        const height = bars.length * at.row + 8;
        return (
          <ChartFrame className="scr-bar-chart" width={width} height={height} title={title} description={description}>
            {bars.map((bar, index) => {
              const top = index * at.row;
              const y = top + at.barTop;
              const w = barLength(bar.value, max, at.length);
              return (
                <g key={bar.key} data-code={bar.key}>
                  {at.stacked ? (
                    <text className="scr-chart__label" x={0} y={top + 9} dominantBaseline="central">
                      {shorten(bar.label, at.chars)}
                    </text>
                  ) : (
                    <text
                      className="scr-chart__label"
                      x={at.labels - 8}
                      y={y + BAR / 2}
                      textAnchor="end"
                      dominantBaseline="central"
                    >
                      {shorten(bar.label, at.chars)}
                    </text>
                  )}
                  <rect className="scr-bar-chart__bar" x={at.labels} y={y} width={w} height={BAR} />
                  <text className="scr-chart__value" x={at.labels + w + 6} y={y + BAR / 2} dominantBaseline="central">
                    {bar.text}
                  </text>
                </g>
              );
            })}
            {/* Stacked, the labels start where the axis would run: each bar starts at the edge instead. */}
            {!at.stacked && <line className="scr-chart__axis" x1={at.labels} x2={at.labels} y1={0} y2={height} />}
          </ChartFrame>
        );
      }}
    </Measured>
  );
}

// The arithmetic of the charts, kept apart from the drawing so it can be tested plainly.

/** The length of a bar for `value` on a scale from 0 to `max` drawn `length` long. */
export function barLength(value: number, max: number, length: number): number {
  if (max <= 0 || value <= 0) return 0;
  return (Math.min(value, max) / max) * length;
}

/** A round number at or above `max` for the top of an axis (1, 2, 5, 10, 20, 50, ...). */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Evenly spaced whole-number ticks from 0 to `top` (at most `most` + 1 of them). */
export function ticks(top: number, most = 5): number[] {
  const step = Math.max(1, niceCeiling(top / most));
  const found: number[] = [];
  for (let value = 0; value <= top; value += step) found.push(value);
  return found;
}

/**
 * The runs of a line that has gaps: consecutive known values are joined, a missing value
 * (suppressed) breaks the line. Each run is a list of indexes.
 */
export function runs(values: (number | null)[]): number[][] {
  const found: number[][] = [];
  let current: number[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) found.push(current);
      current = [];
    } else {
      current.push(index);
    }
  });
  if (current.length) found.push(current);
  return found;
}

/** Points evenly round a circle, the first at the top, going clockwise. */
export function aroundCircle(n: number, cx: number, cy: number, r: number): { x: number; y: number; angle: number }[] {
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle), angle };
  });
}

/** A label cut to `most` characters, with an ellipsis when it was longer. */
export function shorten(label: string, most: number): string {
  return label.length <= most ? label : `${label.slice(0, most - 1).trimEnd()}…`;
}

/** Scale `value` from [low, high] onto [from, to]; the middle of the range when low = high. */
export function scale(value: number, low: number, high: number, from: number, to: number): number {
  if (high <= low) return (from + to) / 2;
  return from + ((value - low) / (high - low)) * (to - from);
}

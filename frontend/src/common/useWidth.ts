import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * The width an element is laid out at, in CSS pixels, followed as the window changes; `fallback`
 * until it has been measured (and where nothing is measured, as in a test's document).
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const now = element.clientWidth;
      if (now > 0) setWidth(Math.round(now));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

// Small pieces every section of the patterns screen uses.

import { type ReactNode, useId, useRef, useState } from "react";

import type { Entry } from "../../common/glossary";
import { Term } from "../../common/Term";
import { useWidth } from "../../common/useWidth";
import { plural } from "../../words";

/** The first `first` items, or all of them once the person asks; the button says how many. */
export function useShowAll<T>(items: T[], first: number, what: string): [T[], ReactNode] {
  const [all, setAll] = useState(false);
  if (items.length <= first) return [items, null];
  const button = (
    <button
      type="button"
      className="govuk-button govuk-button--secondary"
      aria-expanded={all}
      onClick={() => setAll(!all)}
    >
      {all ? `Show the first ${first} ${what} only` : `Show all ${items.length} ${what}`}
    </button>
  );
  return [all ? items : items.slice(0, first), button];
}

/** A code as a person reads it: its label, with its id beneath. */
export function CodeName({ code, label }: { code: string; label: string }) {
  return (
    <>
      {label}
      <span className="scr-code">{code}</span>
    </>
  );
}

/** A section of the screen under its heading; `id` names it for the links to it ("trends"). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="scr-pattern-section" aria-labelledby={`${id}-heading`}>
      <h2 className="govuk-heading-m" id={`${id}-heading`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A code heading its row of a table. */
export function CodeRowHeader({ code, label }: { code: string; label: string }) {
  return (
    <th scope="row" className="govuk-table__header scr-pattern-table__code">
      <CodeName code={code} label={label} />
    </th>
  );
}

/** A wide table that scrolls sideways on its own, reachable and named for the keyboard. */
export function Scrolls({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take the focus, for the keyboard to scroll it
    <div className="scr-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A short note under a chart ("3 codes with a suppressed count are left out of the chart"). */
export function ChartNote({ children }: { children: ReactNode }) {
  return <p className="govuk-body-s scr-chart-note">{children}</p>;
}

export { plural };

/** A column of a table: its words, numeric ones (right-aligned) marked, a word of the method explained. */
export type Column = string | { numeric: string; term?: Entry } | { text: string; term: Entry };

/** A table's head: each column's words, numeric ones (right-aligned) marked. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column) => {
          if (typeof column === "string") {
            return (
              <th scope="col" className="govuk-table__header" key={column}>
                {column}
              </th>
            );
          }
          const numeric = "numeric" in column;
          const text = "numeric" in column ? column.numeric : column.text;
          return (
            <th
              scope="col"
              className={`govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}`}
              key={text}
              // Read with each cell: the column's words, not the explanation's button.
              abbr={column.term ? text : undefined}
            >
              {column.term ? <Term entry={column.term}>{text}</Term> : text}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** Said under a list that has only its first page: how many of how many, and where the rest are. */
export function FirstPageOnly({
  listed,
  total,
  one,
  many,
}: {
  listed: number;
  total: number;
  one: string;
  many: string;
}) {
  if (total <= listed) return null;
  return (
    <p className="govuk-body-s">
      These are the {plural(listed, one, many)} found in most reviews, of {total.toLocaleString("en-GB")}. The CSV
      download below has every {one}.
    </p>
  );
}

/** The widest a chart is drawn, the page's column; narrower where the screen is. */
export const WIDEST_CHART = 960;

/**
 * A chart drawn at the width it has on the screen, so that its text keeps the size it is
 * given (an SVG scaled down to a phone's width shrinks its text to a few pixels). A chart that
 * cannot be drawn narrower than `least` is drawn at that width and scrolls sideways in its own
 * box, reachable and named for the keyboard.
 */
export function Measured({
  least = 0,
  label,
  children,
}: {
  least?: number;
  label?: string;
  children: (width: number) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const room = Math.min(WIDEST_CHART, useWidth(box, WIDEST_CHART));
  const scrolls = room < least;
  return (
    <div
      ref={box}
      className={`scr-chart-box${scrolls ? " scr-table-scroll" : ""}`}
      {...(scrolls ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      {children(Math.max(room, least))}
    </div>
  );
}

/**
 * An SVG chart as one image for a screen reader, named by its title and described in words;
 * the table beside it carries the figures. Drawn one unit to a pixel: `width` is the width it
 * has on the screen (see Measured).
 */
export function ChartFrame(props: {
  className: string;
  width: number;
  height: number;
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg
      className={`scr-chart ${props.className}`}
      viewBox={`0 0 ${props.width} ${props.height}`}
      width={props.width}
      height={props.height}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

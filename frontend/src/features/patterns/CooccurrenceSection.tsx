import type { CodePair, Cooccurrence } from "../../client/types.gen";
import { STATISTICS } from "../../common/glossary";
import { Term } from "../../common/Term";
import { CountCell, shown, Suppressed } from "./counts";
import { AXES, type Edge, NetworkChart } from "./NetworkChart";
import {
  ChartNote,
  CodeName,
  CodeRowHeader,
  type Column,
  FirstPageOnly,
  plural,
  Scrolls,
  Section,
  TableHead,
  useShowAll,
} from "./parts";

const MOST_EDGES = 30;
const MOST_CODES = 16;
const FIRST_ROWS = 25;
const COLUMNS: Column[] = [
  "Code",
  "Found with",
  { numeric: "Reviews with both" },
  { numeric: "Lift", term: STATISTICS.lift },
  { numeric: "p (Fisher)", term: STATISTICS.pValue },
  { numeric: "q (corrected)", term: STATISTICS.qValue },
  { text: "Significant", term: STATISTICS.significant },
];

/** The pairs found in most reviews whose counts are published, as few codes as reads well. */
export function networkEdges(pairs: CodePair[]): Edge[] {
  const edges: Edge[] = [];
  const codes = new Set<string>();
  for (const pair of pairs) {
    const count = shown(pair.count);
    if (count === null) continue;
    const adding = [pair.code_a, pair.code_b].filter((c) => !codes.has(c)).length;
    if (codes.size + adding > MOST_CODES) continue;
    codes.add(pair.code_a);
    codes.add(pair.code_b);
    edges.push({ a: pair.code_a, b: pair.code_b, count, lift: pair.lift ?? null });
    if (edges.length === MOST_EDGES) break;
  }
  return edges;
}

/** How "significant" allows for the number of pairs tested in this answer. */
export function significanceNote(data: Pick<Cooccurrence, "tested" | "false_discovery_rate">): string {
  const rate = data.false_discovery_rate;
  return (
    `Testing many pairs at once makes some small p-values by chance, so each p is corrected for the ` +
    `${plural(data.tested, "pair", "pairs")} tested here (the Benjamini–Hochberg method): the result is q. ` +
    `A pair is significant when q is ${rate} or less, so among the significant pairs, on average no more ` +
    `than ${Math.round(rate * 100)} in 100 are found together by chance.`
  );
}

export function pValueText(p: number): string {
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}

/** Pairs of codes found in the same reviews: a network of the strongest, and the table of all. */
export function CooccurrenceSection({ data, labels }: { data: Cooccurrence; labels: Map<string, string> }) {
  const edges = networkEdges(data.items);
  const [rows, showAll] = useShowAll(data.items, FIRST_ROWS, "pairs");
  const label = (code: string) => labels.get(code) ?? code;
  const axes = AXES.filter((axis) => edges.some((e) => e.a.startsWith(axis.prefix) || e.b.startsWith(axis.prefix)));
  return (
    <Section id="cooccurrence" title="Codes found together">
      <p className="govuk-body">
        Pairs of codes found in the same reviews, in at least {plural(data.min_support, "review", "reviews")}.{" "}
        <Term entry={STATISTICS.lift}>
          <strong>Lift</strong>
        </Term>{" "}
        is how many times more often the pair is found together than if the codes were unrelated (1 is as often as
        chance).{" "}
        <Term entry={STATISTICS.pValue}>
          <strong>p</strong>
        </Term>{" "}
        is Fisher's exact test: the chance of finding them together this often if they were unrelated.
      </p>
      <p className="govuk-body" id="cooccurrence-correction">
        {significanceNote(data)}
      </p>
      {data.items.length === 0 ? (
        <p className="govuk-body">
          No pair of codes is found together in {plural(data.min_support, "review", "reviews")} or more.
        </p>
      ) : (
        <>
          {edges.length > 0 && (
            <>
              <NetworkChart
                edges={edges}
                labels={labels}
                title="Network of codes found together"
                description={`${plural(edges.length, "pair", "pairs")} of codes found in most reviews, joined by lines as thick as the number of reviews. The table "Pairs of codes" gives the figures.`}
              />
              <ul className="govuk-list scr-chart-key" aria-label="Key to the network">
                {axes.map((axis) => (
                  <li key={axis.prefix}>
                    <svg width="16" height="16" aria-hidden="true" focusable="false">
                      <circle cx="8" cy="8" r="7" fill={axis.colour} />
                    </svg>{" "}
                    {axis.name}
                  </li>
                ))}
                <li>A thicker line: found together in more reviews.</li>
                <li>A solid line: found together more often than chance (lift above 1); dashed: not.</li>
              </ul>
              <ChartNote>
                The network draws the {plural(edges.length, "pair", "pairs")} found in most reviews
                {/* Outside a board's own view the service lists no pair whose count is suppressed. */}
                {data.suppressed ? "; pairs with a suppressed count are left out" : ""}.
              </ChartNote>
            </>
          )}
          <Scrolls label="Pairs of codes (scrolls sideways)">
            <table className="govuk-table scr-pattern-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Pairs of codes</caption>
              <TableHead columns={COLUMNS} />
              <tbody className="govuk-table__body">
                {rows.map((pair) => (
                  <tr className="govuk-table__row" key={`${pair.code_a}|${pair.code_b}`}>
                    <CodeRowHeader code={pair.code_a} label={label(pair.code_a)} />
                    <td className="govuk-table__cell scr-pattern-table__code">
                      <CodeName code={pair.code_b} label={label(pair.code_b)} />
                    </td>
                    <CountCell count={pair.count} />
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {pair.lift == null ? <Suppressed /> : pair.lift.toFixed(2)}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {pair.p_value == null ? <Suppressed /> : pValueText(pair.p_value)}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {pair.q_value == null ? <Suppressed /> : pValueText(pair.q_value)}
                    </td>
                    <td className="govuk-table__cell">
                      {pair.significant == null ? <Suppressed /> : pair.significant ? "Yes" : "No"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scrolls>
          <FirstPageOnly listed={data.items.length} total={data.total} one="pair" many="pairs" />
          {showAll}
        </>
      )}
    </Section>
  );
}

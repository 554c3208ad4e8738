import type { Frequencies } from "../../client/types.gen";
import { BarChart } from "./BarChart";
import { CountCell, countText, percent, shown, Suppressed } from "./counts";
import { ChartNote, CodeRowHeader, plural, Scrolls, Section, TableHead, useShowAll } from "./parts";

const FIRST = 20;

/** Per code, the number and share of the reviews that have it: bars, and the table beside them. */
export function FrequencySection({ data }: { data: Frequencies }) {
  const [items, showAll] = useShowAll(data.items, FIRST, "codes");
  const selected = shown(data.reviews);
  const drawn = items.filter((item) => shown(item.count) !== null);
  const left = data.items.filter((item) => shown(item.count) === null).length;
  // On a scale of all the reviews counted, so a bar reads as the share of them.
  const max = selected ?? Math.max(0, ...drawn.map((item) => shown(item.count) ?? 0));
  return (
    <Section id="frequencies" title="Codes found in most reviews">
      <p className="govuk-body">
        The number of reviews with each code, and their share of the reviews counted. A code counts the reviews tagged
        with it or with any narrower code; each review counts once, however many of its records carry the code.
      </p>
      {data.items.length === 0 ? (
        <p className="govuk-body">No agreed tag is counted in this view.</p>
      ) : (
        <>
          {drawn.length > 0 && (
            <BarChart
              title="Reviews per code"
              description={`Bars of the number of reviews with each code, largest first, on a scale of 0 to ${max}. The table "Reviews per code" gives the figures.`}
              max={max}
              bars={drawn.map((item) => ({
                key: item.code,
                label: item.label,
                value: shown(item.count) ?? 0,
                text: item.share === null ? countText(item.count) : `${countText(item.count)} (${percent(item.share)})`,
              }))}
            />
          )}
          {left > 0 && (
            <ChartNote>
              {plural(left, "code has a suppressed count and is", "codes have a suppressed count and are")} left out of
              the chart; the table lists {left === 1 ? "it" : "them"} last.
            </ChartNote>
          )}
          <Scrolls label="Reviews per code (scrolls sideways)">
            <table className="govuk-table scr-pattern-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Reviews per code</caption>
              <TableHead columns={["Code", { numeric: "Reviews" }, { numeric: "Share of reviews" }]} />
              <tbody className="govuk-table__body">
                {items.map((item) => (
                  <tr className="govuk-table__row" key={item.code} data-code={item.code}>
                    <CodeRowHeader code={item.code} label={item.label} />
                    <CountCell count={item.count} />
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {shown(item.count) === null ? <Suppressed /> : percent(item.share)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scrolls>
          {showAll}
        </>
      )}
    </Section>
  );
}

import type { Trends } from "../../client/types.gen";
import { CountCell, shown } from "./counts";
import { ChartNote, CodeRowHeader, plural, Scrolls, Section, TableHead, useShowAll } from "./parts";
import { MarkerShape, SERIES_STYLES, TrendChart } from "./TrendChart";

const LINES = SERIES_STYLES.length;

/** Reviews a year for each code: lines for the codes in most reviews, and the table of every year. */
export function TrendSection({ data }: { data: Trends }) {
  const [items, showAll] = useShowAll(data.items, LINES, "codes");
  // The codes in most reviews whose total is published (the service lists those first).
  const lines = data.items.filter((item) => shown(item.count) !== null).slice(0, LINES);
  const series = lines.map((item) => ({
    code: item.code,
    label: item.label,
    values: item.years.map((y) => shown(y.count)),
  }));
  const gaps = series.reduce((n, s) => n + s.values.filter((v) => v === null).length, 0);
  // Lines along 0 with every other year suppressed would say nothing: then only the table.
  const drawn = series.some((s) => s.values.some((v) => v !== null && v > 0));
  const first = data.years[0];
  const last = data.years.at(-1);
  return (
    <Section id="trends" title="Trends by year">
      <p className="govuk-body">
        The reviews with each code in each year, by the year the review was notified.
        {lines.length > 0 && ` The chart draws the ${plural(lines.length, "code", "codes")} found in most reviews.`}
      </p>
      {data.items.length === 0 || data.years.length === 0 ? (
        <p className="govuk-body">No review in this view has both a year and an agreed tag.</p>
      ) : (
        <>
          {drawn && (
            <>
              <TrendChart
                years={data.years}
                series={series}
                title={`Reviews a year, ${first} to ${last}`}
                description={`Lines of the reviews a year for ${series.map((s) => s.label).join(", ")}. The table "Reviews per code and year" gives the figures.`}
              />
              <ul className="govuk-list scr-chart-key" aria-label="Key to the lines">
                {series.map((s, n) => {
                  const style = SERIES_STYLES[n % SERIES_STYLES.length];
                  return (
                    <li key={s.code}>
                      <svg width="34" height="14" aria-hidden="true" focusable="false">
                        <line x1="2" x2="32" y1="7" y2="7" stroke={style.colour} strokeWidth="3" />
                        <MarkerShape marker={style.marker} colour={style.colour} x={17} y={7} />
                      </svg>{" "}
                      {s.label}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {gaps > 0 && drawn && (
            <ChartNote>Years whose count is suppressed are left out of the lines, which break there.</ChartNote>
          )}
          {!drawn && (
            <ChartNote>
              Every yearly count of these codes is suppressed or 0, so the chart has nothing to draw. A wider choice of
              partnerships or years may show more.
            </ChartNote>
          )}
          <Scrolls label="Reviews per code and year (scrolls sideways)">
            <table className="govuk-table scr-pattern-table scr-trend-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Reviews per code and year</caption>
              <TableHead
                columns={["Code", ...data.years.map((year) => ({ numeric: String(year) })), { numeric: "All years" }]}
              />
              <tbody className="govuk-table__body">
                {items.map((item) => (
                  <tr className="govuk-table__row" key={item.code} data-code={item.code}>
                    <CodeRowHeader code={item.code} label={item.label} />
                    {item.years.map((y) => (
                      <CountCell key={y.year} count={y.count} />
                    ))}
                    <CountCell count={item.count} />
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

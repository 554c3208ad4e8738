import type { Chains } from "../../client/types.gen";
import { CountCell } from "./counts";
import { CodeName, FirstPageOnly, plural, Scrolls, Section, TableHead, useShowAll } from "./parts";

const FIRST = 25;

/** Recurring causal chains at the typology level, counted in reviews. */
export function ChainsSection({ data }: { data: Chains }) {
  const [rows, showAll] = useShowAll(data.items, FIRST, "chains");
  return (
    <Section id="chains" title="Recurring causal chains">
      <p className="govuk-body">
        A contributory factor with one code influenced a factor with another, which contributed to a key practice
        episode with a third: the chains found along the reviews' causal graphs in at least{" "}
        {plural(data.min_support, "review", "reviews")}.
      </p>
      {data.items.length === 0 ? (
        <p className="govuk-body">No chain is found in {plural(data.min_support, "review", "reviews")} or more.</p>
      ) : (
        <>
          <Scrolls label="Causal chains (scrolls sideways)">
            <table className="govuk-table scr-pattern-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Causal chains</caption>
              <TableHead
                columns={["Factor", "influenced a factor", "which contributed to an episode", { numeric: "Reviews" }]}
              />
              <tbody className="govuk-table__body">
                {rows.map((chain) => (
                  <tr className="govuk-table__row" key={chain.codes.join("|")}>
                    {chain.codes.map((code, i) => (
                      <td className="govuk-table__cell scr-pattern-table__code" key={`${i}-${code}`}>
                        {i > 0 && (
                          <span className="scr-chain-arrow" aria-hidden="true">
                            →{" "}
                          </span>
                        )}
                        <CodeName code={code} label={chain.labels[i] ?? code} />
                      </td>
                    ))}
                    <CountCell count={chain.count} />
                  </tr>
                ))}
              </tbody>
            </table>
          </Scrolls>
          <FirstPageOnly listed={data.items.length} total={data.total} one="chain" many="chains" />
          {showAll}
        </>
      )}
    </Section>
  );
}

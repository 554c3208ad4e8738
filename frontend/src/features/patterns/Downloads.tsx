import { type MouseEvent, useState } from "react";

import { SignedOut } from "../../api";
import { exchangeAggregatesCsv, exchangeNetworkGraphml, patternsCooccurrence } from "../../client/sdk.gen";
import { downloadFile } from "../../common/download";
import { ErrorSummary } from "../../common/ErrorSummary";
import { apiQuery, downloadAddress, type PatternFilters } from "./filters";
import { Section } from "./parts";

interface Download {
  name: string;
  path: string;
  extra: Record<string, string>;
  /** The file's name if the service gives none (it names the file after the board, region or England). */
  file: string;
  what: string;
  fetch: (query: ReturnType<typeof apiQuery> & { min_support: number }) => Parameters<typeof downloadFile>[0];
}

const DOWNLOADS: Download[] = [
  {
    name: "Every figure (CSV)",
    path: "/api/v1/exports/aggregates.csv",
    extra: {},
    file: "aggregates.csv",
    what: "frequencies, trends, pairs and chains in one table",
    fetch: (query) => exchangeAggregatesCsv({ query, parseAs: "blob" }),
  },
  {
    name: "Network of codes (GraphML)",
    path: "/api/v1/exports/network.graphml",
    extra: {},
    file: "code-network.graphml",
    what: "every pair of codes, for Gephi or Cytoscape",
    fetch: (query) => exchangeNetworkGraphml({ query, parseAs: "blob" }),
  },
  {
    name: "Network of codes (GEXF)",
    path: "/api/v1/patterns/cooccurrence",
    extra: { format: "gexf" },
    file: "cooccurrence.gexf",
    what: "every pair of codes, for Gephi",
    fetch: (query) => patternsCooccurrence({ query: { ...query, format: "gexf" }, parseAs: "blob" }),
  },
];

/**
 * The figures of the view as files, with the same filters. The service needs the sign-in's
 * token, which a plain link does not send, so a click fetches the file and saves it; the
 * link's address is still the file's, to copy into another tool.
 */
export function Downloads({ filters, minSupport }: { filters: PatternFilters; minSupport: number }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const support = { min_support: String(minSupport) };

  async function download(event: MouseEvent, item: Download) {
    event.preventDefault();
    setProblem(null);
    setBusy(item.name);
    try {
      await downloadFile(item.fetch({ ...apiQuery(filters), min_support: minSupport }), item.file);
    } catch (error) {
      if (!(error instanceof SignedOut))
        setProblem(`${item.name} could not be downloaded: ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Section id="downloads" title="Download these figures">
      <ErrorSummary problems={problem ? [{ text: problem }] : []} />
      <p className="govuk-body">
        With the same filters as this page, and the same figures: one suppressed or changed here is suppressed or
        changed in the file too.
      </p>
      <ul className="govuk-list">
        {DOWNLOADS.map((item) => (
          <li key={item.name}>
            <a
              className="govuk-link"
              href={downloadAddress(item.path, filters, { ...support, ...item.extra })}
              onClick={(event) => void download(event, item)}
              aria-busy={busy === item.name || undefined}
            >
              {item.name}
            </a>
            <span className="govuk-body-s"> – {item.what}</span>
            {busy === item.name && <span className="govuk-body-s"> (downloading…)</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

import { type MouseEvent, useState } from "react";

import { SignedOut } from "../../api";
import { graphGraph } from "../../client/sdk.gen";
import { downloadFile } from "../../common/download";
import { ErrorSummary } from "../../common/ErrorSummary";

const FILES = [
  { format: "graphml", name: "GraphML", what: "for Gephi, Cytoscape or networkx" },
  { format: "gexf", name: "GEXF", what: "for Gephi" },
] as const;

/**
 * The review's own causal graph as a file, every record and link with its kind. The service
 * needs the sign-in's token, which a plain link does not send, so a click fetches the file and
 * saves it under the service's name for it; the link's address is still the file's.
 */
export function GraphDownloads({ reviewId, reference }: { reviewId: number; reference: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function download(event: MouseEvent, file: (typeof FILES)[number]) {
    event.preventDefault();
    setProblem(null);
    setBusy(file.format);
    try {
      await downloadFile(
        graphGraph({ path: { review_id: reviewId }, query: { format: file.format }, parseAs: "blob" }),
        `${reference}-causal-graph.${file.format}`,
      );
    } catch (error) {
      if (!(error instanceof SignedOut)) {
        setProblem(`The graph could not be downloaded as ${file.name}: ${(error as Error).message}`);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="graph-downloads">
      <h2 className="govuk-heading-m" id="graph-downloads">
        Download the graph
      </h2>
      <ErrorSummary problems={problem ? [{ text: problem }] : []} />
      <p className="govuk-body">Every record and link of the review, each with its kind, to open in another tool.</p>
      <ul className="govuk-list">
        {FILES.map((file) => (
          <li key={file.format}>
            <a
              className="govuk-link"
              href={`/api/v1/reviews/${reviewId}/graph?format=${file.format}`}
              onClick={(event) => void download(event, file)}
              aria-busy={busy === file.format || undefined}
            >
              The causal graph as {file.name}
            </a>
            <span className="govuk-body-s"> – {file.what}</span>
            {busy === file.format && <span className="govuk-body-s"> (downloading…)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

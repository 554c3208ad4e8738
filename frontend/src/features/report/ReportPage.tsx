import { type MouseEvent, useState } from "react";

import { ok, SignedOut } from "../../api";
import { reportBoardResponse, reportRead } from "../../client/sdk.gen";
import { downloadFile } from "../../common/download";
import { ErrorSummary } from "../../common/ErrorSummary";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { useReview } from "../review/ReviewLayout";

type Format = "pdf" | "docx";
type Document = "report" | "board-response";

const FILES: { document: Document; format: Format; name: string; what: string }[] = [
  { document: "report", format: "pdf", name: "Download the report as a PDF", what: "tagged for screen readers, A4" },
  {
    document: "report",
    format: "docx",
    name: "Download the report in Word",
    what: "to edit, or to print on the Board's template",
  },
  {
    document: "board-response",
    format: "pdf",
    name: "Download the Board's response as a PDF",
    what: "the responses to the questions and the actions agreed",
  },
  {
    document: "board-response",
    format: "docx",
    name: "Download the Board's response in Word",
    what: "once the Board has responded to a question",
  },
];

/**
 * The review's report as the Board would publish it: a preview (the same HTML the PDF is
 * printed from) and both downloads, and the Board's response once recorded. Until the review
 * is published with no open identifier, every version is a DRAFT.
 */
export function ReportPage() {
  const { review } = useReview();
  const [loaded] = useLoad(
    async (signal) =>
      (await ok(
        reportRead({ path: { review_id: review.id }, query: { format: "html" }, parseAs: "text", signal }),
      )) as string,
    [review.id, review.version],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const stem = review.reference.replace(/[^A-Za-z0-9_-]+/g, "-");

  async function download(event: MouseEvent, file: (typeof FILES)[number]) {
    event.preventDefault();
    setProblem(null);
    setBusy(file.name);
    try {
      const options = { path: { review_id: review.id }, query: { format: file.format }, parseAs: "blob" } as const;
      const draft = review.status === "published" ? "" : "-draft";
      await downloadFile(
        file.document === "report" ? reportRead(options) : reportBoardResponse(options),
        `${stem}-${file.document}${draft}.${file.format}`,
      );
    } catch (error) {
      if (!(error instanceof SignedOut)) setProblem(`${file.name} failed: ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  }

  const path = (file: (typeof FILES)[number]) => (file.document === "report" ? "report" : "response");
  return (
    <>
      <h1 className="govuk-heading-l">Report</h1>
      <p className="govuk-body">
        {review.status === "published"
          ? "The review is published. Unless an identifier has been found in its text since, this is its final report: the file made at publication, the same each time."
          : "Until the review is published with no open identifier in its scan, the report is a draft, marked DRAFT on every page."}
      </p>
      <ErrorSummary problems={problem ? [{ text: problem }] : []} />
      <ul className="govuk-list">
        {FILES.map((file) => (
          <li key={file.name}>
            <a
              className="govuk-link"
              href={`/api/v1/reviews/${review.id}/${path(file)}?format=${file.format}`}
              onClick={(event) => void download(event, file)}
              aria-busy={busy === file.name || undefined}
            >
              {file.name}
            </a>
            <span className="govuk-body-s"> – {file.what}</span>
            {busy === file.name && <span className="govuk-body-s"> (making the file…)</span>}
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Preview</h2>
      {loaded.state === "ready" ? (
        <iframe className="scr-report-preview" title="Preview of the report" sandbox="" srcDoc={loaded.data} />
      ) : (
        <LoadProblem loaded={loaded} what="report" />
      )}
    </>
  );
}

import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router-dom";

import { ApiError, ok } from "../../api";
import { chronologyImport } from "../../client/sdk.gen";
import type { ChronologyImportReport } from "../../client/types.gen";
import { ErrorSummary } from "../../common/ErrorSummary";
import { Select } from "../../common/fields";
import { useReview } from "../review/ReviewLayout";
import { formatDate, plural } from "../../words";
import { RecordTable } from "../../common/RecordTable";

const FIELDS: [string, string][] = [
  ["date", "Date"],
  ["time", "Time"],
  ["summary", "Summary"],
  ["source", "Source"],
  ["significant", "Significant"],
  ["author_role", "Author's role"],
];
const OUTCOMES = { imported: "To import", refused: "Refused", duplicate: "Likely duplicate" } as const;
const TAGS = { imported: "govuk-tag--green", refused: "govuk-tag--red", duplicate: "govuk-tag--grey" } as const;
const PAGE = 50;

/**
 * Import an agency's chronology: choose the file and the agency, preview (every row says what
 * will happen to it), correct the columns if the guess is wrong, then import. The same file is
 * sent again to import it: the service keeps nothing between the two.
 */
export function ImportPage() {
  const { review, agencies } = useReview();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [agency, setAgency] = useState("");
  const [columns, setColumns] = useState<Record<string, string> | null>(null);
  const [report, setReport] = useState<ChronologyImportReport | null>(null);
  const [headers, setHeaders] = useState<string[] | null>(null);
  // The workbook's sheets and the one read ("" until the person chooses: the first not blank).
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [problem, setProblem] = useState<{ field?: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [show, setShow] = useState("all");
  const [page, setPage] = useState(0);
  const list = `/reviews/${review.id}/chronology`;
  const agencyOptions = [...agencies.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a): [string, string] => [a.code, a.name]);

  async function send(commit: boolean, mapping: Record<string, string> | null, chosen = sheet) {
    if (!file) return setProblem({ field: "file", text: "Choose the agency's chronology file" });
    if (!agency) return setProblem({ field: "agency", text: "Choose the agency whose chronology this is" });
    setBusy(true);
    setProblem(null);
    try {
      const answer = await ok(
        chronologyImport({
          path: { review_id: review.id },
          body: {
            file,
            agency,
            commit,
            ...(mapping ? { columns: JSON.stringify(mapping) } : {}),
            ...(chosen ? { sheet: chosen } : {}),
          },
        }),
      );
      if (commit) {
        navigate(list, {
          state: {
            saved: `${plural(answer.imported, "entry", "entries")} from ${
              agencies.get(answer.agency_id)?.name ?? agency
            } ${answer.imported === 1 ? "was" : "were"} imported${
              answer.duplicates
                ? ` (${plural(answer.duplicates, "likely duplicate", "likely duplicates")} left out)`
                : ""
            }.`,
          },
        });
        return;
      }
      setReport(answer);
      setHeaders(answer.headers);
      setColumns(answer.columns);
      setSheets(answer.sheets ?? []);
      setSheet(answer.sheet);
      setPage(0);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const body = error.body as {
        report?: ChronologyImportReport;
        headers?: string[];
        sheet?: string;
        sheets?: string[];
      };
      if (body.report) setReport(body.report);
      if (body.sheets) setSheets(body.sheets);
      if (body.sheet && body.sheets?.length) setSheet(body.sheet);
      if (body.headers) {
        // The columns could not be guessed: the sheet's headers, for the person to choose.
        setReport(null);
        setHeaders(body.headers);
        setColumns(mapping ?? {});
      }
      setProblem({ field: "file", text: error.message });
    } finally {
      setBusy(false);
    }
  }

  function preview(event: FormEvent) {
    event.preventDefault();
    setReport(null);
    setHeaders(null);
    setColumns(null);
    setSheets([]);
    setSheet("");
    void send(false, null, "");
  }

  const rows = (report?.rows ?? []).filter((row) => show === "all" || row.outcome === show);
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);

  return (
    <>
      <Link className="govuk-back-link" to={list}>
        Back to the chronology
      </Link>
      <ErrorSummary problems={problem ? [problem] : []} />
      <h1 className="govuk-heading-l">Import an agency's chronology</h1>
      <p className="govuk-body">
        Send the spreadsheet the agency gave you (.xlsx or .csv). You see every row before anything is imported; the
        import is all or nothing.
      </p>
      <form noValidate onSubmit={preview}>
        <div className={`govuk-form-group${problem?.field === "file" ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="file">
            The agency's chronology
          </label>
          <div className="govuk-hint" id="file-hint">
            An Excel workbook (.xlsx) or CSV file, at most 10 MB
          </div>
          <input
            className="govuk-file-upload"
            id="file"
            name="file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
        </div>
        <Select
          id="agency"
          label="Agency"
          value={agency}
          empty="Choose an agency"
          options={agencyOptions}
          error={problem?.field === "agency" ? problem.text : undefined}
          onChange={(value) => {
            setAgency(value);
            setReport(null);
          }}
        />
        <button type="submit" className="govuk-button" disabled={busy}>
          Preview the import
        </button>
      </form>

      {sheets.length > 1 && (
        <>
          <h2 className="govuk-heading-m">Sheet</h2>
          <Select
            id="sheet"
            label="The sheet that holds the chronology"
            hint={`The workbook has ${sheets.length} sheets.`}
            value={sheet}
            options={sheets.map((name): [string, string] => [name, name])}
            onChange={(value) => {
              // Another sheet has its own header: its columns are remembered or guessed afresh.
              setSheet(value);
              setReport(null);
              setHeaders(null);
              setColumns(null);
              void send(false, null, value);
            }}
          />
        </>
      )}

      {headers && columns && (
        <>
          <h2 className="govuk-heading-m">Columns</h2>
          <p className="govuk-body">
            {report
              ? `Sheet ‘${report.sheet}’, header in row ${report.header_row}. ${
                  report.columns_from === "remembered"
                    ? "The columns are those this agency's last import used."
                    : report.columns_from === "guessed"
                      ? "The columns were guessed from the header: check them."
                      : "The columns are as you chose."
                }`
              : "Choose the column that holds each field, then preview again."}
          </p>
          <div className="scr-filters">
            {FIELDS.map(([field, label]) => (
              <Select
                key={field}
                id={`column-${field}`}
                label={label}
                value={columns[field] ?? ""}
                empty="Not in this file"
                options={headers.map((h): [string, string] => [h, h])}
                onChange={(value) => {
                  const next = { ...columns };
                  if (value) next[field] = value;
                  else delete next[field];
                  setColumns(next);
                }}
              />
            ))}
          </div>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={busy}
            onClick={() => void send(false, columns)}
          >
            Preview again with these columns
          </button>
        </>
      )}

      {report && columns && (
        <>
          <h2 className="govuk-heading-m">Preview</h2>
          <p className="govuk-body" aria-live="polite">
            {report.imported.toLocaleString("en-GB")} to import,{" "}
            {plural(report.duplicates, "likely duplicate", "likely duplicates")} (left out),{" "}
            {report.refused.toLocaleString("en-GB")} refused.
          </p>
          <Select
            id="show"
            label="Rows"
            value={show}
            options={[["all", "All rows"], ...Object.entries(OUTCOMES)]}
            onChange={(value) => {
              setShow(value);
              setPage(0);
            }}
          />
          <RecordTable
            caption={
              <>
                Rows {rows.length === 0 ? 0 : page * PAGE + 1} to {page * PAGE + shown.length} of {rows.length}
              </>
            }
            captionClass="govuk-table__caption--s"
            records={shown}
            rowKey={(row) => row.row}
            columns={[
              { header: "Row", cell: (row) => row.row },
              {
                header: "What happens",
                cell: (row) => (
                  <>
                    <strong className={`govuk-tag ${TAGS[row.outcome]}`}>{OUTCOMES[row.outcome]}</strong>
                    {row.reason && <span className="govuk-!-display-block govuk-body-s">{row.reason}</span>}
                  </>
                ),
              },
              {
                header: "Date",
                headerClass: "scr-nowrap",
                cellClass: "scr-nowrap",
                cell: (row) => (
                  <>
                    {row.entry_date ? formatDate(row.entry_date, row.date_precision ?? "day") : ""}
                    {row.entry_time ? ` ${row.entry_time.slice(0, 5)}` : ""}
                  </>
                ),
              },
              {
                header: "Summary",
                cell: (row) => (
                  <>
                    {row.summary}
                    {row.significant && (
                      <strong className="govuk-tag govuk-tag--orange scr-inline-tag">Significant</strong>
                    )}
                  </>
                ),
              },
            ]}
          />
          <div className="govuk-button-group">
            {page > 0 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setPage(page - 1)}>
                Previous rows
              </button>
            )}
            {(page + 1) * PAGE < rows.length && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setPage(page + 1)}>
                Next rows
              </button>
            )}
          </div>
          {report.refused > 0 ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                {report.refused === 1 ? "1 row is" : `${report.refused.toLocaleString("en-GB")} rows are`} refused, so
                nothing can be imported: correct {report.refused === 1 ? "it" : "them"} in the file and preview it
                again.
              </strong>
            </div>
          ) : (
            <button type="button" className="govuk-button" disabled={busy} onClick={() => void send(true, columns)}>
              Import {plural(report.imported, "entry", "entries")}
            </button>
          )}
        </>
      )}
    </>
  );
}

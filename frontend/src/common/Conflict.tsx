import { useEffect, useRef } from "react";

import type { ApiError } from "../api";
import { RecordTable } from "./RecordTable";

export interface Compared {
  label: string;
  /** The value in words, from the record as saved by the other person or from your form. */
  show: (record: Record<string, unknown>) => string;
}

/** The record as it is now, from a 409 answer to a stale edit (ensure_version's `current`). */
export function currentOf(error: unknown): Record<string, unknown> | null {
  const body = (error as ApiError | null)?.body;
  const current = body && (body as { current?: unknown }).current;
  return current && typeof current === "object" ? (current as Record<string, unknown>) : null;
}

/**
 * Someone saved the record after you opened it: their version and yours side by side, and
 * the two ways on: take theirs (your changes are dropped), or keep yours and save again
 * (theirs is overwritten).
 */
export function ConflictNotice(props: {
  message: string;
  theirs: Record<string, unknown>;
  yours: Record<string, unknown>;
  yourVersion: number;
  compared: Compared[];
  onUseTheirs?: () => void;
  onKeepYours?: () => void;
}) {
  const { theirs, yours } = props;
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the notice takes the focus again each time their version changes
  useEffect(() => box.current?.focus(), [theirs]);
  const rows = props.compared
    .map((field) => ({ label: field.label, theirs: field.show(theirs), yours: field.show(yours) }))
    .filter((row) => row.theirs !== row.yours);
  return (
    <div className="govuk-error-summary" ref={box} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">Someone else changed this</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{props.message}</p>
        </div>
      </div>
      <RecordTable
        caption="Their version and yours"
        captionClass="govuk-table__caption--s"
        className="govuk-!-margin-bottom-4"
        records={rows}
        empty="The fields shown here are the same in both; they changed something else."
        rowKey={(row) => row.label}
        columns={[
          { header: "Field", rowHeader: true, cell: (row) => row.label },
          {
            header: <>Their version (saved, version {String(theirs.version)})</>,
            cellClass: "scr-pre-line",
            cell: (row) => row.theirs,
          },
          {
            header: <>Your version (not saved, from version {props.yourVersion})</>,
            cellClass: "scr-pre-line",
            cell: (row) => row.yours,
          },
        ]}
      />
      <div className="govuk-button-group">
        {props.onUseTheirs && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={props.onUseTheirs}>
            Use their version
          </button>
        )}
        {props.onKeepYours && (
          <button type="button" className="govuk-button govuk-button--warning" onClick={props.onKeepYours}>
            Keep my version over theirs
          </button>
        )}
      </div>
    </div>
  );
}

import { useState } from "react";

import type { AgencyRead, ChronologyEntryRead } from "../../client/types.gen";
import { agencyName, entryDate } from "./entryWords";

const LANE = 36;
const LABEL = 190;
const WIDTH = 900;
const PAD = 16;
const QUARTERS = ["Jan", "Apr", "Jul", "Oct"];

function time(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/**
 * The multi-agency timeline: one lane per agency, each entry a dot at its date, significant
 * entries larger and filled. The table beside it carries the same entries for screen readers.
 * Zooming widens the time axis (the figure then scrolls sideways), so that the entries of a
 * busy month in a chronology of thousands come apart.
 */
export function Timeline({ entries, agencies }: { entries: ChronologyEntryRead[]; agencies: Map<number, AgencyRead> }) {
  const [zoom, setZoom] = useState(1);
  if (entries.length === 0) return null;
  const width = WIDTH * zoom;
  const lanes = [...new Set(entries.map((entry) => entry.agency_id))].sort((a, b) =>
    agencyName(agencies, a).localeCompare(agencyName(agencies, b)),
  );
  const times = entries.map((entry) => time(entry.entry_date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 1);
  const x = (iso: string) => LABEL + PAD + ((time(iso) - first) / span) * (width - LABEL - 2 * PAD);
  const height = lanes.length * LANE + 40;
  // A tick at the start of each quarter inside the span: the year at January, else the month.
  const ticks: { iso: string; label: string }[] = [];
  const start = new Date(first);
  for (
    let tick = new Date(Date.UTC(start.getUTCFullYear(), Math.floor(start.getUTCMonth() / 3) * 3 + 3, 1));
    tick.getTime() <= last;
    tick = new Date(Date.UTC(tick.getUTCFullYear(), tick.getUTCMonth() + 3, 1))
  ) {
    const month = tick.getUTCMonth();
    ticks.push({
      iso: tick.toISOString().slice(0, 10),
      label: month === 0 ? String(tick.getUTCFullYear()) : QUARTERS[month / 3],
    });
  }
  const significant = entries.filter((entry) => entry.significant).length;

  return (
    <figure className="scr-timeline govuk-!-margin-0 govuk-!-margin-bottom-6">
      <figcaption className="govuk-heading-s">Multi-agency timeline</figcaption>
      <div className="govuk-button-group govuk-!-margin-bottom-2">
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          disabled={zoom >= 32}
          onClick={() => setZoom(zoom * 2)}
        >
          Zoom in
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          disabled={zoom <= 1}
          onClick={() => setZoom(zoom / 2)}
        >
          Zoom out
        </button>
        <span className="govuk-body-s" aria-live="polite">
          {zoom === 1 ? "The whole period" : `${zoom} times wider: scroll sideways`}
        </span>
      </div>
      <div className="scr-timeline__scroll">
        <svg
          style={{ width: `${zoom * 100}%` }}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`${entries.length} entries from ${lanes.length} agencies, ${entryDate(entries[0])} to ${entryDate(entries[entries.length - 1])}; ${significant} significant. The table below lists them.`}
        >
          {lanes.map((agencyId, lane) => {
            const y = lane * LANE + LANE / 2;
            return (
              <g key={agencyId}>
                <text x={LABEL - 8} y={y + 5} textAnchor="end" className="scr-timeline__label">
                  {agencyName(agencies, agencyId)}
                </text>
                <line x1={LABEL} x2={width} y1={y} y2={y} className="scr-timeline__lane" />
                {entries
                  .filter((entry) => entry.agency_id === agencyId)
                  .sort((a, b) => Number(a.significant) - Number(b.significant))
                  .map((entry) => (
                    <circle
                      key={entry.id}
                      cx={x(entry.entry_date)}
                      cy={y}
                      r={entry.significant ? 8 : 5}
                      className={
                        entry.significant ? "scr-timeline__dot scr-timeline__dot--significant" : "scr-timeline__dot"
                      }
                    >
                      <title>
                        {entryDate(entry)}, {agencyName(agencies, entry.agency_id)}
                        {entry.significant ? " (significant)" : ""}: {entry.summary}
                      </title>
                    </circle>
                  ))}
              </g>
            );
          })}
          {ticks.map((tick) => {
            const at = x(tick.iso);
            const year = tick.label.length === 4;
            return (
              <g key={tick.iso}>
                <line
                  x1={at}
                  x2={at}
                  y1={0}
                  y2={lanes.length * LANE}
                  className={year ? "scr-timeline__year" : "scr-timeline__quarter"}
                />
                <text
                  x={at}
                  y={lanes.length * LANE + 24}
                  textAnchor="middle"
                  className={year ? "scr-timeline__label scr-timeline__label--year" : "scr-timeline__label"}
                >
                  {tick.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p className="govuk-body-s">
        <span className="scr-timeline__key scr-timeline__key--significant" aria-hidden="true" /> significant entry{" "}
        <span className="scr-timeline__key" aria-hidden="true" /> other entry
      </p>
    </figure>
  );
}

import type { ReactNode } from "react";

import type { BoardRead, Region } from "../../client/types.gen";
import { type OptionGroup, Radios, Select } from "../../common/fields";
import type { Role } from "../../session";
import { AGE_BANDS, OUTCOMES, REVIEW_TYPES } from "../../words";
import type { PatternFilters } from "./filters";
import type { ContextGroup } from "./applied";
import { PERIOD_YEARS, periodOf, periodsCovering, periodText, yearChoiceOf } from "./lattice";
import { ALL, LATTICE_HINT, PUBLISHED_ONLY, RECORD_KINDS, REGIONS, YEAR_CHOICES } from "./words";

const pairs = (words: Record<string, string>) => Object.entries(words) as [string, string][];

/** One value of a list filter, or "" for all of them. */
const one = (values: string[]) => values[0] ?? "";
const list = (value: string) => (value ? [value] : []);

// The filters chosen from a fixed list of values: the form's field, the API's name (the id a
// refusal links to), the label, the values' words and a hint.
const SINGLES = [
  ["reviewType", "review_type", "Type of review", REVIEW_TYPES, undefined],
  ["outcome", "outcome", "Outcome for the child", OUTCOMES, undefined],
  ["ageBand", "age_band", "Child's age", AGE_BANDS, undefined],
  ["kind", "kind", "Tags on", RECORD_KINDS, "Count only the tags of one kind of record, or of all."],
] as const;

/** The partnership or region chosen, as one value: "board:EASTMERE", "region:london" or "". */
function areaOf(filters: PatternFilters): string {
  if (filters.board.length) return `board:${filters.board[0]}`;
  return filters.region.length ? `region:${filters.region[0]}` : "";
}

function areaGroups(boards: BoardRead[]): OptionGroup[] {
  const regions = Object.keys(REGIONS) as Region[];
  const groups: OptionGroup[] = [
    { label: "Regions", options: regions.map((r) => ({ value: `region:${r}`, label: REGIONS[r] })) },
  ];
  for (const region of regions) {
    const inRegion = boards.filter((b) => b.region === region);
    if (inRegion.length === 0) continue;
    groups.push({
      label: `Partnerships in ${REGIONS[region]}`,
      options: inRegion.map((b) => ({ value: `board:${b.code}`, label: b.name })),
    });
  }
  return groups;
}

/**
 * The filters outside a board's own view: a single choice (or all) of each, a partnership or
 * a region, every year, one year or a fixed three-year period, and published reviews only.
 * Each control's id is the field a refusal of the API links to (lattice.ts).
 */
export function LatticeFields(props: {
  form: PatternFilters;
  onChange: (changes: Partial<PatternFilters>) => void;
  role: Role;
  boards: BoardRead[];
  contextGroups: ContextGroup[];
  /** The years the data covers, for the choice of a year or a period. */
  years: number[];
  errorOf: (field: string) => string | undefined;
  /** The fields of both forms (typology version, fewest reviews), last in the grid. */
  children: ReactNode;
}) {
  const { form, onChange, errorOf } = props;
  const chosenYear = Number(form.yearFrom) || undefined;
  const years = [...new Set([...props.years, ...(chosenYear ? [chosenYear] : []), new Date().getFullYear()])].sort(
    (a, b) => a - b,
  );
  const latest = years[years.length - 1];
  const periods = periodsCovering(years);
  const yearChoice = yearChoiceOf(form);

  function chooseYears(choice: string) {
    const start = chosenYear ?? latest;
    if (choice === "all") onChange({ yearFrom: "", yearTo: "" });
    if (choice === "one") onChange({ yearFrom: String(start), yearTo: String(start) });
    if (choice === "period")
      onChange({ yearFrom: String(periodOf(start)), yearTo: String(periodOf(start) + PERIOD_YEARS - 1) });
  }

  function chooseArea(value: string) {
    const [kind, code] = value.split(":");
    onChange({ board: kind === "board" ? [code] : [], region: kind === "region" ? [code as Region] : [] });
  }

  const contextGroups: OptionGroup[] = props.contextGroups.map((group) => ({
    label: group.label,
    options: [
      { value: group.code, label: `Any: ${group.label.toLowerCase()}` },
      ...group.codes.map((c) => ({ value: c.id, label: c.label })),
    ],
  }));
  return (
    <>
      <p className="govuk-body-s">{LATTICE_HINT}</p>
      <div className="scr-filter-grid">
        {props.role === "board" ? (
          form.board.length > 0 && (
            <p className="govuk-body" id="area">
              <strong>Partnership:</strong> {form.board[0]} (not your own). Clear the filters to see your partnership's
              figures in full.
            </p>
          )
        ) : (
          <Select
            id="area"
            label="Partnership or region"
            hint="One partnership, one region, or England."
            value={areaOf(form)}
            empty={ALL.area}
            groups={areaGroups(props.boards)}
            error={errorOf("area")}
            onChange={chooseArea}
          />
        )}
        <div>
          <Radios
            id="years"
            label="Years notified"
            value={yearChoice}
            options={pairs(YEAR_CHOICES)}
            error={errorOf("years")}
            onChange={chooseYears}
          />
          {yearChoice === "one" && (
            <Select
              id="year"
              label="Year"
              value={form.yearFrom}
              options={years.map((y) => [String(y), String(y)])}
              onChange={(y) => onChange({ yearFrom: y, yearTo: y })}
            />
          )}
          {yearChoice === "period" && (
            <Select
              id="period"
              label="Period"
              value={form.yearFrom}
              options={periods.map((start) => [String(start), periodText(start)])}
              onChange={(start) => onChange({ yearFrom: start, yearTo: String(Number(start) + PERIOD_YEARS - 1) })}
            />
          )}
        </div>
        {SINGLES.map(([key, id, label, words, hint]) => (
          <Select
            key={id}
            id={id}
            label={label}
            hint={hint}
            value={one(form[key])}
            empty={ALL[key]}
            options={pairs(words)}
            error={errorOf(id)}
            onChange={(value) => onChange({ [key]: list(value) })}
          />
        ))}
        {contextGroups.length > 0 && (
          <Select
            id="context"
            label="Case context"
            hint="Count only the reviews whose agreed tags include this code."
            value={one(form.context)}
            empty={ALL.context}
            groups={contextGroups}
            error={errorOf("context")}
            onChange={(v) => onChange({ context: list(v) })}
          />
        )}
        <div className={`govuk-form-group${errorOf("status") ? " govuk-form-group--error" : ""}`}>
          <h3 className="govuk-label govuk-label--s" id="status" tabIndex={-1}>
            Status of the review
          </h3>
          {errorOf("status") && <p className="govuk-error-message">{errorOf("status")}</p>}
          <p className="govuk-body">{PUBLISHED_ONLY}</p>
        </div>
        {props.children}
      </div>
    </>
  );
}

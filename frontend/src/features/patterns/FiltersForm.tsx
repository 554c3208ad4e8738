import { type FormEvent, type ReactNode, useEffect, useState } from "react";

import type { BoardRead, Region, TypologySummary } from "../../client/types.gen";
import type { Problem } from "../../common/ErrorSummary";
import { Checkboxes, Fieldset, Select, TextInput } from "../../common/fields";
import type { Role } from "../../session";
import { AGE_BANDS, OUTCOMES, REVIEW_TYPES, STATUSES } from "../../words";
import { type ContextGroup, describe } from "./applied";
import { defaultMinSupport, NO_FILTERS, type PatternFilters } from "./filters";
import { toLattice } from "./lattice";
import { LatticeFields } from "./LatticeFields";
import { RECORD_KINDS, REGIONS } from "./words";

const options = (words: Record<string, string>) => Object.entries(words).map(([value, label]) => ({ value, label }));

function Disclosed({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details className="govuk-details scr-filter-details" open={open || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

type ListKey = "region" | "reviewType" | "outcome" | "ageBand" | "status" | "kind";

const chosen = (n: number) => (n === 0 ? "" : ` (${n} chosen)`);

/**
 * The filters, as GOV.UK form controls; applying them changes the address, which reloads the
 * figures. A board member counts their own partnership, so they choose no partnership or region.
 * Outside a board's own view (`lattice`) the form offers only the questions of the lattice.
 */
export function FiltersForm(props: {
  filters: PatternFilters;
  role: Role;
  boards: BoardRead[];
  versions: TypologySummary[];
  contextGroups: ContextGroup[];
  problems: Problem[];
  /** Outside a board's own view: one cell of the lattice (LatticeFields). */
  lattice: boolean;
  /** The years the data covers, for the lattice's choice of a year or a period. */
  years: number[];
  onApply: (filters: PatternFilters) => void;
}) {
  const shown = (filters: PatternFilters) => (props.lattice ? toLattice(filters) : filters);
  const [form, setForm] = useState(() => shown(props.filters));
  const [open, setOpen] = useState(props.problems.length > 0);
  // A problem links to its field, which must be on show.
  useEffect(() => {
    if (props.problems.length > 0) setOpen(true);
  }, [props.problems]);
  // Back and forward move through filters too: the form follows the address.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the address, and the lattice once it has loaded
  useEffect(() => setForm(shown(props.filters)), [props.filters, props.lattice]);
  const errorOf = (field: string) => props.problems.find((p) => p.field === field)?.text;
  const set =
    <K extends keyof PatternFilters>(key: K) =>
    (value: PatternFilters[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  // The checkboxes offer only the values of the filter's own type.
  const setList = (key: ListKey) => (values: string[]) => setForm((f) => ({ ...f, [key]: values }));

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onApply(form);
  }

  const ownBoard = props.role === "board";
  const regions = Object.keys(REGIONS) as Region[];
  const current = props.versions.find((v) => v.current);
  const applied = describe(props.filters, props.boards, props.contextGroups, props.role);
  // How the figures are counted, in either form.
  const counting = (
    <div>
      <Select
        id="version"
        label="Typology version"
        hint="Older tags are counted under the codes they map to."
        value={form.version}
        empty={current ? `Current (${current.version})` : "Current"}
        options={props.versions.filter((v) => !v.current).map((v) => [v.version, `${v.version}: ${v.title}`])}
        onChange={set("version")}
      />
      <TextInput
        id="min_support"
        label="Fewest reviews for a pair or chain"
        hint={`Pairs of codes and chains found in fewer reviews are left out. ${defaultMinSupport(props.role)} when left empty.`}
        width="govuk-input--width-4"
        inputMode="numeric"
        value={form.minSupport}
        error={errorOf("min_support")}
        onChange={set("minSupport")}
      />
    </div>
  );
  return (
    <div className="scr-pattern-filters">
      <h2 className="govuk-heading-m" id="filters-heading">
        Filter the reviews
      </h2>
      {applied.length === 0 ? (
        <p className="govuk-body">
          No filter is applied: every {props.lattice ? "published review" : "review you may see"} is counted.
        </p>
      ) : (
        <dl
          className="govuk-summary-list govuk-summary-list--no-border scr-applied-filters"
          aria-label="Filters applied"
        >
          {applied.map(([name, value]) => (
            <div className="govuk-summary-list__row" key={name}>
              <dt className="govuk-summary-list__key">{name}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <details
        className="govuk-details scr-filter-panel"
        open={open}
        onToggle={(event) => event.target === event.currentTarget && setOpen(event.currentTarget.open)}
      >
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{open ? "Hide the filters" : "Change the filters"}</span>
        </summary>
        <div className="govuk-details__text">
          <form noValidate onSubmit={submit} aria-labelledby="filters-heading">
            {props.lattice ? (
              <LatticeFields
                form={form}
                onChange={(changes) => setForm((f) => ({ ...f, ...changes }))}
                role={props.role}
                boards={props.boards}
                contextGroups={props.contextGroups}
                years={props.years}
                errorOf={errorOf}
              >
                {counting}
              </LatticeFields>
            ) : (
              <>
                {!ownBoard && props.boards.length > 0 && (
                  <Disclosed summary={`Partnerships${chosen(form.board.length)}`} open={form.board.length > 0}>
                    <div className="scr-filter-grid">
                      {regions.map((region) => {
                        const boards = props.boards.filter((b) => b.region === region);
                        if (boards.length === 0) return null;
                        return (
                          <Checkboxes
                            key={region}
                            id={`board-${region}`}
                            label={REGIONS[region]}
                            values={form.board.filter((code) => boards.some((b) => b.code === code))}
                            options={boards.map((b) => ({ value: b.code, label: b.name }))}
                            onChange={(values) =>
                              set("board")([
                                ...form.board.filter((code) => !boards.some((b) => b.code === code)),
                                ...values,
                              ])
                            }
                          />
                        );
                      })}
                    </div>
                  </Disclosed>
                )}
                <div className="scr-filter-grid">
                  {!ownBoard && (
                    <Checkboxes
                      id="region"
                      label="Region"
                      values={form.region}
                      options={options(REGIONS)}
                      onChange={setList("region")}
                    />
                  )}
                  <Fieldset id="years" label="Years notified" hint="For example, 2018 to 2024">
                    <div className="scr-year-range">
                      <TextInput
                        id="year_from"
                        label="From"
                        width="govuk-input--width-4"
                        inputMode="numeric"
                        value={form.yearFrom}
                        error={errorOf("year_from")}
                        onChange={set("yearFrom")}
                      />
                      <TextInput
                        id="year_to"
                        label="To"
                        width="govuk-input--width-4"
                        inputMode="numeric"
                        value={form.yearTo}
                        error={errorOf("year_to")}
                        onChange={set("yearTo")}
                      />
                    </div>
                  </Fieldset>
                  <Checkboxes
                    id="review_type"
                    label="Type of review"
                    values={form.reviewType}
                    options={options(REVIEW_TYPES)}
                    onChange={setList("reviewType")}
                  />
                  <Checkboxes
                    id="outcome"
                    label="Outcome for the child"
                    values={form.outcome}
                    options={options(OUTCOMES)}
                    onChange={setList("outcome")}
                  />
                  <Checkboxes
                    id="age_band"
                    label="Child's age"
                    values={form.ageBand}
                    options={options(AGE_BANDS)}
                    onChange={setList("ageBand")}
                  />
                  <Checkboxes
                    id="status"
                    label="Status of the review"
                    values={form.status}
                    options={options(STATUSES)}
                    onChange={setList("status")}
                  />
                  <Checkboxes
                    id="kind"
                    label="Tags on"
                    hint="Count only the tags of these records; all when none is chosen."
                    values={form.kind}
                    options={options(RECORD_KINDS)}
                    onChange={setList("kind")}
                  />
                  {counting}
                </div>
                {props.contextGroups.length > 0 && (
                  <Disclosed summary={`Case context${chosen(form.context.length)}`} open={form.context.length > 0}>
                    <p className="govuk-body-s">Count only the reviews whose agreed tags include every code chosen.</p>
                    <div className="scr-filter-grid">
                      {props.contextGroups.map((group) => {
                        const inGroup = (code: string) => code === group.code || group.codes.some((c) => c.id === code);
                        return (
                          <Checkboxes
                            key={group.code}
                            id={`context-${group.code}`}
                            label={group.label}
                            values={form.context.filter(inGroup)}
                            options={[
                              { value: group.code, label: `Any: ${group.label.toLowerCase()}` },
                              ...group.codes.map((c) => ({ value: c.id, label: c.label })),
                            ]}
                            onChange={(values) =>
                              set("context")([...form.context.filter((code) => !inGroup(code)), ...values])
                            }
                          />
                        );
                      })}
                    </div>
                  </Disclosed>
                )}
              </>
            )}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button">
                Apply filters
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => {
                  setForm(NO_FILTERS);
                  props.onApply(NO_FILTERS);
                }}
              >
                Clear filters
              </button>
            </div>
          </form>
        </div>
      </details>
    </div>
  );
}

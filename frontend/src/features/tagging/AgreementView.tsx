import { type ReactNode, useEffect, useRef, useState } from "react";

import { ApiError, ok } from "../../api";
import { tagsAgreement } from "../../client/sdk.gen";
import type { AgreementRead, CodeAgreement, CodeNode, Disagreement } from "../../client/types.gen";
import { STATISTICS } from "../../common/glossary";
import { Saved } from "../../common/Saved";
import { Term } from "../../common/Term";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { Coders } from "./Coders";
import { labelOf } from "./codes";
import { DecisionForm, DECISIONS } from "./DecisionForm";
import { kappaParadox } from "./paradox";
import { type TagTarget, targetName } from "./targets";

/** A share as a whole percentage; an undefined measure in words. */
export function percent(value: number | null): string {
  return value === null ? "Not defined" : `${Math.round(value * 100)}%`;
}

/** Kappa or alpha to two places; an undefined measure in words. */
export function coefficient(value: number | null): string {
  return value === null ? "Not defined" : value.toFixed(2);
}

type Loaded = { agreement: AgreementRead } | { none: string };

/**
 * How far the coders who submitted agree (per code and over all), the disagreements, and for
 * the lead reviewer the decision on each: agree or reject, with a reason.
 */
export function AgreementView(props: {
  reviewId: number;
  /** Whether the reader adjudicates (the lead reviewer). */
  lead: boolean;
  index: Map<string, CodeNode>;
  targets: Map<string, TagTarget>;
  version: string;
}) {
  const { reviewId, version } = props;
  const [loaded, reload, replace] = useLoad<Loaded>(
    async (signal) => {
      try {
        return { agreement: await ok(tagsAgreement({ path: { review_id: reviewId }, query: { version }, signal })) };
      } catch (error) {
        // Fewer than two coders have submitted: a state of the review, not a failure.
        if (error instanceof ApiError && error.status === 409) return { none: error.message };
        throw error;
      }
    },
    [reviewId, version],
  );
  const [deciding, setDeciding] = useState<Disagreement | null>(null);
  const [saved, setSaved] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  // After a decision the form closes: the reader goes back to the table, which shows it.
  useEffect(() => {
    if (saved) heading.current?.focus();
  }, [saved]);

  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="agreement" />;
  if ("none" in loaded.data) {
    return (
      <>
        <h2 className="govuk-heading-m">Agreement</h2>
        <p className="govuk-inset-text">{loaded.data.none}</p>
      </>
    );
  }
  const agreement = loaded.data.agreement;
  const code = (id: string) => labelOf(props.index, id);
  const record = (key: string) => targetName(props.targets, key);
  const ordered = [
    ...agreement.disagreements.filter((d) => d.adjudication === null),
    ...agreement.disagreements.filter((d) => d.adjudication !== null),
  ];
  const total = agreement.disagreements.length;

  return (
    <>
      <Saved what={saved} />
      <h2 className="govuk-heading-m">Agreement</h2>
      <p className="govuk-body">
        Between the coders who have submitted, under typology {agreement.typology_version}. For each code any of them
        used, the records compared are those the code may tag; a coder either tagged a record with it or did not.
      </p>
      <dl className="govuk-summary-list">
        <Row label="Coders">
          <ul className="govuk-list">
            {agreement.coders.map((coder) => (
              <li key={coder}>{coder}</li>
            ))}
          </ul>
        </Row>
        <Row label="Records and codes compared">{agreement.overall.units}</Row>
        <Row label={<Term entry={STATISTICS.percentAgreement} />}>{percent(agreement.overall.percent_agreement)}</Row>
        <Row label={<Term entry={STATISTICS.kappa} />}>
          <Kappa figures={agreement.overall} />
        </Row>
        <Row label={<Term entry={STATISTICS.alpha} />}>{coefficient(agreement.overall.krippendorff_alpha)}</Row>
        <Row label="Disagreements open">
          <span id="open-disagreements">
            {agreement.open_disagreements} of {total}
          </span>
        </Row>
      </dl>

      <CodesTable codes={agreement.codes} label={code} />

      <h2 className="govuk-heading-m" id="disagreements-heading" ref={heading} tabIndex={-1}>
        Disagreements
      </h2>
      {total === 0 ? (
        <p className="govuk-body">The coders tagged every record alike: there is nothing to decide.</p>
      ) : (
        <>
          <p className="govuk-body">
            A record that some coders tagged with a code and others did not.{" "}
            {agreement.open_disagreements === 0
              ? "Every one has been decided."
              : `${agreement.open_disagreements} of ${total} are open${props.lead ? ": decide each as the review's lead reviewer" : " until the lead reviewer decides them"}.`}
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Disagreements, the open ones first
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Record
                </th>
                <th scope="col" className="govuk-table__header">
                  Code
                </th>
                <th scope="col" className="govuk-table__header">
                  Tagged by
                </th>
                <th scope="col" className="govuk-table__header">
                  Not tagged by
                </th>
                <th scope="col" className="govuk-table__header">
                  Decision
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {ordered.map((d) => (
                <tr className="govuk-table__row" key={`${d.target} ${d.code}`}>
                  <td className="govuk-table__cell">{record(d.target)}</td>
                  <td className="govuk-table__cell">
                    {code(d.code)}
                    <span className="govuk-!-display-block">
                      <code className="scr-code-id">{d.code}</code>
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    <Coders emails={d.tagged_by} />
                  </td>
                  <td className="govuk-table__cell">
                    <Coders emails={d.not_tagged_by} />
                  </td>
                  <td className="govuk-table__cell">
                    {d.adjudication === null ? (
                      <>
                        <strong className="govuk-tag govuk-tag--yellow">Open</strong>
                        {props.lead && (
                          <button
                            type="button"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-2 scr-small-button"
                            onClick={() => {
                              setSaved(undefined);
                              setDeciding(d);
                            }}
                          >
                            Decide{" "}
                            <span className="govuk-visually-hidden">
                              {code(d.code)} on {record(d.target)}
                            </span>
                          </button>
                        )}
                      </>
                    ) : (
                      <>
                        <strong
                          className={`govuk-tag ${d.adjudication === "agreed" ? "govuk-tag--green" : "govuk-tag--red"}`}
                        >
                          {DECISIONS[d.adjudication]}
                        </strong>
                        {d.adjudication_rationale && (
                          <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                            {d.adjudication_rationale}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {props.lead && deciding && (
        <DecisionForm
          key={`${deciding.target} ${deciding.code}`}
          reviewId={reviewId}
          version={agreement.typology_version}
          disagreement={deciding}
          codeLabel={code(deciding.code)}
          recordName={record(deciding.target)}
          onDecided={(next, decision) => {
            replace({ agreement: next });
            setDeciding(null);
            setSaved(
              `You ${decision === "agreed" ? "agreed" : "rejected"} ‘${code(deciding.code)}’ on ‘${record(deciding.target)}’; ` +
                `${next.open_disagreements} ${next.open_disagreements === 1 ? "disagreement remains" : "disagreements remain"} open.`,
            );
          }}
          onStale={reload}
          onCancel={() => setDeciding(null)}
        />
      )}
    </>
  );
}

/** Kappa, and beside it why it is low when the coders nonetheless agree on nearly every record. */
function Kappa({ figures }: { figures: CodeAgreement }) {
  const note = kappaParadox(figures.percent_agreement, figures.cohen_kappa);
  return (
    <>
      {coefficient(figures.cohen_kappa)}
      {note && (
        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0 scr-paradox">
          {note}
        </span>
      )}
    </>
  );
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function CodesTable({ codes, label }: { codes: CodeAgreement[]; label: (id: string) => string }) {
  if (codes.length === 0) return null;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Agreement by code</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Code
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Records compared
          </th>
          <th
            scope="col"
            className="govuk-table__header govuk-table__header--numeric"
            abbr={STATISTICS.percentAgreement.term}
          >
            <Term entry={STATISTICS.percentAgreement} />
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric" abbr={STATISTICS.kappa.term}>
            <Term entry={STATISTICS.kappa} />
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric" abbr={STATISTICS.alpha.term}>
            <Term entry={STATISTICS.alpha} />
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {codes.map((row) => (
          <tr className="govuk-table__row" key={row.code}>
            <th scope="row" className="govuk-table__header">
              {label(row.code)}
              <span className="govuk-!-display-block govuk-!-font-weight-regular">
                <code className="scr-code-id">{row.code}</code>
              </span>
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{row.units}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{percent(row.percent_agreement)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              <Kappa figures={row} />
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{coefficient(row.krippendorff_alpha)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

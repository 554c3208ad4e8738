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
import { RecordTable } from "../../common/RecordTable";

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
          <RecordTable
            caption="Disagreements, the open ones first"
            captionClass="govuk-table__caption--s"
            records={ordered}
            rowKey={(d) => `${d.target} ${d.code}`}
            columns={[
              { header: "Record", cell: (d) => record(d.target) },
              {
                header: "Code",
                cell: (d) => (
                  <>
                    {code(d.code)}
                    <span className="govuk-!-display-block">
                      <code className="scr-code-id">{d.code}</code>
                    </span>
                  </>
                ),
              },
              { header: "Tagged by", cell: (d) => <Coders emails={d.tagged_by} /> },
              { header: "Not tagged by", cell: (d) => <Coders emails={d.not_tagged_by} /> },
              {
                header: "Decision",
                cell: (d) =>
                  d.adjudication === null ? (
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
                  ),
              },
            ]}
          />
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
    <RecordTable
      caption="Agreement by code"
      records={codes}
      rowKey={(row) => row.code}
      columns={[
        {
          header: "Code",
          rowHeader: true,
          cell: (row) => (
            <>
              {label(row.code)}
              <span className="govuk-!-display-block govuk-!-font-weight-regular">
                <code className="scr-code-id">{row.code}</code>
              </span>
            </>
          ),
        },
        { header: "Records compared", numeric: true, cell: (row) => row.units },
        {
          header: <Term entry={STATISTICS.percentAgreement} />,
          numeric: true,
          abbr: STATISTICS.percentAgreement.term,
          cell: (row) => percent(row.percent_agreement),
        },
        {
          header: <Term entry={STATISTICS.kappa} />,
          numeric: true,
          abbr: STATISTICS.kappa.term,
          cell: (row) => <Kappa figures={row} />,
        },
        {
          header: <Term entry={STATISTICS.alpha} />,
          numeric: true,
          abbr: STATISTICS.alpha.term,
          cell: (row) => coefficient(row.krippendorff_alpha),
        },
      ]}
    />
  );
}

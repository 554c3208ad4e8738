import { type FormEvent, useEffect, useRef, useState } from "react";

import { ApiError, ok } from "../../api";
import { tagsAdjudicate } from "../../client/sdk.gen";
import type { AgreementRead, Disagreement } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Radios, TextArea } from "../../common/fields";
import { problemsOf } from "../../common/problems";
import { Coders } from "./Coders";

export type Decision = "agreed" | "rejected";

export const DECISIONS: Record<Decision, string> = {
  agreed: "Agreed",
  rejected: "Rejected",
};

const DECISION_OPTIONS: [Decision, string][] = [
  ["agreed", "Agree: the code becomes an agreed tag of the record, which patterns count"],
  ["rejected", "Reject: the code does not fit the record"],
];

/**
 * The lead reviewer's decision on one disagreement: agree or reject, with a reason. A 409 (it
 * was decided meanwhile) shows what was not recorded, and the table is read again.
 */
export function DecisionForm(props: {
  reviewId: number;
  version: string;
  disagreement: Disagreement;
  codeLabel: string;
  recordName: string;
  onDecided: (agreement: AgreementRead, decision: Decision) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { disagreement } = props;
  const [decision, setDecision] = useState<Decision | "">("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [stale, setStale] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.text;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!decision) found.push({ field: "decision", text: "Choose whether to agree or reject the code" });
    if (!reason.trim()) found.push({ field: "reason", text: "Give the reason for your decision" });
    setProblems(found);
    setStale(null);
    if (!decision || found.length > 0) return;
    setBusy(true);
    try {
      const next = await ok(
        tagsAdjudicate({
          path: { review_id: props.reviewId },
          body: {
            target: disagreement.target,
            code: disagreement.code,
            typology_version: props.version,
            decision,
            rationale: reason.trim(),
          },
        }),
      );
      props.onDecided(next, decision);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 409) {
        setStale(error.message);
        props.onStale();
      } else {
        setProblems(problemsOf(error, { decision: "decision", rationale: "reason" }));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="decide-heading" className="scr-decision">
      <h2 className="govuk-heading-m" id="decide-heading" ref={heading} tabIndex={-1}>
        Decide: {props.codeLabel} on {props.recordName}
      </h2>
      {stale && (
        <ErrorSummary problems={[{ text: stale }]} title="Someone else changed this">
          <p className="govuk-body">
            Your decision was not recorded: {decision ? DECISIONS[decision] : ""}
            {reason.trim() ? `, ‘${reason.trim()}’` : ""}. The table above shows the decision as it stands now.
          </p>
        </ErrorSummary>
      )}
      <ErrorSummary problems={problems} />
      <p className="govuk-body">
        Tagged by <Coders emails={disagreement.tagged_by} />; not by <Coders emails={disagreement.not_tagged_by} />.
      </p>
      <form noValidate onSubmit={submit}>
        <Radios
          id="decision"
          label="Your decision"
          value={decision}
          options={DECISION_OPTIONS}
          error={errorOf("decision")}
          onChange={(value) => setDecision(value as Decision)}
        />
        <TextArea
          id="reason"
          label="Reason"
          hint="What in the record decides it, so that the other coders can follow the decision."
          rows={3}
          value={reason}
          error={errorOf("reason")}
          onChange={setReason}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy || stale !== null}>
            Record the decision
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

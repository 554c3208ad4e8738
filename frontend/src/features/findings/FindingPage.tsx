import { type FormEvent, useRef, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router-dom";

import { ok } from "../../api";
import { findingsCreate, findingsRead, findingsUpdate, linksCreate } from "../../client/sdk.gen";
import type { FindingRead, PatternKind } from "../../client/types.gen";
import { EditorForm, EditorPage, OrdinalInput, useEditor } from "../../common/editor";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { type OptionGroup, Radios, Select, TextArea, TextInput } from "../../common/fields";
import { mayChange, useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { formCodesNote, loadCodes, type TypologyCodes } from "../../typology";
import { type GraphRecord, loadLinkedRecords, nameOf } from "../factors/records";
import { useEditable, useReview } from "../review/ReviewLayout";
import { BoardQuestions } from "./BoardQuestions";
import { DeleteFinding } from "./DeleteFinding";
import { type EvidenceItem, evidenceOf, findingKey } from "./evidence";
import { FindingEvidence } from "./FindingEvidence";
import { FoundBefore } from "./FoundBefore";
import { draftOf, fieldsFor, findingOf, formOf, onQuestionFields } from "./findingForm";
import "./findings.css";
import { ACTION_STATUSES, comparedFindingFields, PATTERN_KIND_HINTS, PATTERN_KINDS } from "./findingWords";
import { RecordView } from "../../common/RecordView";
import { formatDate } from "../../words";

/** The codes a finding's category may be, as the select's groups. */
function categoryGroups(codes: TypologyCodes): OptionGroup[] {
  return codes.groups.map((group) => ({
    label: group.label,
    options: group.codes.map((code) => ({
      value: code.id,
      label: code.category ? `${code.label} (the whole category)` : code.label,
    })),
  }));
}

/** Add a systemic finding, or change one (.../findings/new or .../findings/ID). */
export function FindingPage() {
  const { review } = useReview();
  const findingId = useParams().findingId;
  const [loaded] = useLoad(
    async (signal) => {
      const finding = findingId
        ? await ok(findingsRead({ path: { review_id: review.id, finding_id: Number(findingId) }, signal }))
        : null;
      const [codes, linked] = await Promise.all([
        loadCodes("finding", signal, finding?.category ? [finding.category] : []),
        loadLinkedRecords(review.id, signal),
      ]);
      const evidence = finding ? evidenceOf(findingKey(finding.id), linked.links) : [];
      return { finding, codes, evidence, records: linked.records };
    },
    [review.id, findingId],
  );
  if (loaded.state !== "ready")
    return <LoadProblem loaded={loaded} what={findingId ? "finding" : "typology codes and records"} />;
  return <FindingEditor key={findingId ?? "new"} {...loaded.data} />;
}

const HINTS = {
  title:
    "A short name for the finding, as the report's heading: ‘Missed health appointments for babies are seen one at a time’.",
  statement:
    "The systemic issue, stated generally: not what went wrong with this family, but what in the system makes it likely to happen again. Roles, never names.",
  category:
    "The category of SCIE's typology of patterns (or a practice theme) it belongs to, so that it counts in the patterns across reviews.",
  howItAppeared:
    "How the pattern showed in this case, naming the episodes: ‘…the offer of early help was never made (KPE 2).’",
  evidenceBeyondCase:
    "Why this is not peculiar to this case: local data, audits, other reviews, the national analyses.",
  whyItMatters: "The risk the pattern creates for children and families.",
};

export function FindingEditor({
  finding,
  codes,
  evidence: firstEvidence,
  records,
}: {
  finding: FindingRead | null;
  codes: TypologyCodes;
  evidence: EvidenceItem[];
  records: Map<string, GraphRecord>;
}) {
  const session = useSession();
  const { review, lead } = useReview();
  const navigate = useNavigate();
  const notLinked = (useLocation().state as { notLinked?: Problem[] } | null)?.notLinked ?? [];
  const editable = useEditable();
  const [evidence, setEvidence] = useState(firstEvidence);
  // The ids of the questions' fields change with the form: the editor keeps this one object,
  // brought up to date below, to map the service's problems to them.
  const fields = useRef<Record<string, string>>({}).current;
  const editor = useEditor({
    record: finding,
    formOf,
    fields,
    editable,
    // A new finding's evidence waits in the page until the finding is added.
    alsoChanged: !finding && evidence.length > 0,
  });
  const { base, form, set, field, problems, refuse, errorOf, leaveFreely, save, conflictNotice } = editor;
  Object.assign(fields, fieldsFor(form));
  const list = `/reviews/${review.id}/findings`;

  /** Link the evidence chosen for a new finding; the problems of those that were not linked. */
  async function linkEvidence(saved: FindingRead): Promise<Problem[]> {
    const failed: Problem[] = [];
    for (const item of evidence) {
      try {
        await ok(
          linksCreate({
            path: { review_id: review.id },
            body: { kind: "evidenced_by", source: findingKey(saved.id), target: item.target, evidence_note: item.note },
          }),
        );
      } catch (error) {
        failed.push({ text: `${nameOf(records, item.target)}: ${(error as Error).message}` });
      }
    }
    return failed;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = findingOf(form);
    if ("problems" in checked) return refuse(checked.problems);
    let failed: Problem[] = [];
    await save(
      async (version) => {
        try {
          if (base) {
            const path = { review_id: review.id, finding_id: base.id };
            return await ok(findingsUpdate({ path, body: { version, ...checked.finding } }));
          }
          const created = await ok(findingsCreate({ path: { review_id: review.id }, body: checked.finding }));
          failed = await linkEvidence(created);
          return created;
        } catch (error) {
          throw onQuestionFields(error);
        }
      },
      (saved) => {
        if (failed.length > 0) {
          navigate(`${list}/${saved.id}`, { state: { notLinked: failed } });
        } else {
          const what = `Finding ${saved.ordinal} was ${base ? "changed" : "added"}.`;
          navigate(list, { state: { saved: what } });
        }
      },
    );
  }

  // The episodes and factors it rests on: in the form, or read as part of the document.
  const evidenceTable = (
    <FindingEvidence
      reviewId={review.id}
      finding={base ? findingKey(base.id) : null}
      items={evidence}
      onItems={setEvidence}
      records={records}
      editable={editable}
      errorOf={errorOf}
      onProblems={refuse}
    />
  );

  return (
    <EditorPage
      editor={editor}
      back="Back to the findings"
      backTo={list}
      notices={
        <>
          <ErrorSummary
            problems={problems.length === 0 ? notLinked : []}
            title="The finding was added, but not all its evidence was linked"
          >
            <p className="govuk-body">Add it again below.</p>
          </ErrorSummary>
          {conflictNotice(draftOf(form), comparedFindingFields(codes.labels))}
        </>
      }
      heading={base ? `Finding ${base.ordinal}: ${base.title}` : "Add a finding"}
      readOnly={!mayChange(session) && "You can read this finding; only the review's reviewers change it."}
    >
      {!mayChange(session) && base ? (
        <>
          <RecordView
            label={`Finding ${base.ordinal}`}
            rows={[
              ["Statement of the finding", base.statement],
              ["Kind of pattern", PATTERN_KINDS[base.pattern_kind]],
              ["Systemic pattern", base.category ? (codes.labels.get(base.category) ?? base.category) : null],
              ["What the case shows", base.how_it_appeared],
              ["Evidence that it is not peculiar to this case", base.evidence_beyond_case],
              ["Why it matters", base.why_it_matters],
            ]}
          />
          {evidenceTable}
          <h2 className="govuk-heading-m">Questions for the Board</h2>
          {base.questions.length === 0 ? (
            <p className="govuk-body">No question for the Board.</p>
          ) : (
            <ol className="govuk-list govuk-list--number">
              {base.questions.map((question) => (
                <li key={question.id}>
                  <p className="govuk-body govuk-!-font-weight-bold">{question.question}</p>
                  <p className="govuk-body">
                    {question.board_response
                      ? `The Board's response: ${question.board_response}`
                      : "The Board has not responded yet."}
                  </p>
                  {question.actions.length > 0 && (
                    <ul className="govuk-list govuk-list--bullet">
                      {question.actions.map((action) => (
                        <li key={action.id}>
                          {action.description} ({ACTION_STATUSES[action.status]}
                          {action.due_date ? `, due ${formatDate(action.due_date)}` : ""})
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <EditorForm
          editor={editor}
          onSubmit={submit}
          className="scr-editor"
          isNew={!base}
          add="Add the finding"
          cancelTo={list}
          buttonsClass="govuk-button-group govuk-!-margin-top-6"
        >
          <h2 className="govuk-heading-m">The finding</h2>
          <TextInput {...field("title")} label="Title" hint={HINTS.title} />
          <OrdinalInput {...field("ordinal")} isNew={!base} what="finding" order="the report's order of findings" />
          <TextArea {...field("statement")} label="Statement of the finding" hint={HINTS.statement} rows={6} />
          <Radios
            id="pattern-kind"
            label="Kind of pattern"
            hint={`${PATTERN_KINDS.unsafe}: ${PATTERN_KIND_HINTS.unsafe} ${PATTERN_KINDS.constructive}: ${PATTERN_KIND_HINTS.constructive}`}
            inline
            value={form.patternKind}
            options={Object.entries(PATTERN_KINDS)}
            error={errorOf("pattern-kind")}
            onChange={(value) => set("patternKind")(value as PatternKind)}
          />
          <Select
            className="scr-findings__select"
            {...field("category")}
            label="Systemic pattern (optional)"
            hint={`${HINTS.category} ${formCodesNote(session.role, lead)} Typology version ${codes.version}.`}
            groups={categoryGroups(codes)}
            empty="Not chosen yet"
          />

          <h2 className="govuk-heading-m">How it appeared in this case</h2>
          <TextArea {...field("howItAppeared")} label="What the case shows" hint={HINTS.howItAppeared} rows={5} />
          {evidenceTable}

          <h2 className="govuk-heading-m">Why it is systemic</h2>
          <TextArea
            {...field("evidenceBeyondCase")}
            label="Evidence that it is not peculiar to this case"
            hint={HINTS.evidenceBeyondCase}
            rows={5}
          />
          <TextArea {...field("whyItMatters")} label="Why it matters" hint={HINTS.whyItMatters} rows={4} />

          <BoardQuestions
            questions={form.questions}
            onChange={set("questions")}
            errorOf={errorOf}
            editable={editable}
          />
        </EditorForm>
      )}
      {base && <FoundBefore reviewId={review.id} findingId={base.id} ordinal={base.ordinal} editable={editable} />}
      {base && editable && (
        <DeleteFinding
          finding={base}
          evidence={evidence}
          records={records}
          onEvidenceChanged={setEvidence}
          beforeLeaving={leaveFreely}
        />
      )}
    </EditorPage>
  );
}

import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";

import { ok } from "../../api";
import { factorsCreate, factorsRead, factorsUpdate } from "../../client/sdk.gen";
import type { FactorLevel, FactorRead, LinkRead } from "../../client/types.gen";
import { EditorForm, EditorPage, useEditor } from "../../common/editor";
import { Checkboxes, Radios, TextArea } from "../../common/fields";
import { explanations, LEVEL_ENTRIES } from "../../common/glossary";
import { mayChange, useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { formCodesNote, loadCodes, type TypologyCodes } from "../../typology";
import { useEditable, useReview } from "../review/ReviewLayout";
import { DeleteFactor } from "./DeleteFactor";
import { comparedFactorFields, FACTOR_FIELDS, factorOf, formOf } from "./factorForm";
import "./factors.css";
import { FactorLinks } from "./FactorLinks";
import { LEVELS } from "./levels";
import { RecordView } from "../../common/RecordView";
import { type GraphRecord, loadLinkedRecords } from "./records";

/** Add a contributory factor, or change one (.../factors/new or .../factors/ID). */
export function FactorPage() {
  const { review } = useReview();
  const factorId = useParams().factorId;
  const [loaded, reload] = useLoad(
    async (signal) => {
      const factor = factorId
        ? await ok(factorsRead({ path: { review_id: review.id, factor_id: Number(factorId) }, signal }))
        : null;
      const codes = await loadCodes("factor", signal, factor?.typology_codes);
      const linked = factor ? await loadLinkedRecords(review.id, signal) : null;
      const key = `factor:${factorId}`;
      const links = linked?.links.filter((link) => link.source === key || link.target === key) ?? [];
      return { factor, codes, links, records: linked?.records ?? new Map<string, GraphRecord>() };
    },
    [review.id, factorId],
  );
  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what={factorId ? "factor" : "typology codes"} />;
  return <FactorEditor key={factorId ?? "new"} {...loaded.data} onLinksChanged={reload} />;
}

const LEVEL_HINTS = explanations(LEVEL_ENTRIES);

const HINTS = {
  description:
    "What in the system made the practice more (or less) likely, as a reviewer would put it in the report: ‘Caseloads in health visiting were well above the service's safe limit.’ Roles, never names.",
  level: "Learning Together's levels, from the family to the wider political context.",
  detail: "What shows the factor at work in this case: figures, records, what practitioners said.",
  codes: "The national typology's codes for this factor, so that it counts in the patterns across reviews.",
};

export function FactorEditor({
  factor,
  codes,
  links,
  records,
  onLinksChanged,
}: {
  factor: FactorRead | null;
  codes: TypologyCodes;
  links: LinkRead[];
  records: Map<string, GraphRecord>;
  onLinksChanged?: () => void;
}) {
  const session = useSession();
  const { review, lead } = useReview();
  const navigate = useNavigate();
  const editable = useEditable();
  const editor = useEditor({ record: factor, formOf, fields: FACTOR_FIELDS, editable });
  const { base, form, set, field, errorOf, leaveFreely, conflictNotice } = editor;
  const [codesOpen] = useState(() => form.codes.length > 0);
  const list = `/reviews/${review.id}/factors`;
  const read = factorOf(form);

  const submit = editor.submit(
    () => factorOf(form),
    (checked, version) =>
      base
        ? ok(
            factorsUpdate({
              path: { review_id: review.id, factor_id: base.id },
              body: { version, ...checked.factor },
            }),
          )
        : ok(factorsCreate({ path: { review_id: review.id }, body: checked.factor })),
    () => navigate(list, { state: { saved: base ? "The factor was changed." : "The factor was added." } }),
  );

  return (
    <EditorPage
      editor={editor}
      back="Back to the contributory factors"
      backTo={list}
      notices={conflictNotice(
        "factor" in read ? { ...read.factor } : { ...form, typology_codes: form.codes },
        comparedFactorFields(codes.labels),
      )}
      heading={base ? `${base.name}: contributory factor` : "Add a contributory factor"}
      readOnly={!mayChange(session) && "You can read this factor; only the review's reviewers change it."}
    >
      {!mayChange(session) && base ? (
        <RecordView
          label={base.name}
          rows={[
            ["Description", base.description],
            ["Level", LEVELS[base.level]],
            ["Detail and evidence", base.detail],
            ["Typology codes", base.typology_codes.map((code) => codes.labels.get(code) ?? code).join(", ")],
          ]}
        />
      ) : (
        <EditorForm
          editor={editor}
          onSubmit={submit}
          className="scr-editor"
          isNew={!base}
          add="Add the factor"
          cancelTo={list}
        >
          <TextArea {...field("description")} label="Description" hint={HINTS.description} rows={4} />
          <Radios
            id="level"
            label="Level"
            hint={HINTS.level}
            value={form.level}
            options={Object.entries(LEVELS)}
            hints={LEVEL_HINTS}
            error={errorOf("level")}
            onChange={(value) => set("level")(value as FactorLevel)}
          />
          <TextArea {...field("detail")} label="Detail and evidence (optional)" hint={HINTS.detail} rows={5} />
          {codes.groups.length > 0 && (
            <details className="govuk-details" open={codesOpen || Boolean(errorOf("codes")) || undefined}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  Typology codes{form.codes.length > 0 ? ` (${form.codes.length} chosen)` : " (optional)"}
                </span>
              </summary>
              <div className="govuk-details__text">
                <p className="govuk-hint">
                  {HINTS.codes} {formCodesNote(session.role, lead)} Typology version {codes.version}.
                </p>
                {codes.groups.map((group, index) => (
                  <Checkboxes
                    key={group.label}
                    id={index === 0 ? "codes" : `codes-${index}`}
                    label={group.label}
                    values={form.codes}
                    options={group.codes.map((code) => ({ value: code.id, label: code.label }))}
                    error={index === 0 ? errorOf("codes") : undefined}
                    onChange={set("codes")}
                  />
                ))}
              </div>
            </details>
          )}
        </EditorForm>
      )}
      {base && <FactorLinks reviewId={review.id} links={links} records={records} factorKey={`factor:${base.id}`} />}
      {base && editable && (
        <DeleteFactor
          factor={base}
          links={links}
          records={records}
          onLinksChanged={onLinksChanged}
          beforeLeaving={leaveFreely}
        />
      )}
    </EditorPage>
  );
}

import { type FormEvent, useEffect, useState } from "react";
import { Navigate, useSearchParams } from "react-router-dom";

import { ok } from "../../api";
import { auditList } from "../../client/sdk.gen";
import type { AuditAction } from "../../client/types.gen";
import { TextInput } from "../../common/fields";
import { useSession } from "../../common/signedIn";
import { Pages, useOffset } from "../../common/Pages";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { RecordTable } from "../../common/RecordTable";

const PAGE = 50;
const FILTERS = ["actor", "object_type", "review_id"] as const;
type Filter = (typeof FILTERS)[number];

const ACTIONS: Record<AuditAction, string> = {
  read: "Read",
  create: "Added",
  update: "Changed",
  delete: "Deleted",
  export: "Exported",
  import: "Imported",
  refused: "Refused",
};

/** The audit trail, for administrators: who read, changed or exported what, and when, newest
 * first, filtered by account, kind of object and review (kept in the address). */
export function AuditPage() {
  const session = useSession();
  if (session.role !== "admin") return <Navigate to="/" replace />;
  return <AuditTrail />;
}

function AuditTrail() {
  const [params, setParams] = useSearchParams();
  const [offset, pageAt] = useOffset();
  const asked = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])) as Record<Filter, string>;
  const [form, setForm] = useState(asked);
  const [problem, setProblem] = useState<string | undefined>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the address; asked is a new object each render
  useEffect(() => setForm(asked), [params.toString()]);

  const [loaded] = useLoad(
    (signal) =>
      ok(
        auditList({
          query: {
            actor: asked.actor || undefined,
            object_type: asked.object_type || undefined,
            review_id: /^\d+$/.test(asked.review_id) ? Number(asked.review_id) : undefined,
            limit: PAGE,
            offset,
          },
          signal,
        }),
      ),
    [params.toString()],
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    const review = form.review_id.trim();
    if (review && !/^\d+$/.test(review)) {
      setProblem("Enter the review's number, like 12");
      return;
    }
    setProblem(undefined);
    const next = new URLSearchParams();
    for (const f of FILTERS) if (form[f].trim()) next.set(f, form[f].trim());
    setParams(next);
  }

  return (
    <>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        Every read, change and export of case data, and every refused request to a case route, newest first. Each entry
        is sealed into a keyed hash chain within a second or so; <code>scr audit verify</code> on the server names the
        first entry that no longer fits, if any has been altered or removed.
      </p>
      <form noValidate onSubmit={apply} className="scr-filters" aria-label="Filter the audit trail">
        <TextInput
          id="actor"
          label="Done by"
          hint="An e-mail address, or token:NAME"
          value={form.actor}
          onChange={(v) => setForm({ ...form, actor: v })}
        />
        <TextInput
          id="object_type"
          label="Kind of object"
          hint="For example reviews, factors, graph"
          value={form.object_type}
          onChange={(v) => setForm({ ...form, object_type: v })}
        />
        <TextInput
          id="review_id"
          label="Review number"
          width="govuk-input--width-4"
          inputMode="numeric"
          value={form.review_id}
          error={problem}
          onChange={(v) => setForm({ ...form, review_id: v })}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Apply filters
          </button>
        </div>
      </form>
      <LoadProblem loaded={loaded} what="audit trail" />
      {loaded.state === "ready" && (
        <>
          <p className="govuk-body" role="status">
            {loaded.data.total === 1 ? "1 entry" : `${loaded.data.total} entries`}.
          </p>
          {loaded.data.items.length > 0 && (
            <RecordTable
              caption="Entries, newest first"
              captionClass="govuk-table__caption--s"
              records={loaded.data.items}
              columns={[
                { header: "When", cell: (e) => new Date(e.at).toLocaleString("en-GB") },
                { header: "Done by", cell: (e) => e.actor },
                { header: "Action", cell: (e) => ACTIONS[e.action] ?? e.action },
                {
                  header: "Object",
                  cell: (e) => (
                    <>
                      {e.object_type}
                      {e.object_id ? ` ${e.object_id}` : ""}
                    </>
                  ),
                },
                { header: "Review", cell: (e) => e.review_id ?? "—" },
                { header: "Request", cell: (e) => <code>{e.request_id}</code> },
              ]}
            />
          )}
          <Pages
            label="Pages of the audit trail"
            total={loaded.data.total}
            size={PAGE}
            offset={offset}
            onPage={pageAt}
          />
        </>
      )}
    </>
  );
}

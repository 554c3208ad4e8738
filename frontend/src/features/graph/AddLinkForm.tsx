import { type FormEvent, useState } from "react";

import type { LinkKind } from "../../client/types.gen";
import type { Problem } from "../../common/ErrorSummary";
import { Select, TextArea } from "../../common/fields";
import type { GraphRecord } from "../factors/records";
import { type LinkChoice, kindOfKey, kindsFrom, LINK_KINDS, LINK_MEANINGS, LINK_RULES } from "./links";

const ORDER = { episode: 0, factor: 1, finding: 2 };

function optionLabel(record: GraphRecord): string {
  return record.kind === "factor" ? `Factor: ${record.label}` : record.label;
}

/**
 * Add a link by choosing its two ends and its kind, for anyone who does not drag: the kinds
 * offered are those allowed from the record chosen first, and the records offered last are
 * those that kind may point to.
 */
export function AddLinkForm({
  records,
  busy,
  errorOf,
  onProblems,
  onAdd,
}: {
  records: GraphRecord[];
  busy: boolean;
  errorOf: (field: string) => string | undefined;
  onProblems: (problems: Problem[]) => void;
  /** Resolves true when the link was added (the form then empties). */
  onAdd: (choice: LinkChoice, note: string) => Promise<boolean>;
}) {
  const [from, setFrom] = useState("");
  const [kind, setKind] = useState<LinkKind | "">("");
  const [to, setTo] = useState("");
  const [note, setNote] = useState("");
  const sorted = [...records].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const kinds = from ? kindsFrom(kindOfKey(from)) : [];
  const targets = kind ? sorted.filter((r) => r.key !== from && LINK_RULES[kind].to.includes(r.kind)) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!from) problems.push({ field: "link-from", text: "Choose the record the link starts from" });
    if (!kind) problems.push({ field: "link-kind", text: "Choose the kind of link" });
    if (!to) problems.push({ field: "link-to", text: "Choose the record the link points to" });
    if (problems.length > 0 || !kind) {
      onProblems(problems);
      return;
    }
    if (await onAdd({ kind, source: from, target: to }, note)) {
      setFrom("");
      setKind("");
      setTo("");
      setNote("");
    }
  }

  return (
    <form noValidate onSubmit={submit} className="scr-graph__form">
      <h2 className="govuk-heading-m">Add a link without dragging</h2>
      <Select
        id="link-from"
        label="From"
        hint="The factor, episode or finding the link starts from."
        value={from}
        empty="Choose a record"
        options={sorted.map((record) => [record.key, optionLabel(record)])}
        error={errorOf("link-from")}
        onChange={(value) => {
          setFrom(value);
          const allowed = value ? kindsFrom(kindOfKey(value)) : [];
          const nextKind = kind && allowed.includes(kind) ? kind : allowed.length === 1 ? allowed[0] : "";
          setKind(nextKind);
          if (!nextKind || (to && (to === value || !LINK_RULES[nextKind].to.includes(kindOfKey(to))))) setTo("");
        }}
      />
      <Select
        id="link-kind"
        label="Kind of link"
        hint={
          kind ? `Here ${LINK_MEANINGS[kind]}.` : "Choose where the link starts first: the kinds allowed depend on it."
        }
        value={kind}
        empty="Choose a kind"
        options={kinds.map((k) => [k, LINK_KINDS[k]])}
        error={errorOf("link-kind")}
        onChange={(value) => {
          const next = value as LinkKind | "";
          setKind(next);
          if (!next || (to && !LINK_RULES[next].to.includes(kindOfKey(to)))) setTo("");
        }}
      />
      <Select
        id="link-to"
        label="To"
        value={to}
        empty="Choose a record"
        options={targets.map((record) => [record.key, optionLabel(record)])}
        error={errorOf("link-to")}
        onChange={setTo}
      />
      <TextArea
        id="link-note"
        label="Evidence for the link (optional)"
        rows={3}
        value={note}
        error={errorOf("link-note")}
        onChange={setNote}
      />
      <button type="submit" className="govuk-button" disabled={busy}>
        Add the link
      </button>
    </form>
  );
}

import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";

import { ok } from "../../api";
import {
  identifiersAccept,
  identifiersCreate,
  identifiersDelete,
  identifiersList,
  identifiersScan,
} from "../../client/sdk.gen";
import type { HitRead, IdentifierKind, IdentifierRead, ScanRead } from "../../client/types.gen";
import { RecordTable } from "../../common/RecordTable";
import { useAction } from "../../common/useAction";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Select, TextArea, TextInput } from "../../common/fields";
import { Saved } from "../../common/Saved";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { useReview } from "../review/ReviewLayout";
import { HIT_KINDS, IDENTIFIER_KINDS, whereIs } from "./identifierWords";

const hitKey = (hit: HitRead) => `${hit.record}|${hit.field}|${hit.start}|${hit.kind}`;

/**
 * The review's known identifiers (real names, places, schools: never exported) and the scan
 * of everything the review would share nationally; open hits block publication.
 */
export function IdentifiersPage() {
  const { review, lead } = useReview();
  // A published review's list may still grow (that only holds back more), but nothing in it
  // is removed and no hit is accepted until the review is reopened.
  const frozen = review.status === "published";
  const [loaded, , replace] = useLoad(
    async (signal) => ({
      identifiers: await ok(identifiersList({ path: { review_id: review.id }, signal })),
      scan: await ok(identifiersScan({ path: { review_id: review.id }, signal })),
    }),
    [review.id],
  );
  const [text, setText] = useState("");
  const [kind, setKind] = useState<IdentifierKind | "">("");
  const { problems, refuse: setProblems, saved, busy, errorOf, act: run } = useAction();
  const [accepting, setAccepting] = useState<string | null>(null);
  const [reason, setReason] = useState("");

  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="known identifiers" />;
  const { identifiers, scan } = loaded.data;

  /** Do `work`, then show the list and the scan as they are now. */
  const act = (
    work: () => Promise<{ identifiers?: IdentifierRead[]; scan?: ScanRead; said: string }>,
    fields: Record<string, string>,
  ) =>
    run(async () => {
      const done = await work();
      replace({
        identifiers: done.identifiers ?? identifiers,
        scan: done.scan ?? (await ok(identifiersScan({ path: { review_id: review.id } }))),
      });
      return done.said;
    }, fields);

  async function add(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!text.trim())
      found.push({ field: "identifier-text", text: "Enter the word or phrase that identifies the child or family" });
    if (!kind) found.push({ field: "identifier-kind", text: "Select what the identifier is" });
    if (found.length > 0 || !kind) {
      setProblems(found);
      return;
    }
    const added = await act(
      async () => {
        const identifier = await ok(
          identifiersCreate({ path: { review_id: review.id }, body: { text: text.trim(), kind } }),
        );
        return {
          identifiers: [...identifiers, identifier],
          said: "The identifier was added and the review scanned again.",
        };
      },
      { text: "identifier-text", kind: "identifier-kind" },
    );
    if (added) {
      setText("");
      setKind("");
    }
  }

  async function remove(identifier: IdentifierRead) {
    await act(async () => {
      await ok(identifiersDelete({ path: { review_id: review.id, identifier_id: identifier.id } }));
      return {
        identifiers: identifiers.filter((one) => one.id !== identifier.id),
        said: "The identifier was removed from the list.",
      };
    }, {});
  }

  async function accept(event: FormEvent, hit: HitRead) {
    event.preventDefault();
    if (reason.trim().length < 10) {
      setProblems([{ field: "accept-reason", text: "Give the reason in at least 10 characters" }]);
      return;
    }
    const accepted = await act(
      async () => ({
        scan: await ok(
          identifiersAccept({
            path: { review_id: review.id },
            body: { record: hit.record, field: hit.field, kind: hit.kind, text: hit.text, reason: reason.trim() },
          }),
        ),
        said: "The hit was accepted as not identifying.",
      }),
      { reason: "accept-reason" },
    );
    if (accepted) {
      setAccepting(null);
      setReason("");
    }
  }

  return (
    <>
      <Saved what={saved} />
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Known identifiers</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            The words that would identify the child or the family: real names, nicknames, streets, schools, dates of
            birth. Only this review's reviewers see this list, and it is never exported.
          </p>
          <p className="govuk-body">
            Before the review is published, everything it would share nationally is scanned for these words and for NHS
            and National Insurance numbers, postcodes, phone numbers, e-mail addresses and full dates. An open hit stops
            publication until the text is changed, or the lead reviewer accepts it as not identifying.
          </p>
        </div>
      </div>

      <RecordTable
        caption="The list"
        records={identifiers}
        empty="No identifiers are listed yet."
        columns={[
          { header: "Identifier", cell: (identifier) => identifier.text },
          { header: "What it is", cell: (identifier) => IDENTIFIER_KINDS[identifier.kind] },
          {
            header: <span className="govuk-visually-hidden">Actions</span>,
            cell: (identifier) =>
              !frozen && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  disabled={busy}
                  onClick={() => remove(identifier)}
                >
                  Remove<span className="govuk-visually-hidden"> {identifier.text}</span>
                </button>
              ),
          },
        ]}
      />

      <form noValidate onSubmit={add} aria-label="Add an identifier">
        <h2 className="govuk-heading-m">Add an identifier</h2>
        <div className="scr-filters">
          <TextInput
            id="identifier-text"
            label="Word or phrase"
            width="govuk-input--width-20"
            value={text}
            error={errorOf("identifier-text")}
            onChange={setText}
          />
          <Select
            id="identifier-kind"
            label="What it is"
            value={kind}
            empty="Choose"
            options={Object.entries(IDENTIFIER_KINDS)}
            error={errorOf("identifier-kind")}
            onChange={(value) => setKind(value as IdentifierKind | "")}
          />
          <div className="govuk-form-group">
            <button type="submit" className="govuk-button" disabled={busy}>
              Add the identifier
            </button>
          </div>
        </div>
      </form>

      <h2 className="govuk-heading-m">Scan of what the review would share</h2>
      <p className="govuk-body" role="status">
        {scan.open === 0
          ? "No open hits: nothing stops publication."
          : `${scan.open} open ${scan.open === 1 ? "hit stops" : "hits stop"} publication.`}
        {scan.accepted > 0 && ` ${scan.accepted} accepted as not identifying.`}
      </p>
      {scan.hits.length > 0 && (
        <RecordTable
          caption="Hits"
          captionClass="govuk-table__caption--s"
          records={scan.hits}
          rowKey={hitKey}
          columns={[
            {
              header: "Where",
              cell: (hit) => {
                const where = whereIs(review.id, hit);
                return (
                  <Link className="govuk-link" to={where.to}>
                    {where.label}
                  </Link>
                );
              },
            },
            { header: "What", cell: (hit) => HIT_KINDS[hit.kind] },
            {
              header: "Text",
              cell: (hit) => (
                <>
                  <mark>{hit.text}</mark>
                  <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{hit.context}</p>
                </>
              ),
            },
            {
              header: "Status",
              cell: (hit) => {
                const key = hitKey(hit);
                return hit.status === "accepted" ? (
                  <>
                    <strong className="govuk-tag govuk-tag--green">Accepted</strong>
                    <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {hit.reason} ({hit.accepted_by})
                    </p>
                  </>
                ) : (
                  <>
                    <strong className="govuk-tag govuk-tag--red">Open</strong>
                    {lead && !frozen && accepting !== key && (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0 govuk-!-display-block"
                        onClick={() => {
                          setAccepting(key);
                          setReason("");
                        }}
                      >
                        Accept<span className="govuk-visually-hidden"> {hit.text} as not identifying</span>
                      </button>
                    )}
                    {lead && !frozen && accepting === key && (
                      <form noValidate onSubmit={(event) => accept(event, hit)} className="govuk-!-margin-top-2">
                        <TextArea
                          id="accept-reason"
                          label="Why it does not identify anyone"
                          hint="For example: the date of the strategy meeting, not a date of birth."
                          rows={3}
                          value={reason}
                          error={errorOf("accept-reason")}
                          onChange={setReason}
                        />
                        <div className="govuk-button-group">
                          <button type="submit" className="govuk-button" disabled={busy}>
                            Accept the hit
                          </button>
                          <button
                            type="button"
                            className="govuk-button govuk-button--secondary"
                            onClick={() => setAccepting(null)}
                          >
                            Cancel
                          </button>
                        </div>
                      </form>
                    )}
                  </>
                );
              },
            },
          ]}
        />
      )}
      {frozen && scan.open > 0 && (
        <p className="govuk-inset-text">
          While a hit is open the published review is held back from every export. Reopen it to change the text or
          accept the hit.
        </p>
      )}
      {!frozen && !lead && scan.open > 0 && (
        <p className="govuk-inset-text">Only the review's lead reviewer can accept a hit as not identifying.</p>
      )}
    </>
  );
}

import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";

import { ApiError, ok } from "../../api";
import {
  identifiersAccept,
  identifiersCreate,
  identifiersDelete,
  identifiersList,
  identifiersScan,
} from "../../client/sdk.gen";
import type { HitRead, IdentifierKind, IdentifierRead, ScanRead } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Select, TextArea, TextInput } from "../../common/fields";
import { problemsOf } from "../../common/problems";
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
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  const [accepting, setAccepting] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);

  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="known identifiers" />;
  const { identifiers, scan } = loaded.data;
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.text;

  async function act(
    work: () => Promise<{ identifiers?: IdentifierRead[]; scan?: ScanRead; said: string }>,
    fields: Record<string, string>,
  ) {
    setBusy(true);
    setSaved(undefined);
    try {
      const done = await work();
      replace({
        identifiers: done.identifiers ?? identifiers,
        scan: done.scan ?? (await ok(identifiersScan({ path: { review_id: review.id } }))),
      });
      setProblems([]);
      setSaved(done.said);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems(problemsOf(error, fields));
      return false;
    } finally {
      setBusy(false);
    }
  }

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

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">The list</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Identifier
            </th>
            <th scope="col" className="govuk-table__header">
              What it is
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {identifiers.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={3}>
                No identifiers are listed yet.
              </td>
            </tr>
          )}
          {identifiers.map((identifier) => (
            <tr className="govuk-table__row" key={identifier.id}>
              <td className="govuk-table__cell">{identifier.text}</td>
              <td className="govuk-table__cell">{IDENTIFIER_KINDS[identifier.kind]}</td>
              <td className="govuk-table__cell">
                {!frozen && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    disabled={busy}
                    onClick={() => remove(identifier)}
                  >
                    Remove<span className="govuk-visually-hidden"> {identifier.text}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

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
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Hits</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Where
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                Text
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {scan.hits.map((hit) => {
              const where = whereIs(review.id, hit);
              const key = hitKey(hit);
              return (
                <tr className="govuk-table__row" key={key}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={where.to}>
                      {where.label}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{HIT_KINDS[hit.kind]}</td>
                  <td className="govuk-table__cell">
                    <mark>{hit.text}</mark>
                    <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{hit.context}</p>
                  </td>
                  <td className="govuk-table__cell">
                    {hit.status === "accepted" ? (
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
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
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

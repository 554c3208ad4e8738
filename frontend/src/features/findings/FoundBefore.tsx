import { useState } from "react";

import { ApiError, ok } from "../../api";
import { recurrenceLink, recurrenceList, recurrenceSuggestions, recurrenceUnlink } from "../../client/sdk.gen";
import type { EarlierFinding, FoundBeforeRead, Suggestion } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { LoadProblem, useLoad } from "../../common/useLoad";

/** How many suggestions the panel shows: the strongest few are what a reviewer reads. */
export const SUGGESTIONS_SHOWN = 5;

const SCOPES: Record<Suggestion["scope"], string> = {
  partnership: "This partnership",
  national: "Published, another partnership",
};

/** "Testshire Partnership TST-1, Finding 2": an earlier finding as the method names it. */
export function earlierName(earlier: EarlierFinding): string {
  return `${earlier.board_name} ${earlier.reference}, ${earlier.name}`;
}

/** Why a suggestion was made, in words: the agreed codes and the words both findings share. */
export function whySuggested(suggestion: Suggestion): string {
  const parts: string[] = [];
  const codes = suggestion.shared_codes.map((code) => code.label);
  if (codes.length > 0) parts.push(`both have the agreed ${codes.length === 1 ? "code" : "codes"} ${codes.join("; ")}`);
  if (suggestion.shared_words.length > 0)
    parts.push(`both use the words ${suggestion.shared_words.map((w) => `‘${w}’`).join(", ")}`);
  return `Suggested because ${parts.join(", and ")}.`;
}

/**
 * "Found before?": earlier findings like this one (this partnership's reviews first, then
 * published reviews nationally), each with why it was suggested, and the links this finding
 * has to earlier ones ("Found before in …"). Linking and unlinking happen at once, not with
 * ‘Save the changes’; only a reviewer of the review (not yet published) does either.
 */
export function FoundBefore({
  reviewId,
  findingId,
  ordinal,
  editable,
}: {
  reviewId: number;
  findingId: number;
  ordinal: number;
  editable: boolean;
}) {
  const path = { review_id: reviewId, finding_id: findingId };
  const [loaded, reload] = useLoad(
    async (signal) => {
      const [links, suggestions] = await Promise.all([
        ok(recurrenceList({ path, signal })),
        ok(recurrenceSuggestions({ path, query: { limit: SUGGESTIONS_SHOWN }, signal })),
      ]);
      return { links, suggestions };
    },
    [reviewId, findingId],
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  const name = `Finding ${ordinal}`;

  async function act(what: () => Promise<string>) {
    setBusy(true);
    setDone("");
    try {
      const said = await what();
      setProblems([]);
      setDone(said);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems([{ text: error.message }]);
    } finally {
      setBusy(false);
      reload();
    }
  }

  const link = (suggestion: Suggestion) =>
    act(async () => {
      const made = await ok(recurrenceLink({ path, body: { earlier_finding_id: suggestion.earlier.finding_id } }));
      return `${name} is now linked: ${made.found_before}.`;
    });
  const unlink = (made: FoundBeforeRead) =>
    act(async () => {
      await ok(recurrenceUnlink({ path: { ...path, link_id: made.id } }));
      return `${name} is no longer linked to ${earlierName(made.earlier)}.`;
    });

  return (
    <section className="scr-found-before govuk-!-margin-top-8" aria-labelledby="found-before-heading">
      <h2 className="govuk-heading-m" id="found-before-heading">
        Found before?
      </h2>
      <p className="govuk-hint">
        Earlier findings like this one: from this partnership's reviews first, then from published reviews nationally,
        ranked by the agreed typology codes they share, then by how alike their statements read.
        {editable && " Linking happens at once; it does not wait for ‘Save the changes’."}
      </p>
      <ErrorSummary problems={problems} />
      {/* Only once there is something to say: the evidence above has a status of its own. */}
      {done && (
        <p className="govuk-body" role="status">
          {done}
        </p>
      )}
      {loaded.state !== "ready" ? (
        <LoadProblem loaded={loaded} what="earlier findings" />
      ) : (
        <>
          <h3 className="govuk-heading-s">Linked as found before</h3>
          {loaded.data.links.length === 0 ? (
            <p className="govuk-body">Not linked to an earlier finding.</p>
          ) : (
            <ul className="govuk-list" aria-label="Found before in">
              {loaded.data.links.map((made) => (
                <li key={made.id}>
                  <strong>{made.found_before}</strong>
                  {made.earlier.title && `: ${made.earlier.title}`}{" "}
                  {editable && (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 scr-found-before__unlink"
                      disabled={busy}
                      onClick={() => unlink(made)}
                    >
                      Remove the link<span className="govuk-visually-hidden"> to {earlierName(made.earlier)}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {editable && (
            <>
              <h3 className="govuk-heading-s">Suggested earlier findings</h3>
              {loaded.data.suggestions.items.length === 0 ? (
                <p className="govuk-body">No earlier finding shares an agreed code or the words of this one.</p>
              ) : (
                <ol className="govuk-list scr-found-before__suggestions" aria-label="Suggested earlier findings">
                  {loaded.data.suggestions.items.map((suggestion) => (
                    <li key={suggestion.earlier.finding_id} className="scr-found-before__suggestion">
                      <p className="govuk-body govuk-!-margin-bottom-1">
                        <strong>
                          {earlierName(suggestion.earlier)}: {suggestion.earlier.title}
                        </strong>{" "}
                        <span className="govuk-tag govuk-tag--grey">{SCOPES[suggestion.scope]}</span>
                      </p>
                      <p className="govuk-body govuk-!-margin-bottom-1">{suggestion.statement}</p>
                      <p className="govuk-hint govuk-!-margin-bottom-2">{whySuggested(suggestion)}</p>
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary"
                        disabled={busy}
                        onClick={() => link(suggestion)}
                      >
                        Found before in {earlierName(suggestion.earlier)}
                      </button>
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

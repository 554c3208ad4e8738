import { useEffect, useRef, useState } from "react";

import { ApiError, ok } from "../../api";
import { tagsSubmit } from "../../client/sdk.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import type { Coding } from "./targets";

function tagsWord(count: number): string {
  return `${count} ${count === 1 ? "tag" : "tags"}`;
}

/**
 * Blind double coding, as the coder sees it: what they see until they submit, and "Submit my
 * coding", which asks first (a submitted coding is closed).
 */
export function SubmitCoding(props: {
  reviewId: number;
  coding: Coding;
  lead: boolean;
  onSubmitted: (count: number) => void;
  /** A 409: the coding changed elsewhere; read the tags again. */
  onStale: () => void;
}) {
  const { coding } = props;
  const [asking, setAsking] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (asking) box.current?.focus();
  }, [asking]);

  async function submit() {
    setBusy(true);
    setProblems([]);
    try {
      const done = await ok(tagsSubmit({ path: { review_id: props.reviewId } }));
      setAsking(false);
      props.onSubmitted(done.tags);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setAsking(false);
      setProblems([{ text: error.message }]);
      if (error.status === 409) props.onStale();
    } finally {
      setBusy(false);
    }
  }

  if (coding.submitted) {
    return (
      <div className="govuk-inset-text">
        <p className="govuk-body">
          You have submitted your coding of this review. You now see the other coders' submitted tags
          beside yours{props.lead ? ", and you record the agreed tags as its lead reviewer" : ""}.
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="coding-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="coding-heading">
        Your coding
      </h2>
      <ErrorSummary problems={problems} title="Your coding was not submitted" />
      <div className="govuk-inset-text">
        You are coding blind: you see the agreed tags and your own, not the other coders', until you
        submit your coding. Once submitted it is closed, and the other coders' submitted tags are shown.
      </div>
      <p className="govuk-body">
        {coding.open === 0
          ? "You have not tagged any record yet."
          : `You have tagged ${tagsWord(coding.open)}, not submitted yet.`}
      </p>
      {coding.open > 0 &&
        (!asking ? (
          <button type="button" className="govuk-button" onClick={() => setAsking(true)}>
            Submit my coding
          </button>
        ) : (
          <div className="govuk-warning-text scr-delete-question" ref={box} tabIndex={-1}>
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <div className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Submit your coding of {tagsWord(coding.open)}? You cannot add to it or remove from it
              afterwards, and you will see the other coders' submitted tags.
              <div className="govuk-button-group govuk-!-margin-top-4">
                <button type="button" className="govuk-button" disabled={busy} onClick={submit}>
                  Yes, submit my coding
                </button>
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => setAsking(false)}
                >
                  No, go back
                </button>
              </div>
            </div>
          </div>
        ))}
    </section>
  );
}

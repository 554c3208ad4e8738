import { useState } from "react";

import { ApiError, ok } from "../../api";
import { tagsSubmit } from "../../client/sdk.gen";
import { AskFirst } from "../../common/AskFirst";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { plural } from "../../words";
import type { Coding } from "./targets";

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
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    setProblems([]);
    try {
      const done = await ok(tagsSubmit({ path: { review_id: props.reviewId } }));
      props.onSubmitted(done.tags);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
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
          {coding.byAgreedTags
            ? "The agreed tags you recorded are your coding of this review, so you no longer code it blind."
            : "You have submitted your coding of this review."}{" "}
          You now see the other coders' submitted tags beside yours
          {props.lead ? ", and you record the agreed tags as its lead reviewer" : ""}.
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
        You are coding blind: you see only your own tags, not the other coders' nor the agreed ones, until you submit
        your coding. Once submitted it is closed, and the other coders' submitted tags and the agreed ones are shown.
        {props.lead &&
          " As the lead reviewer you may record agreed tags instead: they are then your coding, and you no longer code blind."}
      </div>
      <p className="govuk-body">
        {coding.open === 0
          ? "You have not tagged any record yet."
          : `Your coding has ${plural(coding.open, "tag", "tags")}, not submitted yet.`}
      </p>
      {coding.open > 0 && (
        <AskFirst
          button="Submit my coding"
          question={
            <>
              Submit your coding ({plural(coding.open, "tag", "tags")})? You cannot add to it or remove from it
              afterwards, and you will see the other coders' submitted tags.
            </>
          }
          yes="Yes, submit my coding"
          no="No, go back"
          busy={busy}
          onYes={() => void submit()}
        />
      )}
    </section>
  );
}

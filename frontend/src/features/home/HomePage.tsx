import { useEffect, useState } from "react";

import { listReviews, type ReviewSummary, SignedOut } from "../../api";
import type { SignedIn } from "../../session";
import { ReviewsTable } from "./ReviewsTable";

type Loaded =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "ready"; reviews: ReviewSummary[] };

export function HomePage({ session }: { session: SignedIn }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  // National analysts see patterns across reviews, never a case.
  const seesCases = session.role !== "national";

  useEffect(() => {
    if (!seesCases) return;
    const controller = new AbortController();
    listReviews(controller.signal)
      .then((page) => setLoaded({ state: "ready", reviews: page.items }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted && !(error instanceof SignedOut)) {
          setLoaded({ state: "failed", message: String((error as Error).message ?? error) });
        }
      });
    return () => controller.abort();
  }, [seesCases]);

  return (
    <>
      <h1 className="govuk-heading-xl">Record case reviews as a system, and learn across them</h1>
      <p className="govuk-body-l">
        SCR Workbench records child safeguarding case reviews in the Learning Together model: the
        multi-agency chronology, key practice episodes appraised without hindsight, the
        contributory factors behind them, the causal links between them, and systemic findings
        with questions for the Board.
      </p>
      <p className="govuk-body">
        It is for independent reviewers recording a review, safeguarding partnerships looking for
        patterns across their reviews, and national analysts pooling the learning.
      </p>
      <p className="govuk-body">
        Programs can use the <a className="govuk-link" href="/api/v1/docs">API documentation</a>{" "}
        and the <a className="govuk-link" href="/api/v1/openapi.json">OpenAPI document</a>.
      </p>
      {!seesCases && (
        <p className="govuk-body">
          As a national analyst you see patterns across reviews, with small numbers suppressed,
          and never a review's own records.
        </p>
      )}
      {seesCases && loaded.state === "loading" && <p className="govuk-body">Loading reviews…</p>}
      {seesCases && loaded.state === "failed" && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">The reviews could not be loaded</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{loaded.message}</p>
          </div>
        </div>
      )}
      {seesCases && loaded.state === "ready" && <ReviewsTable reviews={loaded.reviews} />}
    </>
  );
}

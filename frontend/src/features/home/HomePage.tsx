import { Link } from "react-router-dom";

import { ok } from "../../api";
import { reviewsList } from "../../client/sdk.gen";
import { useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { OverdueActions } from "../actions/OverdueActions";
import { ReviewsTable } from "../reviews/ReviewsTable";

export function HomePage() {
  const session = useSession();
  // National analysts see patterns across reviews, never a case.
  const seesCases = session.role !== "national";
  const [loaded] = useLoad(
    (signal) =>
      seesCases ? ok(reviewsList({ query: { limit: 50 }, signal })) : Promise.resolve({ items: [], total: 0 }),
    [seesCases],
  );

  return (
    <>
      <h1 className="govuk-heading-xl">Record case reviews as a system, and learn across them</h1>
      <p className="govuk-body-l">
        SCR Workbench records child safeguarding case reviews in the Learning Together model: the multi-agency
        chronology, key practice episodes appraised without hindsight, the contributory factors behind them, the causal
        links between them, and systemic findings with questions for the Board.
      </p>
      <p className="govuk-body">
        It is for independent reviewers recording a review, safeguarding partnerships looking for patterns across their
        reviews, and national analysts pooling the learning.
      </p>
      <p className="govuk-body">
        Programs can use the{" "}
        <a className="govuk-link" href="/api/v1/docs">
          API documentation
        </a>{" "}
        and the{" "}
        <a className="govuk-link" href="/api/v1/openapi.json">
          OpenAPI document
        </a>
        .
      </p>
      {!seesCases && (
        <p className="govuk-body">
          As a national analyst you see patterns across reviews, with small numbers suppressed, and never a review's own
          records.
        </p>
      )}
      {session.role === "board" && session.boardId && <OverdueActions boardId={session.boardId} />}
      {seesCases && <LoadProblem loaded={loaded} what="reviews" />}
      {seesCases && loaded.state === "ready" && (
        <>
          <ReviewsTable reviews={loaded.data.items} />
          {loaded.data.total > 0 && (
            <p className="govuk-body">
              <Link className="govuk-link" to="/reviews">
                Find a review by status, type of review or year
              </Link>
            </p>
          )}
        </>
      )}
    </>
  );
}

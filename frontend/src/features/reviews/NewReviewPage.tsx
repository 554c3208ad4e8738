import { everything, ok } from "../../api";
import { boardsList } from "../../client/sdk.gen";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { loadContextGroups } from "../review/contextCodes";
import { formCodesNote } from "../../typology";
import { ReviewDetailsEditor } from "../review/ReviewDetailsEditor";

/** Open a new review (reviews/new) for one of the partnerships that commissioned the reviewer,
 * who becomes its lead reviewer. */
export function NewReviewPage() {
  const [loaded] = useLoad(
    async (signal) => ({
      boards: await everything((offset) =>
        ok(boardsList({ query: { limit: 200, offset, commissioned: true }, signal })),
      ),
      groups: await loadContextGroups(signal),
    }),
    [],
  );
  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="partnerships" />;
  if (loaded.data.boards.length === 0) {
    return (
      <>
        <h1 className="govuk-heading-l">Open a review</h1>
        <p className="govuk-body">
          No partnership has commissioned you yet, so you cannot open a review. An administrator records which
          partnerships have commissioned you.
        </p>
      </>
    );
  }
  return (
    <ReviewDetailsEditor
      review={null}
      boards={loaded.data.boards}
      contextGroups={loaded.data.groups}
      codesNote={formCodesNote("reviewer", true)}
    />
  );
}

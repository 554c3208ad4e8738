import { everything, ok } from "../../api";
import { boardsList } from "../../client/sdk.gen";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { loadContextGroups } from "../review/contextCodes";
import { ReviewDetailsEditor } from "../review/ReviewDetailsEditor";

/** Open a new review (reviews/new): its reviewer becomes the lead reviewer. */
export function NewReviewPage() {
  const [loaded] = useLoad(
    async (signal) => ({
      boards: await everything((offset) => ok(boardsList({ query: { limit: 200, offset }, signal }))),
      groups: await loadContextGroups(signal),
    }),
    [],
  );
  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="partnerships" />;
  return <ReviewDetailsEditor review={null} boards={loaded.data.boards} contextGroups={loaded.data.groups} />;
}

import { LoadProblem, useLoad } from "../../common/useLoad";
import { loadContextGroups } from "./contextCodes";
import { ReviewDetailsEditor } from "./ReviewDetailsEditor";
import { useReview } from "./ReviewLayout";

/** Change the review's own details (reviews/ID/details). */
export function DetailsPage() {
  const { review, setReview } = useReview();
  const [groups] = useLoad((signal) => loadContextGroups(signal), []);
  if (groups.state !== "ready") return <LoadProblem loaded={groups} what="case-context codes" />;
  return <ReviewDetailsEditor review={review} contextGroups={groups.data} onSaved={setReview} />;
}

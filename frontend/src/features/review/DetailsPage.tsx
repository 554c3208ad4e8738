import { LoadProblem, useLoad } from "../../common/useLoad";
import { loadContextGroups } from "./contextCodes";
import { useSession } from "../../common/signedIn";
import { formCodesNote } from "../../typology";
import { ReviewDetailsEditor } from "./ReviewDetailsEditor";
import { useReview } from "./ReviewLayout";

/** Change the review's own details (reviews/ID/details). */
export function DetailsPage() {
  const { review, setReview, lead } = useReview();
  const session = useSession();
  const [groups] = useLoad((signal) => loadContextGroups(signal), []);
  if (groups.state !== "ready") return <LoadProblem loaded={groups} what="case-context codes" />;
  return (
    <ReviewDetailsEditor
      review={review}
      contextGroups={groups.data}
      codesNote={formCodesNote(session.role, lead)}
      onSaved={setReview}
    />
  );
}

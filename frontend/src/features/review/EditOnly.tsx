import type { ReactNode } from "react";
import { Navigate } from "react-router-dom";

import { useEditable, useReview } from "./ReviewLayout";

/**
 * A screen that only adds or changes (a new episode, the review's details, an import): a reader
 * who may not change the review now (a board member, or anyone while it is published) is sent
 * to the screen it belongs to (`back`, under the review), which says why.
 */
export function EditOnly({ back, children }: { back: string; children: ReactNode }) {
  const { review } = useReview();
  if (!useEditable()) return <Navigate replace to={`/reviews/${review.id}${back ? `/${back}` : ""}`} />;
  return children;
}

import { Link } from "react-router-dom";

import type { ReviewRead } from "../../client/types.gen";
import { RecordTable } from "../../common/RecordTable";
import { reviewTypeLabel, STATUS_TAG, statusLabel } from "../../words";

export type ReviewSummary = Pick<ReviewRead, "id" | "reference" | "child_pseudonym" | "review_type" | "status"> &
  Partial<Pick<ReviewRead, "notification_date">>;

export function ReviewsTable({ reviews, caption = "Reviews" }: { reviews: ReviewSummary[]; caption?: string }) {
  if (reviews.length === 0) {
    return <p className="govuk-body">There are no reviews yet.</p>;
  }
  return (
    <RecordTable
      caption={caption}
      records={reviews}
      columns={[
        {
          header: "Reference",
          cell: (review) => (
            <Link className="govuk-link" to={`/reviews/${review.id}`}>
              {review.reference}
            </Link>
          ),
        },
        { header: "Child", cell: (review) => review.child_pseudonym },
        { header: "Type of review", cell: (review) => reviewTypeLabel(review.review_type) },
        {
          header: "Status",
          cell: (review) => (
            <strong className={`govuk-tag ${STATUS_TAG[review.status] ?? ""}`}>{statusLabel(review.status)}</strong>
          ),
        },
      ]}
    />
  );
}

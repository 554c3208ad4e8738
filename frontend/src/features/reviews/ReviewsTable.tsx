import { Link } from "react-router-dom";

import type { ReviewRead } from "../../client/types.gen";
import { reviewTypeLabel, STATUS_TAG, statusLabel } from "../../words";

export type ReviewSummary = Pick<ReviewRead, "id" | "reference" | "child_pseudonym" | "review_type" | "status"> &
  Partial<Pick<ReviewRead, "notification_date">>;

export function ReviewsTable({ reviews, caption = "Reviews" }: { reviews: ReviewSummary[]; caption?: string }) {
  if (reviews.length === 0) {
    return <p className="govuk-body">There are no reviews yet.</p>;
  }
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Reference
          </th>
          <th scope="col" className="govuk-table__header">
            Child
          </th>
          <th scope="col" className="govuk-table__header">
            Type of review
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {reviews.map((review) => (
          <tr className="govuk-table__row" key={review.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/reviews/${review.id}`}>
                {review.reference}
              </Link>
            </td>
            <td className="govuk-table__cell">{review.child_pseudonym}</td>
            <td className="govuk-table__cell">{reviewTypeLabel(review.review_type)}</td>
            <td className="govuk-table__cell">
              <strong className={`govuk-tag ${STATUS_TAG[review.status] ?? ""}`}>{statusLabel(review.status)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { type FormEvent, useEffect, useState } from "react";
import { Link, Navigate, useSearchParams } from "react-router-dom";

import { ok } from "../../api";
import { reviewsList } from "../../client/sdk.gen";
import type { ReviewStatus, ReviewType } from "../../client/types.gen";
import { ErrorSummary } from "../../common/ErrorSummary";
import { Select, TextInput } from "../../common/fields";
import { mayChange, useSession } from "../../common/signedIn";
import { Pages, useOffset } from "../../common/Pages";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { REVIEW_TYPES, STATUSES } from "../../words";
import { ReviewsTable } from "./ReviewsTable";

const PAGE = 50;

/** The reviews you may see; a national analyst, who sees no single review, is sent to the
 * national figures (they got a red "could not be loaded" box here). */
export function ReviewsPage() {
  const session = useSession();
  if (session.role === "national") return <Navigate to="/patterns" replace />;
  return <ReviewsList />;
}

/** The reviews you may see, filtered by status, type of review and year (kept in the URL). */
function ReviewsList() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const reviewType = params.get("review_type") ?? "";
  const year = params.get("year") ?? "";
  const [offset, pageAt] = useOffset();
  const [form, setForm] = useState({ status, reviewType, year });
  const [yearProblem, setYearProblem] = useState<string | undefined>();
  // Back and forward move through filters too: the form follows the address.
  useEffect(() => setForm({ status, reviewType, year }), [status, reviewType, year]);

  const [loaded] = useLoad(
    (signal) =>
      ok(
        reviewsList({
          query: {
            status: (status || undefined) as ReviewStatus | undefined,
            review_type: (reviewType || undefined) as ReviewType | undefined,
            year: /^\d{4}$/.test(year) ? Number(year) : undefined,
            limit: PAGE,
            offset,
          },
          signal,
        }),
      ),
    [status, reviewType, year, offset],
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    const typed = form.year.trim();
    if (typed && !/^\d{4}$/.test(typed)) {
      setYearProblem("Enter the year as four digits, like 2023");
      return;
    }
    setYearProblem(undefined);
    const next = new URLSearchParams();
    if (form.status) next.set("status", form.status);
    if (form.reviewType) next.set("review_type", form.reviewType);
    if (typed) next.set("year", typed);
    setParams(next);
  }

  const filtered = Boolean(status || reviewType || year);
  return (
    <>
      <ErrorSummary problems={yearProblem ? [{ field: "year", text: yearProblem }] : []} />
      <h1 className="govuk-heading-l">Reviews</h1>
      {mayChange(session) && (
        <Link to="/reviews/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          Open a review
        </Link>
      )}
      <form noValidate onSubmit={apply} className="scr-filters" aria-label="Filter the reviews">
        <Select
          id="status"
          label="Status"
          value={form.status}
          empty="Any status"
          options={Object.entries(STATUSES)}
          onChange={(value) => setForm({ ...form, status: value })}
        />
        <Select
          id="review_type"
          label="Type of review"
          value={form.reviewType}
          empty="Any type"
          options={Object.entries(REVIEW_TYPES)}
          onChange={(value) => setForm({ ...form, reviewType: value })}
        />
        <TextInput
          id="year"
          label="Year notified"
          width="govuk-input--width-4"
          inputMode="numeric"
          value={form.year}
          error={yearProblem}
          onChange={(value) => setForm({ ...form, year: value })}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Apply filters
          </button>
          {filtered && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                setForm({ status: "", reviewType: "", year: "" });
                setParams(new URLSearchParams());
              }}
            >
              Clear filters
            </button>
          )}
        </div>
      </form>
      <LoadProblem loaded={loaded} what="reviews" />
      {loaded.state === "ready" && (
        <>
          <p className="govuk-body" role="status">
            {loaded.data.total === 1 ? "1 review" : `${loaded.data.total} reviews`}
            {filtered ? (loaded.data.total === 1 ? " matches the filters" : " match the filters") : ""}.
          </p>
          {loaded.data.items.length > 0 && <ReviewsTable reviews={loaded.data.items} />}
          <Pages
            label="Pages of reviews"
            total={loaded.data.total}
            size={PAGE}
            offset={offset}
            onPage={pageAt}
            what="Reviews"
          />
        </>
      )}
    </>
  );
}

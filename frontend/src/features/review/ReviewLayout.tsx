import { useState } from "react";
import { NavLink, Outlet, useLocation, useOutletContext, useParams } from "react-router-dom";

import { everything, ok } from "../../api";
import { agenciesList, authMe, reviewsRead } from "../../client/sdk.gen";
import type { AgencyRead, ReviewRead } from "../../client/types.gen";
import { Saved } from "../../common/Saved";
import { mayChange, useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { PublishedNotice } from "./PublishedNotice";

export interface ReviewContext {
  review: ReviewRead;
  /** The review as saved after a change made on one of its screens. */
  setReview: (review: ReviewRead) => void;
  /** The national agencies and the review's board's own, by id. */
  agencies: Map<number, AgencyRead>;
  /** Whether the signed-in person is the review's lead reviewer (admins are not). */
  lead: boolean;
}

/** The review whose screen this is, loaded once by the layout around its screens. */
export function useReview(): ReviewContext {
  return useOutletContext<ReviewContext>();
}

/**
 * Whether the reader may change the review and its records now: reviewers and administrators
 * may, unless it is published (frozen until its lead reviewer reopens it; the layout says so).
 */
export function useEditable(): boolean {
  const session = useSession();
  const { review } = useReview();
  return mayChange(session) && review.status !== "published";
}

const SECTIONS: [string, string][] = [
  ["", "Overview"],
  ["team", "Team"],
  ["chronology", "Chronology"],
  ["episodes", "Key practice episodes"],
  ["factors", "Contributory factors"],
  ["graph", "Causal graph"],
  ["findings", "Findings"],
  ["tagging", "Tagging"],
  ["report", "Report"],
];
// Only the review's own reviewers keep and see its list of known identifiers.
const REVIEWERS_SECTIONS: [string, string][] = [["identifiers", "Known identifiers"]];

export function ReviewLayout() {
  const reviewId = Number(useParams().reviewId);
  const session = useSession();
  const location = useLocation();
  // The screen the review was reopened on, which says so until the reader moves on.
  const [reopenedOn, setReopenedOn] = useState<string | null>(null);
  const [loaded, , replace] = useLoad(
    async (signal) => {
      const review = await ok(reviewsRead({ path: { review_id: reviewId }, signal }));
      const agencies = await everything((offset) =>
        ok(agenciesList({ query: { board_id: review.board_id, limit: 200, offset }, signal })),
      );
      const me = await ok(authMe({ signal }));
      return {
        review,
        agencies: new Map(agencies.map((agency) => [agency.id, agency])),
        lead: me.leads.includes(review.id),
      };
    },
    [reviewId],
  );

  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="review" />;
  const { review, agencies, lead } = loaded.data;
  const context: ReviewContext = {
    review,
    agencies,
    lead,
    setReview: (next) => replace({ review: next, agencies, lead }),
  };
  return (
    <>
      <span className="govuk-caption-l">
        {review.reference} · {review.child_pseudonym}
      </span>
      <nav className="scr-section-nav" aria-label="Review">
        <ul className="scr-section-nav__list">
          {[...SECTIONS, ...(session.role === "reviewer" ? REVIEWERS_SECTIONS : [])].map(([path, label]) => (
            <li className="scr-section-nav__item" key={path}>
              <NavLink
                end={path === ""}
                to={`/reviews/${review.id}${path ? `/${path}` : ""}`}
                className={({ isActive }) =>
                  `govuk-link govuk-link--no-visited-state scr-section-nav__link${isActive ? " scr-section-nav__link--active" : ""}`
                }
              >
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {review.status === "published" && (
        <PublishedNotice
          review={review}
          lead={lead}
          onReopened={(next) => {
            context.setReview(next);
            setReopenedOn(location.key);
          }}
        />
      )}
      {reopenedOn === location.key && (
        <Saved what="The review was reopened: it is a draft again, and out of every export until it is published again." />
      )}
      <Outlet context={context} />
    </>
  );
}

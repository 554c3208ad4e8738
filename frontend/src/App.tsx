import { useEffect, useState } from "react";
import { createBrowserRouter, Link, Outlet, type RouteObject, RouterProvider, useNavigate } from "react-router-dom";

import { SIGNED_OUT_EVENT } from "./api";
import { SessionContext } from "./common/signedIn";
import { ActionPage } from "./features/actions/ActionPage";
import { ActionPlanPage } from "./features/actions/ActionPlanPage";
import { AuditPage } from "./features/audit/AuditPage";
import { ChronologyEntryPage } from "./features/chronology/ChronologyEntryPage";
import { ChronologyPage } from "./features/chronology/ChronologyPage";
import { ImportPage } from "./features/chronology/ImportPage";
import { EpisodePage } from "./features/episodes/EpisodePage";
import { EpisodesPage } from "./features/episodes/EpisodesPage";
import { FactorPage } from "./features/factors/FactorPage";
import { FactorsPage } from "./features/factors/FactorsPage";
import { FindingPage } from "./features/findings/FindingPage";
import { FindingsPage } from "./features/findings/FindingsPage";
import { HomePage } from "./features/home/HomePage";
import { IdentifiersPage } from "./features/identifiers/IdentifiersPage";
import { PatternsPage } from "./features/patterns/PatternsPage";
import { ReportPage } from "./features/report/ReportPage";
import { OverviewPage } from "./features/review/OverviewPage";
import { ReviewLayout } from "./features/review/ReviewLayout";
import { DetailsPage } from "./features/review/DetailsPage";
import { EditOnly } from "./features/review/EditOnly";
import { NewReviewPage } from "./features/reviews/NewReviewPage";
import { ReviewsPage } from "./features/reviews/ReviewsPage";
import { SearchPage } from "./features/search/SearchPage";
import { SignInPage } from "./features/sign-in/SignInPage";
import { TaggingPage } from "./features/tagging/TaggingPage";
import { TeamPage } from "./features/team/TeamPage";
import { TypologyPage } from "./features/tagging/TypologyPage";
import { currentSession, forgetSession, keepSession, roleLabel, type SignedIn } from "./session";

function Layout() {
  const [session, setSession] = useState<SignedIn | null>(currentSession);
  const navigate = useNavigate();

  useEffect(() => {
    const signedOut = () => setSession(null);
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);

  function signedIn(next: SignedIn) {
    keepSession(next);
    setSession(next);
  }

  function signOut() {
    forgetSession();
    setSession(null);
    navigate("/");
  }

  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <section className="govuk-service-navigation" aria-label="Service information">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                SCR Workbench
              </Link>
            </span>
            {session && (
              <nav aria-label="Your account" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list">
                  {session.role !== "national" && (
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to="/reviews">
                        Reviews
                      </Link>
                    </li>
                  )}
                  {session.role === "board" && session.boardId && (
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to={`/boards/${session.boardId}/actions`}>
                        Action plan
                      </Link>
                    </li>
                  )}
                  {session.role !== "national" && (
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to="/search">
                        Search
                      </Link>
                    </li>
                  )}
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/patterns">
                      Patterns
                    </Link>
                  </li>
                  {session.role === "admin" && (
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to="/audit">
                        Audit trail
                      </Link>
                    </li>
                  )}
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/typology">
                      Typology
                    </Link>
                  </li>
                  <li className="govuk-service-navigation__item">
                    <span className="govuk-body-s govuk-!-margin-bottom-0">
                      {session.email} ({roleLabel(session.role)})
                    </span>
                  </li>
                  <li className="govuk-service-navigation__item">
                    <a
                      className="govuk-service-navigation__link"
                      href="/"
                      onClick={(event) => {
                        event.preventDefault();
                        signOut();
                      }}
                    >
                      Sign out
                    </a>
                  </li>
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {session ? (
            <SessionContext.Provider value={session}>
              <Outlet />
            </SessionContext.Provider>
          ) : (
            <SignInPage onSignedIn={signedIn} />
          )}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-body-s">All people, places and cases shown in the demo are fictional.</p>
        </div>
      </footer>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">
        If you typed the web address, check it is correct. You can go to the{" "}
        <Link className="govuk-link" to="/reviews">
          list of reviews
        </Link>
        .
      </p>
    </>
  );
}

export const routes: RouteObject[] = [
  {
    path: "/",
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "reviews", element: <ReviewsPage /> },
      { path: "reviews/new", element: <NewReviewPage /> },
      {
        path: "reviews/:reviewId",
        element: <ReviewLayout />,
        children: [
          { index: true, element: <OverviewPage /> },
          {
            path: "details",
            element: (
              <EditOnly back="">
                <DetailsPage />
              </EditOnly>
            ),
          },
          { path: "team", element: <TeamPage /> },
          { path: "chronology", element: <ChronologyPage /> },
          {
            path: "chronology/new",
            element: (
              <EditOnly back="chronology">
                <ChronologyEntryPage />
              </EditOnly>
            ),
          },
          {
            path: "chronology/import",
            element: (
              <EditOnly back="chronology">
                <ImportPage />
              </EditOnly>
            ),
          },
          { path: "chronology/:entryId", element: <ChronologyEntryPage /> },
          { path: "episodes", element: <EpisodesPage /> },
          {
            path: "episodes/new",
            element: (
              <EditOnly back="episodes">
                <EpisodePage />
              </EditOnly>
            ),
          },
          { path: "episodes/:episodeId", element: <EpisodePage /> },
          { path: "factors", element: <FactorsPage /> },
          {
            path: "factors/new",
            element: (
              <EditOnly back="factors">
                <FactorPage />
              </EditOnly>
            ),
          },
          { path: "factors/:factorId", element: <FactorPage /> },
          // The graph screen and its drawing library load when first opened: a bundle apart.
          {
            path: "graph",
            lazy: async () => ({ Component: (await import("./features/graph/GraphPage")).GraphPage }),
          },
          { path: "findings", element: <FindingsPage /> },
          {
            path: "findings/new",
            element: (
              <EditOnly back="findings">
                <FindingPage />
              </EditOnly>
            ),
          },
          { path: "findings/:findingId", element: <FindingPage /> },
          { path: "tagging", element: <TaggingPage /> },
          { path: "identifiers", element: <IdentifiersPage /> },
          { path: "report", element: <ReportPage /> },
        ],
      },
      { path: "boards/:boardId/actions", element: <ActionPlanPage /> },
      { path: "boards/:boardId/actions/:actionId", element: <ActionPage /> },
      { path: "patterns", element: <PatternsPage /> },
      { path: "search", element: <SearchPage /> },
      { path: "audit", element: <AuditPage /> },
      { path: "typology", element: <TypologyPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
];

export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}

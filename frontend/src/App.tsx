import { useEffect, useState } from "react";

import { SIGNED_OUT_EVENT } from "./api";
import { HomePage } from "./features/home/HomePage";
import { SignInPage } from "./features/sign-in/SignInPage";
import { currentSession, forgetSession, keepSession, roleLabel, type SignedIn } from "./session";

export function App() {
  const [session, setSession] = useState<SignedIn | null>(currentSession);

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
              <a href="/" className="govuk-service-navigation__link">
                SCR Workbench
              </a>
            </span>
            {session && (
              <nav aria-label="Your account" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list">
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
          {session ? <HomePage session={session} /> : <SignInPage onSignedIn={signedIn} />}
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

import { type FormEvent, useEffect, useRef, useState } from "react";

import { isDemo, signIn } from "../../api";
import type { SignedIn } from "../../session";

interface Problems {
  email?: string;
  password?: string;
  service?: string;
}

/** The GOV.UK sign-in pattern: an error summary on top, each field's error beside it. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: SignedIn) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const listed = Object.entries(problems).filter(([, message]) => message) as [keyof Problems, string][];

  useEffect(() => {
    isDemo().then(setDemo, () => setDemo(false));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the summary takes the focus each time the form is sent with problems
  useEffect(() => {
    if (listed.length > 0) summary.current?.focus();
  }, [problems, listed.length]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Problems = {};
    if (!email.trim()) missing.email = "Enter your e-mail address";
    if (!password) missing.password = "Enter your password";
    if (missing.email || missing.password) {
      setProblems(missing);
      return;
    }
    setBusy(true);
    try {
      onSignedIn(await signIn(email.trim(), password));
    } catch (error) {
      setProblems({ service: (error as Error).message });
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {listed.length > 0 && (
          <div className="govuk-error-summary" ref={summary} tabIndex={-1}>
            <div role="alert">
              <h2 className="govuk-error-summary__title">There is a problem</h2>
              <div className="govuk-error-summary__body">
                <ul className="govuk-list govuk-error-summary__list">
                  {listed.map(([field, message]) => (
                    <li key={field}>
                      <a href={`#${field === "service" ? "email" : field}`}>{message}</a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        )}
        <h1 className="govuk-heading-l">Sign in to SCR Workbench</h1>
        <p className="govuk-body">
          Sign in with the e-mail address and password your administrator gave you. You will see the reviews you work
          on, or your partnership's reviews if you are a board member.
        </p>
        {demo && (
          <div className="govuk-inset-text">
            This is a demonstration with fictional data. <code>make run</code> printed an account for each role, all
            with the password <code>demo-password-1</code>; the README lists them too.
          </div>
        )}
        <form noValidate onSubmit={submit}>
          <Field
            id="email"
            label="E-mail address"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={problems.email}
          />
          <Field
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={problems.password}
          />
          <button type="submit" className="govuk-button" disabled={busy}>
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}

function Field(props: {
  id: string;
  label: string;
  type: string;
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { id, label, error } = props;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className={`govuk-input${error ? " govuk-input--error" : ""}`}
        id={id}
        name={id}
        type={props.type}
        autoComplete={props.autoComplete}
        spellCheck={false}
        value={props.value}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

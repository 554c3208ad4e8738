import { type DependencyList, useCallback, useEffect, useState } from "react";

import { SignedOut } from "../api";

export type Loaded<T> = { state: "loading" } | { state: "failed"; message: string } | { state: "ready"; data: T };

/** Load once per change of `deps`; `reload` loads again. A sign-out shows the sign-in page. */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): [Loaded<T>, () => void, (data: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when to load again (load is a new function each render); round is reload
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setLoaded({ state: "ready", data });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || error instanceof SignedOut) return;
        setLoaded({ state: "failed", message: (error as Error).message ?? String(error) });
      });
    return () => controller.abort();
  }, [...deps, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const replace = useCallback((data: T) => setLoaded({ state: "ready", data }), []);
  return [loaded, reload, replace];
}

/** How long a load may take before the screen says it is loading: most take less, and a
 * message shown for a moment only flashes (a new factor's form flashed "Loading factor…"). */
export const LOADING_SHOWN_AFTER_MS = 400;

function Loading({ what }: { what: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_SHOWN_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <p className="govuk-body">Loading {what}…</p> : null;
}

/** What to show while something loads or after it failed. */
export function LoadProblem({ loaded, what }: { loaded: Loaded<unknown>; what: string }) {
  if (loaded.state === "loading") return <Loading what={what} />;
  if (loaded.state === "failed") {
    return (
      <div className="govuk-error-summary" role="alert">
        <h2 className="govuk-error-summary__title">The {what} could not be loaded</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{loaded.message}</p>
        </div>
      </div>
    );
  }
  return null;
}

import { useCallback, useEffect, useRef } from "react";
import { type Location, useBlocker } from "react-router-dom";

/**
 * Leaving a form with unsaved changes asks first: the browser's own question when the tab
 * is closed or reloaded, and a GOV.UK warning for a move inside the workbench.
 * Returns the warning to render, and `leaveFreely` to call before moving on after a save.
 */
export function useUnsavedChanges(dirty: boolean): [React.ReactNode, () => void] {
  const free = useRef(false);
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: Location; nextLocation: Location }) =>
        dirty && !free.current && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  );

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (free.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);

  const warning =
    blocker.state === "blocked" ? (
      <LeaveWarning onLeave={() => blocker.proceed()} onStay={() => blocker.reset()} />
    ) : null;
  const leaveFreely = useCallback(() => {
    free.current = true;
  }, []);
  return [warning, leaveFreely];
}

function LeaveWarning({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      className="govuk-notification-banner"
      role="alertdialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-text"
      tabIndex={-1}
      ref={box}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="leave-title">
          Unsaved changes
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading" id="leave-text">
          You have changes on this page that are not saved. Leave without saving them?
        </p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button govuk-button--warning" onClick={onLeave}>
            Leave without saving
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onStay}>
            Stay on this page
          </button>
        </div>
      </div>
    </div>
  );
}

import { useEffect, useRef } from "react";

/**
 * Said where the person is once a link is added: beside the new link in the drawing, or above
 * the form. It takes the focus, so the keyboard and a screen reader are not left on the page's
 * body (the panel or form they were in has gone), and it comes into view.
 */
export function LinkAdded({ text, onClose }: { text: string; onClose?: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new sentence takes the focus
  useEffect(() => {
    box.current?.focus({ preventScroll: true });
    // (A test's document lays nothing out, so has nothing to scroll.)
    box.current?.scrollIntoView?.({ block: "nearest" });
  }, [text]);
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success scr-link-added nodrag nopan nowheel"
      role="alert"
      aria-labelledby="link-added-title"
      tabIndex={-1}
      ref={box}
      onKeyDown={(event) => {
        if (event.key === "Escape" && onClose) onClose();
      }}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="link-added-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{text}</p>
        {onClose && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={onClose}
          >
            Close
          </button>
        )}
      </div>
    </div>
  );
}

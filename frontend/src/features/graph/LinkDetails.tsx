import { useEffect, useRef } from "react";
import { Link } from "react-router-dom";

import type { LinkRead } from "../../client/types.gen";
import { LINK_KINDS, recordPath } from "./links";

/** The link clicked in the drawing: what it joins, its evidence, and a way to remove it. */
export function LinkDetails({
  reviewId,
  link,
  names,
  editable,
  busy,
  onRemove,
  onClose,
}: {
  reviewId: number;
  link: LinkRead;
  names: (key: string) => string;
  editable: boolean;
  busy: boolean;
  onRemove: (link: LinkRead) => void;
  onClose: () => void;
}) {
  const box = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the panel takes the focus when another link opens in it
  useEffect(() => box.current?.focus(), [link.id]);
  return (
    <section
      className="scr-graph__dialog nodrag nopan nowheel"
      aria-labelledby="link-details-title"
      ref={box}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <h2 className="govuk-heading-s" id="link-details-title">
        Link: {LINK_KINDS[link.kind].toLowerCase()}
      </h2>
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-3">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">From</dt>
          <dd className="govuk-summary-list__value">
            <Link className="govuk-link" to={recordPath(reviewId, link.source)}>
              {names(link.source)}
            </Link>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">To</dt>
          <dd className="govuk-summary-list__value">
            <Link className="govuk-link" to={recordPath(reviewId, link.target)}>
              {names(link.target)}
            </Link>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Evidence</dt>
          <dd className="govuk-summary-list__value">{link.evidence_note ?? "None recorded"}</dd>
        </div>
      </dl>
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        {editable && (
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            disabled={busy}
            onClick={() => onRemove(link)}
          >
            Remove this link
          </button>
        )}
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={onClose}
        >
          Close
        </button>
      </div>
    </section>
  );
}

import { useState } from "react";
import { Link } from "react-router-dom";

import type { LinkRead } from "../../client/types.gen";
import { LINK_KINDS, recordPath } from "./links";
import { RecordTable } from "../../common/RecordTable";

/** Every link of the graph as a table: the drawing's equivalent without a mouse or sight. */
export function LinksTable({
  reviewId,
  links,
  names,
  loopLink,
  editable,
  busy,
  onRemove,
}: {
  reviewId: number;
  links: LinkRead[];
  names: (key: string) => string;
  loopLink: (link: LinkRead) => boolean;
  editable: boolean;
  busy: boolean;
  onRemove: (link: LinkRead) => void;
}) {
  const [asking, setAsking] = useState<number | null>(null);
  if (links.length === 0) {
    return <p className="govuk-body">The graph has no links yet.</p>;
  }
  const record = (key: string) => (
    <Link className="govuk-link" to={recordPath(reviewId, key)}>
      {names(key)}
    </Link>
  );
  // On a phone the four columns are wider than the screen: the table scrolls in its own box.
  return (
    <div
      className="scr-links__scroll"
      role="region"
      aria-label="Links (scrolls sideways on a narrow screen)"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take the focus, for the keyboard to scroll it
      tabIndex={0}
    >
      <RecordTable
        caption={<>Links ({links.length})</>}
        className="scr-links"
        id="links"
        records={links}
        columns={[
          { header: "From", cell: (link) => record(link.source) },
          {
            header: "Kind of link",
            cell: (link) => (
              <>
                {LINK_KINDS[link.kind]}
                {loopLink(link) && (
                  <strong className="govuk-tag govuk-tag--red govuk-!-display-block govuk-!-margin-top-1 scr-links__tag">
                    Feedback loop
                  </strong>
                )}
                {link.evidence_note && (
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0 scr-links__note">
                    {link.evidence_note}
                  </span>
                )}
              </>
            ),
          },
          { header: "To", cell: (link) => record(link.target) },
          {
            header: <span className="govuk-visually-hidden">Remove</span>,
            shown: editable,
            cell: (link) =>
              asking === link.id ? (
                <div className="scr-links__confirm">
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-2"
                    disabled={busy}
                    onClick={() => {
                      setAsking(null);
                      onRemove(link);
                    }}
                  >
                    {"Yes, remove "}
                    <span className="govuk-visually-hidden">the link</span>
                  </button>
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => setAsking(null)}
                  >
                    {"Keep "}
                    <span className="govuk-visually-hidden">the link</span>
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => setAsking(link.id)}
                >
                  {"Remove "}
                  <span className="govuk-visually-hidden">
                    the link: {names(link.source)} {LINK_KINDS[link.kind].toLowerCase()} {names(link.target)}
                  </span>
                </button>
              ),
          },
        ]}
      />
    </div>
  );
}

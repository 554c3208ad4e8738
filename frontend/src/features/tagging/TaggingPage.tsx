import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { everything, ok } from "../../api";
import { tagsList } from "../../client/sdk.gen";
import type { TagRead } from "../../client/types.gen";
import { Saved } from "../../common/Saved";
import { useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { loadLinkedRecords } from "../factors/records";
import { useEditable, useReview } from "../review/ReviewLayout";
import { AgreementView } from "./AgreementView";
import { loadTypology, withCodesOf } from "./codes";
import { MoveTags } from "./MoveTags";
import { TagsView } from "./TagsView";
import { codingOf, tagTargets } from "./targets";
import "./tagging.css";

/**
 * Tagging a review against the national typology (…/tagging), with blind double coding: each
 * coder tags the records on their own and submits; the agreement view (…/tagging?view=agreement)
 * compares the submitted codings, and the lead reviewer decides each disagreement.
 */
export function TaggingPage() {
  const session = useSession();
  const { review, lead: leadReviewer } = useReview();
  const [params] = useSearchParams();
  const view = params.get("view") === "agreement" ? "agreement" : "tags";
  const [loaded, reload, replace] = useLoad(
    async (signal) => {
      const [linked, tags, typology] = await Promise.all([
        loadLinkedRecords(review.id, signal),
        everything((offset) => ok(tagsList({ path: { review_id: review.id }, query: { limit: 200, offset }, signal }))),
        loadTypology(signal),
      ]);
      const labelled = await withCodesOf(
        typology,
        tags.map((tag) => tag.typology_version),
        signal,
      );
      return { targets: tagTargets(review, linked), tags, typology: labelled };
    },
    // Read afresh on each change of view: a decision in the agreement adds an agreed tag.
    [review.id, view],
  );
  const [peek, setPeek] = useState(false);
  const [moved, setMoved] = useState<string | undefined>();
  // Tags are the review's records: a published review is tagged no more until reopened.
  const coder = useEditable();
  // An administrator may do what the lead reviewer does (the service allows it).
  const lead = leadReviewer || session.role === "admin";

  const tabs: [string, string, boolean][] = [
    ["Records and their tags", "?", view === "tags"],
    ["Agreement", "?view=agreement", view === "agreement"],
  ];

  return (
    <>
      <h1 className="govuk-heading-l">Tagging</h1>
      <p className="govuk-body">
        Tag the review, its key practice episodes, contributory factors and findings with the codes of the{" "}
        <Link className="govuk-link" to="/typology">
          national typology
        </Link>
        , so that they count in the patterns across reviews. Two reviewers code the review on their own (blind), and the
        lead reviewer decides where they disagree.
      </p>
      <nav className="scr-section-nav scr-tagging-views" aria-label="Tagging">
        <ul className="scr-section-nav__list">
          {tabs.map(([label, to, current]) => (
            <li key={label} className="scr-section-nav__item">
              <Link
                className={`govuk-link govuk-link--no-visited-state scr-section-nav__link${current ? " scr-section-nav__link--active" : ""}`}
                to={to}
                aria-current={current ? "page" : undefined}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LoadProblem loaded={loaded} what="tags" />
      <Saved what={moved} />
      {loaded.state === "ready" && view === "tags" && lead && coder && (
        <MoveTags
          reviewId={review.id}
          tags={loaded.data.tags}
          typology={loaded.data.typology}
          targets={new Map(loaded.data.targets.map((target) => [target.key, target]))}
          onMoved={(message) => {
            setMoved(message);
            reload();
          }}
        />
      )}
      {loaded.state === "ready" &&
        (view === "tags" ? (
          <TagsView
            review={review}
            targets={loaded.data.targets}
            tags={loaded.data.tags}
            typology={loaded.data.typology}
            me={session.email}
            coder={coder}
            lead={lead}
            coding={codingOf(loaded.data.tags, session.email)}
            onTags={(tags: TagRead[]) => replace({ ...loaded.data, tags })}
            onStale={reload}
          />
        ) : coder && !codingOf(loaded.data.tags, session.email).submitted && !(lead && peek) ? (
          <BlindAgreement lead={lead} onOpen={() => setPeek(true)} />
        ) : (
          <AgreementView
            reviewId={review.id}
            lead={lead && coder}
            index={loaded.data.typology.index}
            targets={new Map(loaded.data.targets.map((target) => [target.key, target]))}
            version={loaded.data.typology.tree.version}
          />
        ))}
    </>
  );
}

/**
 * The agreement shows the other coders' tags, so a coder who has not submitted does not see
 * it; the lead reviewer may open it on purpose, giving up coding blind.
 */
function BlindAgreement({ lead, onOpen }: { lead: boolean; onOpen: () => void }) {
  return (
    <>
      <h2 className="govuk-heading-m">Agreement</h2>
      <div className="govuk-inset-text">
        The agreement view shows the other coders' tags, so it opens for you once you have submitted your own coding.{" "}
        <Link className="govuk-link" to="?">
          Go to your coding
        </Link>
      </div>
      {lead && (
        <>
          <p className="govuk-body">
            As the lead reviewer you may open it without coding the review yourself; after that, any coding of yours
            would no longer be blind.
          </p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onOpen}>
            Open the agreement without coding
          </button>
        </>
      )}
    </>
  );
}

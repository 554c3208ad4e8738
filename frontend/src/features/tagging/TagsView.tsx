import { useState } from "react";

import { ApiError, ok } from "../../api";
import { tagsDelete } from "../../client/sdk.gen";
import type { ReviewRead, TagRead } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Saved } from "../../common/Saved";
import { mayChange, useSession } from "../../common/signedIn";
import { plural } from "../../words";
import { labelOf, type Typology } from "./codes";
import { RecordRows } from "./RecordRows";
import { SubmitCoding } from "./SubmitCoding";
import type { TagMode } from "./TagForm";
import { type Coding, GROUPS, type TagTarget, tagsByTarget } from "./targets";

/** Every record of the review that may be tagged, in groups, with the tags the reader may see. */
export function TagsView(props: {
  review: ReviewRead;
  targets: TagTarget[];
  tags: TagRead[];
  typology: Typology;
  me: string;
  /** Whether the reader codes (reviewers and administrators, while the review is not published). */
  coder: boolean;
  lead: boolean;
  coding: Coding;
  onTags: (tags: TagRead[]) => void;
  onStale: () => void;
}) {
  const { review, targets, tags, typology, me, coding } = props;
  const reviewer = mayChange(useSession());
  const [adding, setAdding] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const byTarget = tagsByTarget(tags);
  const label = (code: string) => labelOf(typology.index, code);
  const say = (key: string, text: string) => setStatuses((now) => ({ ...now, [key]: text }));

  const modes: TagMode[] = !props.coder
    ? []
    : coding.submitted
      ? props.lead
        ? ["agreed"]
        : []
      : props.lead
        ? ["coding", "agreed"]
        : ["coding"];

  async function remove(tag: TagRead) {
    setBusy(true);
    setProblems([]);
    try {
      await ok(tagsDelete({ path: { review_id: review.id, tag_id: tag.id } }));
      props.onTags(tags.filter((t) => t.id !== tag.id));
      say(tag.target, `‘${label(tag.code)}’ was removed.`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems([{ text: error.message }]);
      props.onStale();
    } finally {
      setBusy(false);
    }
  }

  const tagged = targets.filter((target) => byTarget.has(target.key)).length;
  return (
    <>
      <Saved what={saved} />
      <ErrorSummary problems={problems} title="The tag was not removed" />
      {props.coder ? (
        <SubmitCoding
          reviewId={review.id}
          coding={coding}
          lead={props.lead}
          onSubmitted={(count) => {
            setAdding(null);
            setSaved(
              `Your coding (${plural(count, "tag", "tags")}) was submitted. The other coders' submitted tags are shown now.`,
            );
            props.onStale();
          }}
          onStale={props.onStale}
        />
      ) : (
        !reviewer && (
          <p className="govuk-inset-text">
            You see the review's agreed tags and the coders' submitted tags; only the review's reviewers tag it.
          </p>
        )
      )}
      {props.coder && coding.submitted && !props.lead && (
        <p className="govuk-body">Your coding is closed; the lead reviewer records the agreed tags.</p>
      )}
      <p className="govuk-body">
        {targets.length} records, {tagged} with tags you can see. Typology {typology.tree.version}.
      </p>
      <nav aria-label="Records by kind">
        <ul className="govuk-list">
          {GROUPS.map(([kind, heading]) => (
            <li key={kind}>
              <a className="govuk-link" href={`#group-${kind}`}>
                {heading}
              </a>{" "}
              ({targets.filter((target) => target.kind === kind).length})
            </li>
          ))}
        </ul>
      </nav>
      {GROUPS.map(([kind, heading]) => {
        const group = targets.filter((target) => target.kind === kind);
        return (
          <section key={kind} aria-labelledby={`group-${kind}`}>
            <h2 className="govuk-heading-m govuk-!-margin-top-6" id={`group-${kind}`}>
              {heading}
            </h2>
            {group.length === 0 ? (
              <p className="govuk-body">None recorded yet.</p>
            ) : (
              <table className="govuk-table scr-tagging__table">
                <caption className="govuk-table__caption govuk-visually-hidden">{heading}: their tags</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Record
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Tags
                    </th>
                    {modes.length > 0 && (
                      <th scope="col" className="govuk-table__header scr-tagging__add">
                        <span className="govuk-visually-hidden">Add</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {group.map((target) => (
                    <RecordRows
                      key={target.key}
                      reviewId={review.id}
                      target={target}
                      tags={byTarget.get(target.key) ?? []}
                      me={me}
                      roots={typology.tree.codes}
                      index={typology.index}
                      version={typology.tree.version}
                      modes={modes}
                      adding={adding === target.key}
                      onAdd={() => {
                        setAdding(target.key);
                        say(target.key, "");
                      }}
                      onCancel={() => setAdding(null)}
                      onAdded={(tag) => {
                        props.onTags([...tags, tag]);
                        setAdding(null);
                        say(
                          target.key,
                          `Tagged with ‘${label(tag.code)}’${tag.agreed ? " as an agreed tag" : " in your coding"}.`,
                        );
                      }}
                      onRemove={remove}
                      onStale={props.onStale}
                      busy={busy}
                      status={statuses[target.key]}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}

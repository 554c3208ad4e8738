import { useEffect, useRef } from "react";
import { Link } from "react-router-dom";

import type { CodeNode, TagRead } from "../../client/types.gen";
import { Coders } from "./Coders";
import { labelOf } from "./codes";
import { TagForm, type TagMode } from "./TagForm";
import { removable, STATE_TAGS, STATE_WORDS, type TagTarget, tagState } from "./targets";

/**
 * One record of the review as rows of its group's table: the record, the tags the reader may
 * see (removing their own), and, while the reader adds a tag, the form in a row of its own.
 */
export function RecordRows(props: {
  reviewId: number;
  target: TagTarget;
  tags: TagRead[];
  me: string;
  roots: CodeNode[];
  index: Map<string, CodeNode>;
  version: string;
  /** How the reader may tag now; none for a reader who only reads. */
  modes: TagMode[];
  adding: boolean;
  onAdd: () => void;
  onCancel: () => void;
  onAdded: (tag: TagRead) => void;
  onRemove: (tag: TagRead) => void;
  onStale: () => void;
  busy: boolean;
  /** What just happened to this record's tags, said once. */
  status?: string;
}) {
  const { target, tags, me, index } = props;
  const addButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(props.adding);
  useEffect(() => {
    // Back on the record's button once its form closes, so the keyboard does not lose its place.
    if (wasAdding.current && !props.adding) addButton.current?.focus();
    wasAdding.current = props.adding;
  }, [props.adding]);
  const tagging = props.modes.length > 0;

  return (
    <>
      <tr className="govuk-table__row">
        <th scope="row" className="govuk-table__header govuk-!-font-weight-regular scr-tagging__record">
          <Link className="govuk-link" to={target.path}>
            {target.label}
          </Link>
        </th>
        <td className="govuk-table__cell">
          {tags.length === 0 ? (
            <span className="govuk-hint govuk-!-margin-bottom-0">No tags you can see</span>
          ) : (
            <ul className="govuk-list govuk-!-margin-bottom-0">
              {tags.map((tag) => {
                const state = tagState(tag, me);
                return (
                  <li key={tag.id} className="scr-tagging__tag">
                    <strong className={`govuk-tag ${STATE_TAGS[state]} scr-tagging__state`}>
                      {STATE_WORDS[state]}
                    </strong>{" "}
                    {labelOf(index, tag.code)} <code className="scr-code-id">{tag.code}</code>
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 scr-tagging__by">
                      {tag.coder === me ? (
                        "By you"
                      ) : (
                        <>
                          By <Coders emails={[tag.coder]} />
                        </>
                      )}
                      {tag.typology_version !== props.version && `, typology ${tag.typology_version}`}
                      {tag.rationale && `: ${tag.rationale}`}
                    </span>
                    {tagging && removable(tag, me) && (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 scr-small-button"
                        disabled={props.busy}
                        onClick={() => props.onRemove(tag)}
                      >
                        Remove{" "}
                        <span className="govuk-visually-hidden">
                          {labelOf(index, tag.code)} from {target.label}
                        </span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0" role="status">
            {props.status ?? ""}
          </span>
        </td>
        {tagging && (
          <td className="govuk-table__cell">
            {!props.adding && (
              <button
                type="button"
                ref={addButton}
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 scr-small-button"
                onClick={props.onAdd}
              >
                Add a tag <span className="govuk-visually-hidden">to {target.label}</span>
              </button>
            )}
          </td>
        )}
      </tr>
      {tagging && props.adding && (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={3}>
            <TagForm
              reviewId={props.reviewId}
              target={target}
              roots={props.roots}
              version={props.version}
              modes={props.modes}
              tags={tags}
              me={me}
              onAdded={props.onAdded}
              onStale={props.onStale}
              onCancel={props.onCancel}
            />
          </td>
        </tr>
      )}
    </>
  );
}

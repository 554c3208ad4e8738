import { type FormEvent, useState } from "react";

import { ApiError, ok } from "../../api";
import { tagsCreate } from "../../client/sdk.gen";
import type { CodeNode, TagRead } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Radios, TextArea } from "../../common/fields";
import { problemsOf } from "../../common/problems";
import { CodeBrowser } from "./CodeBrowser";
import { CodeSearch } from "./CodeSearch";
import type { TagTarget } from "./targets";

export type TagMode = "coding" | "agreed";

const MODE_WORDS: Record<TagMode, string> = {
  coding: "My coding (blind: the other coders do not see it until they submit theirs)",
  agreed: "An agreed tag of the review (as its lead reviewer; patterns count it)",
};

/** Tag one record with a code found by search or in the tree: as one's own coding or, for the
 * lead, agreed. */
export function TagForm(props: {
  reviewId: number;
  target: TagTarget;
  roots: CodeNode[];
  version: string;
  /** The ways the signed-in person may tag now: their coding, the agreed tags, or both. */
  modes: TagMode[];
  /** The tags the record has already, to leave their codes out. */
  tags: TagRead[];
  me: string;
  onAdded: (tag: TagRead) => void;
  /** A 409: the tags changed elsewhere; read them again. */
  onStale: () => void;
  onCancel: () => void;
}) {
  const { target, modes } = props;
  const id = `tag-${target.key.replace(":", "-")}`;
  const [search, setSearch] = useState("");
  const [code, setCode] = useState("");
  const [mode, setMode] = useState<TagMode>(modes[0]);
  const [rationale, setRationale] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const fields = { code: `${id}-search`, target: `${id}-search`, rationale: `${id}-rationale` };
  const have = new Set(
    props.tags
      .filter((tag) => (mode === "agreed" ? tag.agreed : !tag.agreed && tag.coder === props.me))
      .map((tag) => tag.code),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!code) {
      setProblems([{ field: fields.code, text: "Find a code and choose it" }]);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      const tag = await ok(
        tagsCreate({
          path: { review_id: props.reviewId },
          body: {
            target: target.key,
            code,
            typology_version: props.version,
            rationale: rationale.trim() || null,
            agreed: mode === "agreed",
          },
        }),
      );
      props.onAdded(tag);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems(problemsOf(error, fields));
      if (error.status === 409) props.onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={`Tag ${target.label}`} className="scr-tag-form">
      <ErrorSummary problems={problems} title="The tag was not added" />
      <CodeSearch
        id={fields.code}
        roots={props.roots}
        target={target.kind}
        version={props.version}
        search={search}
        onSearch={setSearch}
        chosen={code}
        onChoose={setCode}
        exclude={have}
        error={problems.find((problem) => problem.field === fields.code)?.text}
      />
      <CodeBrowser
        id={`${id}-browse`}
        roots={props.roots}
        target={target.kind}
        version={props.version}
        chosen={code}
        onChoose={setCode}
        exclude={have}
      />
      {modes.length > 1 ? (
        <Radios
          id={`${id}-mode`}
          label="Add it as"
          value={mode}
          options={modes.map((value) => [value, MODE_WORDS[value]])}
          onChange={(value) => setMode(value as TagMode)}
        />
      ) : (
        <p className="govuk-body-s">Added as {MODE_WORDS[modes[0]].replace(/^./, (c) => c.toLowerCase())}.</p>
      )}
      <TextArea
        id={fields.rationale}
        label="Rationale (optional)"
        hint="Why the code fits this record: what in it shows the problem."
        rows={2}
        value={rationale}
        error={problems.find((problem) => problem.field === fields.rationale)?.text}
        onChange={setRationale}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy}>
          Add the tag
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

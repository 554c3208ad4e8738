import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { ok } from "../../api";
import { typologiesChanges } from "../../client/sdk.gen";
import type { CodeNode, TypologySummary } from "../../client/types.gen";
import { Select } from "../../common/fields";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { formatDate } from "../../words";
import { type History, VersionChanges } from "./changes";
import { CodeDetail } from "./CodeDetail";
import { CodeTree } from "./CodeTree";
import {
  ancestorsOf,
  AXES,
  AXIS_HINTS,
  AXIS_WORDS,
  type Axis,
  filterTree,
  flatten,
  loadTypology,
  rootsOf,
} from "./codes";
import "./tagging.css";

/**
 * The national typology: its versions (the current one first), its codes by axis with a
 * search that keeps each match's ancestors in view, and one code's detail. The version, the
 * search and the code open are kept in the address (?version=, ?q=, ?code=), so a view can be
 * bookmarked or sent to a colleague.
 */
export function TypologyPage() {
  const [params, setParams] = useSearchParams();
  const version = params.get("version");
  const search = params.get("q") ?? "";
  const codeId = params.get("code");
  const [loaded] = useLoad(
    async (signal) => {
      const typology = await loadTypology(signal, version);
      // What each version changed from the one before: a handful of versions, read once.
      const history = await Promise.all(
        typology.versions.map((v) => ok(typologiesChanges({ path: { version: v.version }, signal }))),
      );
      return { ...typology, history };
    },
    [version],
  );

  /** The address with some of its parts changed (null removes one). */
  function withParams(changes: Record<string, string | null>): URLSearchParams {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return next;
  }

  return (
    <>
      <h1 className="govuk-heading-l">National typology</h1>
      <p className="govuk-body">
        The typology of the problems that contribute to adverse outcomes, after Munro's recommendation 9. Its codes tag
        a review, its key practice episodes, contributory factors and findings, so that what one review learnt counts in
        the patterns across reviews.
      </p>
      <LoadProblem loaded={loaded} what="typology" />
      {loaded.state === "ready" && (
        <TypologyBrowser
          versions={loaded.data.versions}
          tree={loaded.data.tree.codes}
          index={loaded.data.index}
          history={loaded.data.history}
          version={loaded.data.tree.version}
          search={search}
          codeId={codeId}
          linkTo={(changes) => `?${withParams(changes).toString()}`}
          onVersion={(next) => setParams(withParams({ version: next, code: null }))}
          onSearch={(next) => setParams(withParams({ q: next }), { replace: true })}
        />
      )}
    </>
  );
}

function versionLabel(summary: TypologySummary): string {
  const status = summary.current ? "current" : summary.status;
  return `${summary.version}: ${summary.title} (${status})`;
}

function TypologyBrowser(props: {
  versions: TypologySummary[];
  tree: CodeNode[];
  index: Map<string, CodeNode>;
  history: History;
  version: string;
  search: string;
  codeId: string | null;
  linkTo: (changes: Record<string, string | null>) => string;
  onVersion: (version: string) => void;
  onSearch: (search: string) => void;
}) {
  const { tree, index, search, codeId, linkTo } = props;
  const summary = props.versions.find((v) => v.version === props.version);
  const filtered = filterTree(tree, search.trim());
  const searching = search.trim().length > 0;
  const total = flatten(tree).length;
  const chosen = codeId ? index.get(codeId) : undefined;
  const openIds = new Set(chosen ? ancestorsOf(index, chosen.id) : []);
  // A code opened from the list takes the reader to it; one opened by the address does not.
  const shown = useRef(false);
  useEffect(() => {
    shown.current = true;
  }, []);

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Select
            id="version"
            label="Version"
            hint="A published version never changes; a change to the typology is a new version."
            value={props.version}
            className="govuk-!-width-full"
            options={props.versions.map((v) => [v.version, versionLabel(v)])}
            onChange={props.onVersion}
          />
          {summary && (
            <p className="govuk-body-s">
              Published {formatDate(summary.published)} · {summary.codes} codes
              {summary.current ? " · the current version, used for new tags" : ""}
            </p>
          )}
          <VersionChanges history={props.history} version={props.version} linkTo={linkTo} />
          <form role="search" aria-label="Codes" onSubmit={(event) => event.preventDefault()}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="typology-search">
                Search the codes
              </label>
              <div id="typology-search-hint" className="govuk-hint">
                By label, definition or id, for example ‘supervision’ or ‘sp.reasoning’.
              </div>
              <input
                className="govuk-input govuk-!-width-two-thirds"
                id="typology-search"
                name="q"
                type="search"
                spellCheck={false}
                autoComplete="off"
                aria-describedby="typology-search-hint"
                value={search}
                onChange={(event) => props.onSearch(event.target.value)}
              />
            </div>
          </form>
          <p className="govuk-body" role="status">
            {searching ? `${filtered.matched.size} of ${total} codes match ‘${search.trim()}’.` : `${total} codes.`}
            {searching && (
              <>
                {" "}
                <Link className="govuk-link" to={linkTo({ q: null })}>
                  Clear the search
                </Link>
              </>
            )}
          </p>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          {AXES.map(([axis]) => (
            <AxisTree
              key={axis}
              axis={axis}
              roots={rootsOf(filtered.roots, axis)}
              matched={filtered.matched}
              searching={searching}
              openIds={openIds}
              codeId={codeId}
              linkTo={linkTo}
            />
          ))}
        </div>
        <div className="govuk-grid-column-one-half">
          {chosen ? (
            <CodeDetail
              code={chosen}
              index={index}
              version={props.version}
              linkTo={linkTo}
              focus={shown.current}
              history={props.history}
            />
          ) : codeId ? (
            <p className="govuk-inset-text">
              Typology {props.version} has no code {codeId}.
            </p>
          ) : (
            <p className="govuk-inset-text">
              Choose a code to see its definition, what it includes and excludes, and which records it may tag.
            </p>
          )}
        </div>
      </div>
    </>
  );
}

function AxisTree(props: {
  axis: Axis;
  roots: CodeNode[];
  matched: Set<string>;
  searching: boolean;
  openIds: Set<string>;
  codeId: string | null;
  linkTo: (changes: Record<string, string | null>) => string;
}) {
  const { axis, roots } = props;
  const headingId = `axis-${axis}`;
  const count = roots.reduce((sum, root) => sum + flatten([root]).filter((c) => props.matched.has(c.id)).length, 0);
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m govuk-!-margin-bottom-1" id={headingId}>
        {AXIS_WORDS[axis]}
      </h2>
      <p className="govuk-hint govuk-!-margin-bottom-2">
        {AXIS_HINTS[axis]} {props.searching ? `${count} matching.` : ""}
      </p>
      {roots.length === 0 ? (
        <p className="govuk-body-s">No code of this axis matches.</p>
      ) : (
        <CodeTree
          roots={roots}
          open={(code) => props.searching || props.openIds.has(code.id) || props.codeId === code.id}
          code={(code) => <CodeLink {...props} code={code} />}
        />
      )}
    </section>
  );
}

function CodeLink(props: {
  code: CodeNode;
  matched: Set<string>;
  searching: boolean;
  codeId: string | null;
  linkTo: (changes: Record<string, string | null>) => string;
}) {
  const { code } = props;
  const context = props.searching && !props.matched.has(code.id);
  const open = props.codeId === code.id;
  return (
    <span className={`scr-typology__code${context ? " scr-typology__code--context" : ""}`}>
      <Link
        className={`govuk-link govuk-link--no-visited-state${open ? " scr-typology__code-link--open" : ""}`}
        to={props.linkTo({ code: code.id })}
        aria-current={open ? "true" : undefined}
      >
        {code.label}
      </Link>{" "}
      <code className="scr-code-id">{code.id}</code>
      {code.deprecated && <strong className="govuk-tag govuk-tag--grey scr-inline-tag">Deprecated</strong>}
      {context && <span className="govuk-visually-hidden"> (contains matching codes)</span>}
    </span>
  );
}

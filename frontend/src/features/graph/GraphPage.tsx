import { useCallback, useMemo, useState } from "react";
import { Link } from "react-router-dom";

import { ApiError, everything, ok } from "../../api";
import { graphAnalysis, graphGraph, linksCreate, linksDelete, linksList } from "../../client/sdk.gen";
import type { AnalysisRead, LinkRead } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { problemsOf } from "../../common/problems";
import { Saved } from "../../common/Saved";
import { mayChange, useSession } from "../../common/signedIn";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { useEditable, useReview } from "../review/ReviewLayout";
import { AddLinkForm } from "./AddLinkForm";
import { AnalysisSummary } from "./AnalysisSummary";
import "./graph.css";
import { GraphCanvas } from "./GraphCanvas";
import { GraphDownloads } from "./GraphDownloads";
import { GraphKey } from "./GraphKey";
import { highlightsOf, onLoop } from "./highlights";
import { LinkChooser, linkSentence } from "./LinkChooser";
import { LinkAdded } from "./LinkAdded";
import { LinkDetails } from "./LinkDetails";
import { type LinkChoice, linkChoices, whyNoLink } from "./links";
import { LinksTable } from "./LinksTable";
import { type NodeLinkGraph, recordsOf } from "./model";

/** The service's field names, mapped to the ids of the form that adds a link. */
const LINK_FIELDS = { source: "link-from", kind: "link-kind", target: "link-to", evidence_note: "link-note" };

interface Drawing {
  graph: NodeLinkGraph;
  links: LinkRead[];
  analysis: AnalysisRead;
}

/** The review's causal graph: drawn, analysed, and edited by dragging or with a form. */
export function GraphPage() {
  const session = useSession();
  const { review } = useReview();
  const [loaded, reload] = useLoad(
    async (signal): Promise<Drawing> => {
      const path = { review_id: review.id };
      const [graph, links, analysis] = await Promise.all([
        ok(graphGraph({ path, query: { format: "json" }, signal })) as Promise<NodeLinkGraph>,
        everything((offset) => ok(linksList({ path, query: { limit: 200, offset }, signal }))),
        ok(graphAnalysis({ path, query: { loop_limit: 50 }, signal })),
      ]);
      return { graph, links, analysis };
    },
    [review.id],
  );
  const editable = useEditable();

  const [problems, setProblems] = useState<Problem[]>([]);
  // Problems with a link drawn by dragging are shown over the drawing, where the person is.
  const [dragProblems, setDragProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ from: string; to: string; choices: LinkChoice[] } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  // A link being drawn with the keyboard, from this record.
  const [linkFrom, setLinkFrom] = useState<string | null>(null);
  // A link just added (or removed from its panel), said beside it in the drawing or above the
  // form, where the person is.
  const [said, setSaid] = useState<{ text: string; where: "drawing" | "form"; near: string; away: string } | null>(
    null,
  );
  // The two records a problem with a drawn link is about: its panel goes beside them.
  const [problemAt, setProblemAt] = useState<{ near: string; away: string } | null>(null);

  const data = loaded.state === "ready" ? loaded.data : null;
  const records = useMemo(() => recordsOf(data?.graph.nodes ?? []), [data]);
  const highlights = useMemo(
    () => highlightsOf(data?.analysis ?? { root_factors: [], feedback_loops: { loops: [], more: false } }),
    [data],
  );
  const names = useCallback((key: string) => records.get(key)?.label ?? key, [records]);

  function report(next: Problem[], dragged = false) {
    setSaved(undefined);
    setSaid(null);
    setProblems(dragged ? [] : next);
    setDragProblems(dragged ? next : []);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: report only calls state setters, which never change
  const propose = useCallback((from: string, to: string) => {
    setSelected(null);
    setLinkFrom(null);
    const choices = linkChoices(from, to);
    if (choices.length === 0) {
      setPending(null);
      report([{ text: whyNoLink(from, to) }], true);
      setProblemAt({ near: to, away: from });
      return;
    }
    report([]);
    setPending({ from, to, choices });
  }, []);

  const startLink = useCallback((from: string) => {
    setPending(null);
    setSelected(null);
    setDragProblems([]);
    setSaid(null);
    setLinkFrom(from);
  }, []);
  const stopLink = useCallback(() => setLinkFrom(null), []);

  async function add(choice: LinkChoice, note: string, dragged = false): Promise<boolean> {
    setBusy(true);
    try {
      await ok(
        linksCreate({
          path: { review_id: review.id },
          body: { ...choice, evidence_note: note.trim() || null },
        }),
      );
      setPending(null);
      report([]);
      setSaid({
        text: `The link was added: ${linkSentence(choice, names)}.`,
        where: dragged ? "drawing" : "form",
        near: choice.target,
        away: choice.source,
      });
      reload();
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setPending(null);
      report(problemsOf(error, dragged ? {} : LINK_FIELDS), dragged);
      setProblemAt({ near: choice.target, away: choice.source });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function remove(link: LinkRead, fromDrawing = false) {
    setBusy(true);
    try {
      await ok(linksDelete({ path: { review_id: review.id, link_id: link.id } }));
      setSelected(null);
      report([]);
      const text = `The link was removed: ${linkSentence(link, names)}.`;
      // From its panel over the drawing, said there (the panel has gone, and the focus with it).
      if (fromDrawing) setSaid({ text, where: "drawing", near: link.target, away: link.source });
      else setSaved(text);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      report([{ text: error.message }]);
    } finally {
      setBusy(false);
      reload();
    }
  }

  const selectedLink = data?.links.find((link) => link.id === selected) ?? null;
  const pendingEnds = pending ? { source: pending.choices[0].source, target: pending.choices[0].target } : null;
  const aside =
    pending && editable
      ? {
          near: pending.to,
          away: pending.from,
          children: (
            <LinkChooser
              key={`${pending.from} ${pending.to}`}
              choices={pending.choices}
              names={names}
              busy={busy}
              onAdd={(choice, note) => void add(choice, note, true)}
              onCancel={() => setPending(null)}
            />
          ),
        }
      : selectedLink
        ? {
            near: selectedLink.target,
            away: selectedLink.source,
            children: (
              <LinkDetails
                reviewId={review.id}
                link={selectedLink}
                names={names}
                editable={editable}
                busy={busy}
                onRemove={(link) => void remove(link, true)}
                onClose={() => setSelected(null)}
              />
            ),
          }
        : dragProblems.length > 0 && problemAt
          ? {
              near: problemAt.near,
              away: problemAt.away,
              children: (
                <div className="scr-graph__dialog nodrag nopan nowheel">
                  <ErrorSummary problems={dragProblems} title="The link was not added" />
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => setDragProblems([])}
                  >
                    Close
                  </button>
                </div>
              ),
            }
          : said?.where === "drawing"
            ? {
                near: said.near,
                away: said.away,
                children: <LinkAdded text={said.text} onClose={() => setSaid(null)} />,
              }
            : null;

  return (
    <>
      <Saved what={saved} />
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Causal graph</h1>
      <p className="govuk-body">
        How the contributory factors influenced each other and explain the key practice episodes, and the evidence
        behind each finding. The analysis marks the root factors and any feedback loops.
      </p>
      {editable ? (
        <p className="govuk-body">
          To link two records, drag from the dot on the edge of one to the other, then choose the kind of link. With the
          keyboard, tab to a record and choose "Link from this record", then pick the record it points to with the arrow
          keys and Enter. Select a record's name to open it, or a link to see its evidence and remove it.{" "}
          <a className="govuk-link" href="#add-link">
            Add a link without dragging
          </a>
          .
        </p>
      ) : (
        !mayChange(session) && (
          <p className="govuk-inset-text">You can read the graph; only the review's reviewers change it.</p>
        )
      )}
      <LoadProblem loaded={loaded} what="causal graph" />
      {data && data.graph.nodes.length === 0 && (
        <p className="govuk-body">
          The graph is empty: add{" "}
          <Link className="govuk-link" to={`/reviews/${review.id}/episodes`}>
            key practice episodes
          </Link>{" "}
          and{" "}
          <Link className="govuk-link" to={`/reviews/${review.id}/factors`}>
            contributory factors
          </Link>{" "}
          first.
        </p>
      )}
      {data && data.graph.nodes.length > 0 && (
        <>
          <GraphKey />
          <a className="govuk-skip-link scr-graph__skip" href="#links">
            Skip the drawing, to the table of links
          </a>
          <div className={`scr-graph${editable ? "" : " scr-graph--read-only"}`}>
            <GraphCanvas
              reviewId={review.id}
              records={data.graph.nodes}
              links={data.links}
              names={names}
              highlights={highlights}
              editable={editable}
              pending={pendingEnds}
              selectedLink={selected}
              onPropose={propose}
              onSelectLink={(id) => {
                setPending(null);
                setDragProblems([]);
                setSelected(id);
              }}
              linkFrom={linkFrom}
              onLinkFrom={startLink}
              onCancelLink={stopLink}
              aside={aside}
            />
          </div>
          <AnalysisSummary reviewId={review.id} analysis={data.analysis} names={names} />
          <LinksTable
            reviewId={review.id}
            links={data.links}
            names={names}
            loopLink={(link) => onLoop(highlights, link)}
            editable={editable}
            busy={busy}
            onRemove={(link) => void remove(link)}
          />
          {editable && (
            <div id="add-link">
              {said?.where === "form" && <LinkAdded text={said.text} />}
              <AddLinkForm
                records={[...records.values()]}
                busy={busy}
                errorOf={(field) => problems.find((p) => p.field === field)?.text}
                onProblems={report}
                onAdd={add}
              />
            </div>
          )}
          <GraphDownloads reviewId={review.id} reference={review.reference} />
        </>
      )}
    </>
  );
}

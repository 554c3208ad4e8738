// What the analysis of the graph marks in the drawing: root factors, and the factors and
// links of each feedback loop.

import type { AnalysisRead, LinkKind } from "../../client/types.gen";

export interface Highlights {
  /** Factors nothing else influences, that themselves influence or explain something. */
  roots: Set<string>;
  /** Factors on a feedback loop. */
  loopNodes: Set<string>;
  /** The `influenced` links that close the loops, as `source>target`. */
  loopLinks: Set<string>;
}

export const NO_HIGHLIGHTS: Highlights = { roots: new Set(), loopNodes: new Set(), loopLinks: new Set() };

export const linkKey = (source: string, target: string) => `${source}>${target}`;

/** The highlights the analysis asks for. A loop [a, b, c] is the links a>b, b>c and c>a. */
export function highlightsOf(analysis: Pick<AnalysisRead, "root_factors" | "feedback_loops">): Highlights {
  const loopNodes = new Set<string>();
  const loopLinks = new Set<string>();
  for (const loop of analysis.feedback_loops.loops) {
    loop.forEach((factor, index) => {
      loopNodes.add(factor);
      loopLinks.add(linkKey(factor, loop[(index + 1) % loop.length]));
    });
  }
  return { roots: new Set(analysis.root_factors), loopNodes, loopLinks };
}

/** Whether a link is one of a feedback loop's (loops are made of `influenced` links only). */
export function onLoop(highlights: Highlights, link: { kind: LinkKind; source: string; target: string }): boolean {
  return link.kind === "influenced" && highlights.loopLinks.has(linkKey(link.source, link.target));
}

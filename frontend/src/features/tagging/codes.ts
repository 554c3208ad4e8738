// The national typology as the tagging screens read it: its versions, its codes by axis, and
// a search that keeps a matching code's ancestors so it is still seen in its place.

import { ok } from "../../api";
import { typologiesList, typologiesRead } from "../../client/sdk.gen";
import type { CodeNode, TypologySummary, TypologyTree } from "../../client/types.gen";

export type Axis = CodeNode["axis"];
export type Target = CodeNode["applies_to"][number];

/** The axes in the order a reader meets them: the case first, then the system. */
export const AXES: [Axis, string][] = [
  ["case_context", "Case context"],
  ["systemic_pattern", "Systemic patterns"],
  ["practice_theme", "Practice themes"],
  ["factor_level", "Contributory-factor levels"],
];

export const AXIS_WORDS: Record<Axis, string> = Object.fromEntries(AXES) as Record<Axis, string>;

/** What each axis is for, in the method's words. */
export const AXIS_HINTS: Record<Axis, string> = {
  case_context: "The harm, the family and the child: codes for the review itself.",
  systemic_pattern: "SCIE's six categories of pattern and their sub-patterns: for factors and findings.",
  practice_theme: "Themes that recur in the national analyses: for episodes, factors and findings.",
  factor_level: "Learning Together's levels of contributory factor: for factors.",
};

/** The records a code may tag, as a list reads them. */
export const TARGET_WORDS: Record<Target, string> = {
  review: "the review itself (case context)",
  episode: "key practice episodes",
  factor: "contributory factors",
  finding: "findings",
};

/** Every code of the tree, parents before their children, in the file's order. */
export function flatten(roots: CodeNode[]): CodeNode[] {
  const all: CodeNode[] = [];
  const visit = (node: CodeNode) => {
    all.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return all;
}

/** Each code by id. */
export function codeIndex(roots: CodeNode[]): Map<string, CodeNode> {
  return new Map(flatten(roots).map((node) => [node.id, node]));
}

function words(text: string): string[] {
  return text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** Endings taken off a searched word, longest first, so that "share" finds "sharing" and
 * "curious" finds "curiosity": a coder types a word in whatever form comes to mind. */
const ENDINGS = [
  "ations",
  "ation",
  "ities",
  "ity",
  "ings",
  "ing",
  "ness",
  "ment",
  "ous",
  "ive",
  "ies",
  "ied",
  "ed",
  "es",
  "er",
  "ly",
  "e",
  "s",
];

/** The word without its ending, keeping at least four letters ("rule" stays "rule"). */
export function stem(word: string): string {
  const ending = ENDINGS.find((end) => word.endsWith(end) && word.length - end.length >= 4);
  return ending ? word.slice(0, -ending.length) : word;
}

/** Whether the code's id, label, definition or includes hold every word of the search, in
 * any of its forms (the word's stem). */
export function matches(code: CodeNode, search: string): boolean {
  const wanted = words(search).map(stem);
  if (wanted.length === 0) return true;
  const text = [code.id, code.label, code.definition, ...code.includes].join(" ").toLocaleLowerCase();
  return wanted.every((word) => text.includes(word));
}

export interface Filtered {
  /** The tree cut down to the codes that match and their ancestors. */
  roots: CodeNode[];
  /** The ids of the codes that match (their ancestors are shown but do not). */
  matched: Set<string>;
}

/** The codes `keep` keeps, each with its ancestors (which are shown but not kept). */
export function pruneTree(roots: CodeNode[], keep: (code: CodeNode) => boolean): Filtered {
  const matched = new Set<string>();
  const prune = (node: CodeNode): CodeNode | null => {
    const children = node.children.map(prune).filter((child): child is CodeNode => child !== null);
    const hit = keep(node);
    if (hit) matched.add(node.id);
    return hit || children.length > 0 ? { ...node, children } : null;
  };
  return { roots: roots.map(prune).filter((node): node is CodeNode => node !== null), matched };
}

/** The codes that match the search, each with its ancestors; the whole tree without a search. */
export function filterTree(roots: CodeNode[], search: string): Filtered {
  return pruneTree(roots, (code) => matches(code, search));
}

/** The codes that may tag this kind of record (not deprecated), each with its ancestors. */
export function treeFor(roots: CodeNode[], target: Target): Filtered {
  return pruneTree(roots, (code) => code.applies_to.includes(target) && !code.deprecated);
}

/** The top-level codes of one axis. */
export function rootsOf(roots: CodeNode[], axis: Axis): CodeNode[] {
  return roots.filter((node) => node.axis === axis);
}

/** Codes that may tag this kind of record and are not deprecated, matching the search. */
export function codesFor(roots: CodeNode[], target: Target, search: string): CodeNode[] {
  return flatten(roots).filter((code) => code.applies_to.includes(target) && !code.deprecated && matches(code, search));
}

/** The code's label, or its id when this version does not have it. */
export function labelOf(index: Map<string, CodeNode>, id: string): string {
  return index.get(id)?.label ?? id;
}

/** The ids of a code's ancestors, the top one first. */
export function ancestorsOf(index: Map<string, CodeNode>, id: string): string[] {
  const found: string[] = [];
  let parent = index.get(id)?.parent ?? null;
  while (parent && !found.includes(parent)) {
    found.unshift(parent);
    parent = index.get(parent)?.parent ?? null;
  }
  return found;
}

/** The versions, the current one first and then newest first, as the API lists them. */
export function currentFirst(versions: TypologySummary[]): TypologySummary[] {
  return [...versions.filter((v) => v.current), ...versions.filter((v) => !v.current)];
}

export interface Typology {
  versions: TypologySummary[];
  tree: TypologyTree;
  index: Map<string, CodeNode>;
}

/** The versions and one version's tree: `version` if given, else the current one. */
export async function loadTypology(signal: AbortSignal, version?: string | null): Promise<Typology> {
  const versions = currentFirst((await ok(typologiesList({ signal }))).items);
  const chosen = version || versions[0]?.version;
  if (!chosen) throw new Error("No version of the typology has been published yet.");
  const tree = await ok(typologiesRead({ path: { version: chosen }, signal }));
  return { versions, tree, index: codeIndex(tree.codes) };
}

/**
 * `typology` with, in its index, the codes of the other versions in `versions` (those the
 * review's tags were made in) that it lacks: a tag made under 1.0 with a code 1.1 retired or
 * split still reads by its label, not its id.
 */
export async function withCodesOf(typology: Typology, versions: string[], signal: AbortSignal): Promise<Typology> {
  const others = [...new Set(versions)].filter((v) => v !== typology.tree.version);
  if (others.length === 0) return typology;
  const trees = await Promise.all(others.map((version) => ok(typologiesRead({ path: { version }, signal }))));
  const index = new Map<string, CodeNode>();
  for (const tree of trees) for (const [id, code] of codeIndex(tree.codes)) index.set(id, code);
  for (const [id, code] of typology.index) index.set(id, code);
  return { ...typology, index };
}

// The national typology as the record screens use it: the current version's tree, and the
// codes that may tag one kind of record, in groups a reviewer can scan.

import { ok } from "./api";
import { typologiesList, typologiesRead } from "./client/sdk.gen";
import type { CodeNode, TypologyTree } from "./client/types.gen";

/** The kinds of record a code may tag. */
export type Target = CodeNode["applies_to"][number];

export interface CodeOption {
  id: string;
  label: string;
  definition: string;
  /** A top-level code that has narrower codes: a whole category. */
  category: boolean;
}

export interface CodeGroup {
  label: string;
  codes: CodeOption[];
}

export interface TypologyCodes {
  version: string;
  groups: CodeGroup[];
  /** Every code's label, by id (deprecated ones too, so old choices still read well). */
  labels: Map<string, string>;
}

const AXES: Record<CodeNode["axis"], string> = {
  systemic_pattern: "Systemic patterns",
  factor_level: "Contributory-factor levels",
  practice_theme: "Practice themes",
  case_context: "Case context",
};

/** The current version's tree (the newest, if none is marked current); null if none. */
export async function loadCurrentTypology(signal: AbortSignal): Promise<TypologyTree | null> {
  const versions = await ok(typologiesList({ signal }));
  const current = versions.items.find((summary) => summary.current) ?? versions.items.at(-1);
  if (!current) return null;
  return ok(typologiesRead({ path: { version: current.version }, signal }));
}

function below(node: CodeNode): CodeNode[] {
  return [node, ...node.children.flatMap(below)];
}

/**
 * The codes that may tag a `target`: a group for each top-level code with narrower codes
 * (SCIE's categories of systemic pattern: the category first, then its sub-patterns), and
 * one for each axis of single codes (practice themes, factor levels). A deprecated code is
 * offered only where the record already carries it (`chosen`).
 */
export function codeGroups(roots: CodeNode[], target: Target, chosen: string[] = []): CodeGroup[] {
  const keep = (node: CodeNode) => node.applies_to.includes(target) && (!node.deprecated || chosen.includes(node.id));
  const option = (node: CodeNode, root: CodeNode): CodeOption => ({
    id: node.id,
    label: node.label,
    definition: node.definition,
    category: node === root && root.children.length > 0,
  });
  const groups: CodeGroup[] = [];
  const single = new Map<string, CodeGroup>();
  for (const root of roots) {
    const codes = below(root)
      .filter(keep)
      .map((node) => option(node, root));
    if (codes.length === 0) continue;
    if (root.children.length > 0) {
      groups.push({ label: root.label, codes });
    } else {
      const axis = AXES[root.axis] ?? root.axis;
      if (!single.has(axis)) {
        const group = { label: axis, codes: [] };
        single.set(axis, group);
        groups.push(group);
      }
      single.get(axis)?.codes.push(...codes);
    }
  }
  return groups;
}

export function labelsOf(roots: CodeNode[]): Map<string, string> {
  return new Map(roots.flatMap(below).map((node) => [node.id, node.label]));
}

/** The current typology version's codes for one kind of record. */
export async function loadCodes(target: Target, signal: AbortSignal, chosen: string[] = []): Promise<TypologyCodes> {
  const tree = await loadCurrentTypology(signal);
  if (!tree) return { version: "", groups: [], labels: new Map() };
  return { version: tree.version, groups: codeGroups(tree.codes, target, chosen), labels: labelsOf(tree.codes) };
}

/**
 * What the codes on a record's form are for its reader (scr/tag/form.py): for the review's lead
 * reviewer or an administrator, the review's agreed codes; for another reviewer, their own
 * blind coding of the record; for a board member or analyst, the agreed codes, read only.
 */
export function formCodesNote(role: string, lead: boolean): string {
  if (lead || role === "admin")
    return "As the review's lead, you record its agreed codes here: the patterns count them, and the Tagging screen shows them.";
  if (role === "reviewer")
    return "These are your own codes for this record: no one else sees them until you submit your coding on the Tagging screen, where the lead reviewer decides any disagreement.";
  return "The review's agreed codes.";
}

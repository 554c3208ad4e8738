// The typology codes a contributory factor may carry: those of the current version that
// may tag a factor, in groups a reviewer can scan.

import { ok } from "../../api";
import { typologiesList, typologiesRead } from "../../client/sdk.gen";
import type { CodeNode } from "../../client/types.gen";

export interface CodeGroup {
  label: string;
  codes: { id: string; label: string; definition: string }[];
}

export interface FactorCodes {
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

/**
 * A group for each top-level code with sub-codes (SCIE's categories of systemic pattern),
 * and one for each axis of single codes (practice themes, factor levels). Deprecated codes
 * are offered only where the factor already carries them.
 */
export function factorCodeGroups(roots: CodeNode[], chosen: string[] = []): CodeGroup[] {
  const keep = (node: CodeNode) =>
    node.applies_to.includes("factor") && (!node.deprecated || chosen.includes(node.id));
  const option = ({ id, label, definition }: CodeNode) => ({ id, label, definition });
  const flat = (node: CodeNode): CodeNode[] => [node, ...node.children.flatMap(flat)];
  const groups: CodeGroup[] = [];
  const single = new Map<string, CodeGroup>();
  for (const root of roots) {
    const codes = flat(root).filter(keep).map(option);
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

function labelsOf(roots: CodeNode[]): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (node: CodeNode) => {
    labels.set(node.id, node.label);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return labels;
}

/** The current typology version's codes for factors. */
export async function loadFactorCodes(signal: AbortSignal, chosen: string[] = []): Promise<FactorCodes> {
  const versions = await ok(typologiesList({ signal }));
  const current = versions.items.find((summary) => summary.current) ?? versions.items[0];
  if (!current) return { version: "", groups: [], labels: new Map() };
  const tree = await ok(typologiesRead({ path: { version: current.version }, signal }));
  return { version: tree.version, groups: factorCodeGroups(tree.codes, chosen), labels: labelsOf(tree.codes) };
}

// The typology codes a finding's category may be: those of the current version that may tag
// a finding (SCIE's categories of systemic pattern and their sub-patterns, and the practice
// themes), in groups for a select.

import { ok } from "../../api";
import { typologiesList, typologiesRead } from "../../client/sdk.gen";
import type { CodeNode } from "../../client/types.gen";

import type { OptionGroup as CodeGroup } from "../../common/fields";

export interface FindingCodes {
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
 * A group for each top-level code with sub-codes (the category first, then its
 * sub-patterns), and one for each axis of single codes. A deprecated code is offered only
 * when the finding already has it.
 */
export function findingCodeGroups(roots: CodeNode[], chosen: string | null = null): CodeGroup[] {
  const keep = (node: CodeNode) =>
    node.applies_to.includes("finding") && (!node.deprecated || node.id === chosen);
  const flat = (node: CodeNode): CodeNode[] => [node, ...node.children.flatMap(flat)];
  const groups: CodeGroup[] = [];
  const single = new Map<string, CodeGroup>();
  for (const root of roots) {
    const codes = flat(root).filter(keep);
    if (codes.length === 0) continue;
    if (root.children.length > 0) {
      groups.push({
        label: root.label,
        options: codes.map((code) => ({
          value: code.id,
          label: code.id === root.id ? `${code.label} (the whole category)` : code.label,
        })),
      });
    } else {
      const axis = AXES[root.axis] ?? root.axis;
      if (!single.has(axis)) {
        const group: CodeGroup = { label: axis, options: [] };
        single.set(axis, group);
        groups.push(group);
      }
      single.get(axis)?.options.push(...codes.map((code) => ({ value: code.id, label: code.label })));
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

/** The current typology version's codes for findings. */
export async function loadFindingCodes(signal: AbortSignal, chosen: string | null = null): Promise<FindingCodes> {
  const versions = await ok(typologiesList({ signal }));
  const current = versions.items.find((summary) => summary.current) ?? versions.items[0];
  if (!current) return { version: "", groups: [], labels: new Map() };
  const tree = await ok(typologiesRead({ path: { version: current.version }, signal }));
  return { version: tree.version, groups: findingCodeGroups(tree.codes, chosen), labels: labelsOf(tree.codes) };
}

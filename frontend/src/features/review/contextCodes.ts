import { ok } from "../../api";
import { typologiesList, typologiesRead } from "../../client/sdk.gen";
import { contextGroups, type ContextGroup } from "./reviewForm";

/** The case-context codes of the current typology version, in their groups. */
export async function loadContextGroups(signal: AbortSignal): Promise<ContextGroup[]> {
  const versions = await ok(typologiesList({ signal }));
  const current = versions.items.find((summary) => summary.current) ?? versions.items.at(-1);
  if (!current) return [];
  const tree = await ok(typologiesRead({ path: { version: current.version }, signal }));
  return contextGroups(tree.codes);
}

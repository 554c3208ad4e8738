import { loadCurrentTypology } from "../../typology";
import { contextGroups, type ContextGroup } from "./reviewForm";

/** The case-context codes of the current typology version, in their groups. */
export async function loadContextGroups(signal: AbortSignal): Promise<ContextGroup[]> {
  const tree = await loadCurrentTypology(signal);
  return tree ? contextGroups(tree.codes) : [];
}

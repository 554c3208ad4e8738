// A fake typology for screens that load the current version's codes (see src/typology.ts).

import type { CodeNode } from "../client/types.gen";
import { json } from "./review";

/** A code of the fake typology; it may tag `applies_to`. */
export function code(
  id: string,
  label: string,
  axis: CodeNode["axis"],
  applies_to: CodeNode["applies_to"],
  children: CodeNode[] = [],
): CodeNode {
  return {
    id,
    label,
    definition: `${label}.`,
    includes: [],
    excludes: [],
    parent: null,
    axis,
    applies_to,
    deprecated: false,
    children,
  };
}

/** The fake service's answers for a typology 1.0, the current one, holding `codes`. */
export function typologyRoutes(codes: CodeNode[]) {
  const summary = { version: "1.0", title: "Typology", published: "2024-01-01", status: "published" };
  return {
    "GET /typologies": () => json(200, { items: [{ ...summary, codes: codes.length, current: true }], total: 1 }),
    "GET /typologies/1.0": () => json(200, { ...summary, codes }),
  };
}

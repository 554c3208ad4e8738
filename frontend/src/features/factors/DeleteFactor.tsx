import { useState } from "react";
import { useNavigate } from "react-router-dom";

import { ApiError, everything, ok } from "../../api";
import { factorsDelete, linksList } from "../../client/sdk.gen";
import type { FactorRead, LinkRead } from "../../client/types.gen";
import { DeleteSection } from "../../common/DeleteSection";
import type { Problem } from "../../common/ErrorSummary";
import { useReview } from "../review/ReviewLayout";
import { linksOf } from "./factorForm";
import { type GraphRecord, nameOf } from "./records";

/**
 * Delete a factor, after a question that names the links that go with it. Only the links
 * shown go: if someone linked or unlinked the factor since, nothing is deleted and the list
 * is loaded again for a second look.
 */
export function DeleteFactor({
  factor,
  links,
  records,
  onLinksChanged,
  beforeLeaving,
}: {
  factor: FactorRead;
  links: LinkRead[];
  records: Map<string, GraphRecord>;
  onLinksChanged?: () => void;
  beforeLeaving: () => void;
}) {
  const { review } = useReview();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const linked = linksOf(`factor:${factor.id}`, links);

  async function remove() {
    setBusy(true);
    setProblems([]);
    try {
      const now = await everything((offset) =>
        ok(linksList({ path: { review_id: review.id }, query: { node: `factor:${factor.id}`, limit: 200, offset } })),
      );
      const shown = linked.map(({ link }) => link.id).sort((a, b) => a - b);
      const current = now.map((link) => link.id).sort((a, b) => a - b);
      if (JSON.stringify(shown) !== JSON.stringify(current)) {
        setProblems([
          {
            text: "Someone changed the links of this factor since you opened it. Check the links below and try again.",
          },
        ]);
        onLinksChanged?.();
        return;
      }
      await ok(
        factorsDelete({
          path: { review_id: review.id, factor_id: factor.id },
          query: { cascade: linked.length > 0 },
        }),
      );
      beforeLeaving();
      navigate(`/reviews/${review.id}/factors`, { state: { saved: "The factor was deleted." } });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems([{ text: error.message }]);
      if (error.status === 409) onLinksChanged?.();
    } finally {
      setBusy(false);
    }
  }

  return (
    <DeleteSection
      what="factor"
      problems={problems}
      busy={busy}
      onDelete={() => void remove()}
      question={
        <>
          Delete this factor? Its typology tags go with it.
          {linked.length > 0 && (
            <>
              {" "}
              {linked.length === 1 ? "Its link is" : `Its ${linked.length} links are`} deleted too:
              <ul className="govuk-list govuk-list--bullet govuk-body">
                {linked.map(({ link, verb, other }) => (
                  <li key={link.id}>
                    {verb} {nameOf(records, other)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      }
    />
  );
}

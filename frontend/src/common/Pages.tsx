import { useSearchParams } from "react-router-dom";

/** The page of a list the address is at (?offset=), and a way to move to another; the other
 * parts of the address (the filters) stay. */
export function useOffset(): [number, (at: number) => void] {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  function pageAt(at: number) {
    const next = new URLSearchParams(params);
    if (at > 0) next.set("offset", String(at));
    else next.delete("offset");
    setParams(next);
  }
  return [offset, pageAt];
}

/** Previous and next page of a list of `total` shown `size` at a time, once it needs more
 * than one; `what` ("Reviews") says which of them are shown. */
export function Pages({
  label,
  total,
  size,
  offset,
  onPage,
  what,
}: {
  label: string;
  total: number;
  size: number;
  offset: number;
  onPage: (at: number) => void;
  what?: string;
}) {
  if (total <= size) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {offset > 0 && (
        <div className="govuk-pagination__prev">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => onPage(Math.max(0, offset - size))}
          >
            Previous page
          </button>
        </div>
      )}
      {what && (
        <p className="govuk-body govuk-!-margin-bottom-0 govuk-!-margin-right-4">
          {what} {offset + 1} to {Math.min(offset + size, total)} of {total}
        </p>
      )}
      {offset + size < total && (
        <div className="govuk-pagination__next">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onPage(offset + size)}>
            Next page
          </button>
        </div>
      )}
    </nav>
  );
}

/** "Previous entries" and "Next entries" under a list shown `size` at a time, where there are more. */
export function MoreEntries({
  total,
  size,
  offset,
  onPage,
}: {
  total: number;
  size: number;
  offset: number;
  onPage: (at: number) => void;
}) {
  return (
    <div className="govuk-button-group">
      {offset > 0 && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => onPage(Math.max(0, offset - size))}
        >
          Previous entries
        </button>
      )}
      {offset + size < total && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onPage(offset + size)}>
          Next entries
        </button>
      )}
    </div>
  );
}

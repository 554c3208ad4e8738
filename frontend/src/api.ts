// The one place the page talks to the API, until the client generated from the OpenAPI
// document replaces it (the workbench issue).

export interface ReviewSummary {
  id: number;
  reference: string;
  child_pseudonym: string;
  review_type: string;
  status: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export async function listReviews(signal?: AbortSignal): Promise<Page<ReviewSummary>> {
  const response = await fetch("/api/v1/reviews?limit=50", { signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(body?.detail ?? `The service answered ${response.status}.`);
  }
  return (await response.json()) as Page<ReviewSummary>;
}

// The one place the page talks to the API. Calls go through the client generated from the
// OpenAPI document (src/client, `make openapi`); this module sets it up once: every call
// carries the access token, and an answer of 401 means the sign-in has ended, so the page
// goes back to the sign-in form. Other failures become an ApiError whose message is the
// service's own sentence (`detail`).

import { client } from "./client/client.gen";
import type { ErrorBody } from "./client/types.gen";
import { currentSession, forgetSession, type Role, type SignedIn } from "./session";

/** The sign-in has ended (expired, or the account was disabled): sign in again. */
export class SignedOut extends Error {}

/** The service refused a call; `body` is its answer (`detail`, and `current` on a 409). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.detail);
    this.status = status;
    this.body = body;
  }
}

export const SIGNED_OUT_EVENT = "scr:signed-out";

client.setConfig({
  // The generated client builds a Request, which needs an absolute address.
  baseUrl: typeof window === "undefined" ? "" : window.location.origin,
  auth: () => currentSession()?.token,
});

client.interceptors.response.use((response) => {
  if (response.status === 401) {
    forgetSession();
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  }
  return response;
});

type Answer<T> = { data: T; error: undefined } | { data: undefined; error: unknown };

function asErrorBody(error: unknown, status: number): ErrorBody {
  if (error && typeof error === "object" && typeof (error as ErrorBody).detail === "string") {
    return error as ErrorBody;
  }
  return { detail: `The service answered ${status}.` };
}

/** The data of a generated call, or its failure thrown as SignedOut or ApiError. */
export async function ok<T>(call: Promise<Answer<T> & { response: Response }>): Promise<T> {
  const answer = await call;
  if (!answer.response) {
    if (answer.error instanceof Error) throw answer.error;
    throw new Error("The service could not be reached. Check your connection and try again.");
  }
  if (answer.error !== undefined || !answer.response.ok) {
    const body = asErrorBody(answer.error, answer.response.status);
    if (answer.response.status === 401) throw new SignedOut(body.detail);
    throw new ApiError(answer.response.status, body);
  }
  return answer.data as T;
}

/** Every page of a list (the API gives at most 200 a page). */
export async function everything<T>(
  fetchPage: (offset: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await fetchPage(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

async function problem(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: string } | null;
  return body?.detail ?? `The service answered ${response.status}.`;
}

// Signing in sends a form and reads the account with the new token, before any session
// exists: plain fetch, outside the generated client's session handling.
export async function signIn(email: string, password: string): Promise<SignedIn> {
  const form = new URLSearchParams({ username: email, password });
  const response = await fetch("/api/v1/auth/token", { method: "POST", body: form });
  if (!response.ok) throw new Error(await problem(response));
  const { access_token: token } = (await response.json()) as { access_token: string };
  const me = await fetch("/api/v1/auth/me", { headers: { Authorization: `Bearer ${token}` } });
  if (!me.ok) throw new Error(await problem(me));
  const {
    email: who,
    role,
    board_id: boardId,
  } = (await me.json()) as {
    email: string;
    role: Role;
    board_id: number | null;
  };
  return { token, email: who, role, boardId };
}

/** Whether this is a demonstration instance (fictional data, demo accounts). */
export async function isDemo(): Promise<boolean> {
  const response = await fetch("/api/v1/health");
  return response.ok && ((await response.json()) as { demo?: boolean }).demo === true;
}

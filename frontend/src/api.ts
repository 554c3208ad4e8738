// The one place the page talks to the API, until the client generated from the OpenAPI
// document replaces it (the workbench issue). Every call carries the access token; an
// answer of 401 means the sign-in has ended, and the page goes back to the sign-in form.

import { currentSession, forgetSession, type Role, type SignedIn } from "./session";

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

/** The sign-in has ended (expired, or the account was disabled): sign in again. */
export class SignedOut extends Error {}

export const SIGNED_OUT_EVENT = "scr:signed-out";

async function problem(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: string } | null;
  return body?.detail ?? `The service answered ${response.status}.`;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const session = currentSession();
  const headers = new Headers(init.headers);
  if (session) headers.set("Authorization", `Bearer ${session.token}`);
  const response = await fetch(`/api/v1${path}`, { ...init, headers });
  if (response.status === 401) {
    forgetSession();
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new SignedOut(await problem(response));
  }
  if (!response.ok) throw new Error(await problem(response));
  return (await response.json()) as T;
}

export async function signIn(email: string, password: string): Promise<SignedIn> {
  const form = new URLSearchParams({ username: email, password });
  const response = await fetch("/api/v1/auth/token", { method: "POST", body: form });
  if (!response.ok) throw new Error(await problem(response));
  const { access_token: token } = (await response.json()) as { access_token: string };
  const me = await fetch("/api/v1/auth/me", { headers: { Authorization: `Bearer ${token}` } });
  if (!me.ok) throw new Error(await problem(me));
  const { email: who, role } = (await me.json()) as { email: string; role: Role };
  return { token, email: who, role };
}

export function listReviews(signal?: AbortSignal): Promise<Page<ReviewSummary>> {
  return call<Page<ReviewSummary>>("/reviews?limit=50", { signal });
}

/** Whether this is a demonstration instance (fictional data, demo accounts). */
export async function isDemo(): Promise<boolean> {
  const response = await fetch("/api/v1/health");
  return response.ok && ((await response.json()) as { demo?: boolean }).demo === true;
}

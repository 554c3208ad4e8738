// Who is signed in: the access token and the account it belongs to, kept for this browser
// tab only (sessionStorage), so closing the tab signs out.

export type Role = "admin" | "reviewer" | "board" | "national";

export interface SignedIn {
  token: string;
  email: string;
  role: Role;
  /** A board member's partnership. */
  boardId?: number | null;
}

const KEY = "scr.session";

const ROLE_WORDS: Record<Role, string> = {
  admin: "administrator",
  reviewer: "reviewer",
  board: "board member",
  national: "national analyst",
};

export function roleLabel(role: Role): string {
  return ROLE_WORDS[role];
}

export function currentSession(): SignedIn | null {
  const kept = sessionStorage.getItem(KEY);
  if (kept === null) return null;
  try {
    return JSON.parse(kept) as SignedIn;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function keepSession(session: SignedIn): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}

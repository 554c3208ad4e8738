import { createContext, useContext } from "react";

import type { SignedIn } from "../session";

export const SessionContext = createContext<SignedIn | null>(null);

/** The signed-in account (every screen but the sign-in page has one). */
export function useSession(): SignedIn {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession is used outside a signed-in screen");
  return session;
}

/** Board members and national analysts read; reviewers and administrators change. */
export function mayChange(session: SignedIn): boolean {
  return session.role === "reviewer" || session.role === "admin";
}

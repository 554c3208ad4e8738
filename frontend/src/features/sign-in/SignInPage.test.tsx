import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { SignInPage } from "./SignInPage";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function answerOf(answer: Response | undefined): Response {
  if (!answer) throw new Error("The page asked more than the test answers");
  return answer;
}

/** A fetch that answers the health check, then the given answers in order. */
function serve(...answers: Response[]) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) =>
    url.endsWith("/health") ? json(200, { status: "ok", demo: false }) : answerOf(answers.shift()),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText("E-mail address"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SignInPage", () => {
  it("asks for the e-mail address and password before calling the service", async () => {
    const fetch = serve();
    render(<SignInPage onSignedIn={vi.fn()} />);
    fill("", "");
    expect(await screen.findByText("There is a problem")).toBeVisible();
    expect(screen.getByRole("link", { name: "Enter your e-mail address" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Enter your password" })).toBeVisible();
    expect(fetch.mock.calls.filter(([url]) => !String(url).endsWith("/health"))).toEqual([]);
  });

  it("shows the service's sentence when the password is wrong, and clears the password", async () => {
    serve(json(401, { detail: "The e-mail address or the password is not right." }));
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    fill("lead.reviewer@demo.example.org", "wrong password");
    expect(await screen.findByRole("link", { name: "The e-mail address or the password is not right." })).toBeVisible();
    expect((screen.getByLabelText("Password") as HTMLInputElement).value).toBe("");
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("signs in and says who is signed in, with their role", async () => {
    const fetch = serve(
      json(200, { access_token: "a.b.c", token_type: "bearer", expires_in: 900 }),
      json(200, { email: "board.member@demo.example.org", role: "board", board_id: 1 }),
    );
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    fill(" board.member@demo.example.org ", "demo-password-1");
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(onSignedIn).toHaveBeenCalledWith({
      token: "a.b.c",
      email: "board.member@demo.example.org",
      role: "board",
      boardId: 1,
    });
    const sent = fetch.mock.calls.find(([url]) => String(url).endsWith("/auth/token"))?.[1];
    expect(String(sent?.body)).toBe("username=board.member%40demo.example.org&password=demo-password-1");
    const asked = fetch.mock.calls.find(([url]) => String(url).endsWith("/auth/me"))?.[1];
    expect(new Headers(asked?.headers).get("Authorization")).toBe("Bearer a.b.c");
  });
});

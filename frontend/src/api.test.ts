import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiError, ok, SIGNED_OUT_EVENT, SignedOut } from "./api";
import { reviewsRead } from "./client/sdk.gen";
import { json, serve } from "./testing/review";

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe("calls through the generated client", () => {
  it("carry the access token of the session", async () => {
    sessionStorage.setItem("scr.session", JSON.stringify({ token: "t.o.k", email: "a@b.c", role: "board" }));
    const calls = serve({ "GET /reviews/4": () => json(200, { id: 4 }) });
    expect(await ok(reviewsRead({ path: { review_id: 4 } }))).toEqual({ id: 4 });
    expect(calls[0].auth).toBe("Bearer t.o.k");
  });

  it("end the session on a 401 and say so to the page", async () => {
    sessionStorage.setItem("scr.session", JSON.stringify({ token: "old", email: "a@b.c", role: "board" }));
    serve({ "GET /reviews/4": () => json(401, { detail: "Your sign-in has expired." }) });
    const heard = vi.fn();
    window.addEventListener(SIGNED_OUT_EVENT, heard);
    await expect(ok(reviewsRead({ path: { review_id: 4 } }))).rejects.toBeInstanceOf(SignedOut);
    window.removeEventListener(SIGNED_OUT_EVENT, heard);
    expect(heard).toHaveBeenCalledOnce();
    expect(sessionStorage.getItem("scr.session")).toBeNull();
  });

  it("turn a refusal into an ApiError carrying the service's sentence and body", async () => {
    serve({ "GET /reviews/4": () => json(404, { detail: "There is no review 4.", errors: [] }) });
    const failure = await ok(reviewsRead({ path: { review_id: 4 } })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toBe("There is no review 4.");
    expect((failure as ApiError).status).toBe(404);
  });
});

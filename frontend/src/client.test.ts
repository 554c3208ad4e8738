// @vitest-environment node
// The client in src/client must be what openapi.json generates: regenerate with `make openapi`
// (tests/api/test_openapi_client.py checks that openapi.json is the API's own document).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

import { createClient } from "@hey-api/openapi-ts";
import { afterAll, describe, expect, it } from "vitest";

import { clientConfig } from "../openapi-ts.config";

const COMMITTED = join(__dirname, "client");
const scratch = mkdtempSync(join(tmpdir(), "scr-client-"));

function files(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(folder, path), readFileSync(path, "utf-8"));
  }
  return found;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the generated API client", () => {
  it("is the one openapi.json generates (run `make openapi` after changing the API)", async () => {
    await createClient({
      ...clientConfig,
      output: scratch,
      logs: { level: "silent" },
    });
    const expected = files(scratch);
    const committed = files(COMMITTED);
    expect([...committed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) {
      expect(committed.get(name), `src/client/${name} is out of date`).toBe(text);
    }
  }, 60_000);
});

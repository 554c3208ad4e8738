// Files the service sends for download: fetched with the sign-in's token (a plain link does
// not send it), then handed to the browser to save, under the name the service gives the file
// (a board's figures are named after the board, say) or, failing that, the page's own name.

import { ok } from "../api";

/** Hand a downloaded file to the browser to save as `file`. */
function saveFile(blob: Blob, file: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The parameters of a Content-Disposition header, names in lower case, quotes undone. */
function parameters(header: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, raw] of header.matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw.trim();
    if (!found.has(name.toLowerCase())) found.set(name.toLowerCase(), value);
  }
  return found;
}

/** An RFC 8187 value (`UTF-8''%E2%82%AC%20rates.csv`) decoded, or null if it cannot be. */
function extended(value: string): string | null {
  const parts = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!parts) return null;
  const [, charset, encoded] = parts;
  try {
    if (charset.toLowerCase() === "utf-8") return decodeURIComponent(encoded);
    if (charset.toLowerCase() === "iso-8859-1") {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  } catch {
    // A malformed escape: the plain filename, or the page's own name, is used instead.
  }
  return null;
}

/**
 * The file name a Content-Disposition header gives: `filename*` (which may hold any
 * character) before `filename`, without any folder, or `fallback` when it gives none.
 */
export function fileNameOf(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback;
  const given = parameters(disposition);
  const star = given.get("filename*");
  const name = (star !== undefined ? extended(star) : null) ?? given.get("filename") ?? "";
  const bare = name.split(/[/\\]/).pop()?.trim() ?? "";
  return bare && bare !== "." && bare !== ".." ? bare : fallback;
}

/**
 * Fetch a file with a generated call (`parseAs: "blob"`) and save it under the service's name
 * for it, or `fallback`. A failure is thrown as `ok` throws it.
 */
export async function downloadFile(
  call: Promise<({ data: unknown; error: undefined } | { data: undefined; error: unknown }) & { response: Response }>,
  fallback: string,
): Promise<void> {
  const answer = await call;
  const blob = await ok(Promise.resolve(answer));
  saveFile(blob as Blob, fileNameOf(answer.response.headers.get("Content-Disposition"), fallback));
}

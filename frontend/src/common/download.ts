// Files the service sends for download: fetched with the sign-in's token (a plain link does
// not send it), then handed to the browser to save.

/** Hand a downloaded file to the browser to save as `file`. */
export function saveFile(blob: Blob, file: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import { describe, expect, it } from "vitest";

import { fileNameOf } from "./download";

describe("fileNameOf", () => {
  it("takes the file name the service gives, quoted or not", () => {
    expect(fileNameOf('attachment; filename="north-bay-aggregates.csv"', "aggregates.csv")).toBe(
      "north-bay-aggregates.csv",
    );
    expect(fileNameOf("attachment; filename=london-code-network.graphml", "code-network.graphml")).toBe(
      "london-code-network.graphml",
    );
    expect(fileNameOf('attachment; FileName="a \\"quoted\\" name; with a semicolon.csv"', "x.csv")).toBe(
      'a "quoted" name; with a semicolon.csv',
    );
  });

  it("prefers filename*, which may hold any character, to filename", () => {
    expect(
      fileNameOf(`attachment; filename="St Helens.csv"; filename*=UTF-8''St%20Hel%C3%A8ne%E2%80%99s.csv`, "x.csv"),
    ).toBe("St Helène’s.csv");
    expect(fileNameOf(`attachment; filename*=iso-8859-1'en'Gr%FCn.csv`, "x.csv")).toBe("Grün.csv");
    // A filename* that cannot be decoded leaves the plain filename.
    expect(fileNameOf(`attachment; filename*=UTF-8''bad%E2.csv; filename="plain.csv"`, "x.csv")).toBe("plain.csv");
  });

  it("falls back to the page's own name when the service gives none, and drops any folder", () => {
    expect(fileNameOf(null, "aggregates.csv")).toBe("aggregates.csv");
    expect(fileNameOf("attachment", "aggregates.csv")).toBe("aggregates.csv");
    expect(fileNameOf('attachment; filename=""', "aggregates.csv")).toBe("aggregates.csv");
    expect(fileNameOf('attachment; filename="../../etc/england-aggregates.csv"', "x.csv")).toBe(
      "england-aggregates.csv",
    );
    expect(fileNameOf('attachment; filename="folder/"', "aggregates.csv")).toBe("aggregates.csv");
  });
});

/** Every relative link in the repository's documents points at a file in the repository. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DOCS = [
  "README.md",
  "CHANGELOG.md",
  "PRIVACY.md",
  "BENCHMARKS.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

function relativeLinks(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? "");
  return links.filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith("#")).map((l) => l.split("#")[0] ?? l);
}

describe("documentation links", () => {
  it.each(DOCS)("%s links only to files that exist in the repository", (doc) => {
    const links = relativeLinks(readFileSync(join(ROOT, doc), "utf8"));
    const missing = links.filter((l) => !existsSync(join(ROOT, dirname(doc), l)));
    expect(missing).toEqual([]);
    // Nothing outside the repository (the shared/ folder beside a checkout is not shipped).
    expect(links.filter((l) => resolve(ROOT, dirname(doc), l).startsWith(`${ROOT}/`) === false)).toEqual([]);
  });

  it("the README links the license, the privacy policy and the changelog", () => {
    const links = relativeLinks(readFileSync(join(ROOT, "README.md"), "utf8"));
    expect(links).toEqual(expect.arrayContaining(["LICENSE", "PRIVACY.md", "CHANGELOG.md"]));
  });
});

/**
 * Fetch Standard citations you can follow: a section number goes stale as the standard is
 * renumbered (several pointed at the wrong section), an anchor does not. Every citation in src/ is
 * a link to https://fetch.spec.whatwg.org/#<anchor>, and every anchor is one of the current
 * standard's (test/refs/fetch-anchors.txt, made from its source by scripts/fetch-anchors.mjs).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../e2e/helpers/paths";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

const FILES = sources(join(ROOT, "src")).map((path) => ({
  file: relative(ROOT, path),
  text: readFileSync(path, "utf8"),
}));

const ANCHORS = new Set(
  readFileSync(join(ROOT, "test/refs/fetch-anchors.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#")),
);

/** Documents whose sections are cited by number on purpose (they are not renumbered). */
const NUMBERED = /(RFC ?\d+|ECMA-\d+|XML \d|CommonMark|UAX #\d+)[^§\n]{0,20}$/;

/** `§4.9`, `Fetch §3.2.6`, `Fetch Standard §4.8`: a section number that is not another document's. */
function bareSectionNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/§\s*\d+(\.\d+)*/g)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    if (!NUMBERED.test(before)) found.push(m[0]);
  }
  return found;
}

/** Every `https://fetch.spec.whatwg.org/…#anchor` in the text. */
function fetchAnchors(text: string): string[] {
  return [...text.matchAll(/https:\/\/fetch\.spec\.whatwg\.org\/[^\s#)"'`]*#([A-Za-z0-9_.:?-]+)/g)].map((m) =>
    (m[1] ?? "").replace(/[.:]+$/, ""),
  );
}

describe("Fetch Standard references in src/", () => {
  it("the anchor list is the standard's (CORS check, CORS-preflight fetch, the safelists are in it)", () => {
    expect(ANCHORS.size).toBeGreaterThan(400);
    for (const anchor of ["cors-check", "cors-preflight-fetch", "http-access-control-allow-origin"])
      expect(ANCHORS.has(anchor)).toBe(true);
    expect(ANCHORS.has("cors-checks")).toBe(false);
  });

  it("no bare section number stands for a Fetch citation", () => {
    const bare = FILES.flatMap(({ file, text }) => bareSectionNumbers(text).map((n) => `${file}: ${n}`));
    expect(bare).toEqual([]);
  });

  it("every fetch.spec.whatwg.org link points at an anchor of the current standard", () => {
    const used = FILES.flatMap(({ file, text }) => fetchAnchors(text).map((anchor) => ({ file, anchor })));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter(({ anchor }) => !ANCHORS.has(anchor))).toEqual([]);
  });

  it("the scanners find what they are for, and only that", () => {
    expect(bareSectionNumbers("(Fetch Standard §4.8 step 7.7) and §3.2.6")).toEqual(["§4.8", "§3.2.6"]);
    expect(bareSectionNumbers("(RFC 9110 §5.6.2), ECMA-262 §21.4.1.22, CommonMark §6.1")).toEqual([]);
    expect(
      fetchAnchors(
        "see https://fetch.spec.whatwg.org/#cors-check: and (https://fetch.spec.whatwg.org/#main-fetch)",
      ),
    ).toEqual(["cors-check", "main-fetch"]);
  });
});

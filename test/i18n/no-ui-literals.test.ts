/**
 * No words outside the catalogue in the pages: JSX text and the attributes people read (label,
 * title, aria-label, placeholder, alt) carry no literal in src/devtools and src/popup. Read with the
 * TypeScript parser, so only real JSX counts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOTS = ["src/devtools", "src/popup"];
/**
 * What may stand as it is: product and browser names, language names in their own script, a
 * Chromium type name, and example host names.
 */
const ALLOWED = new Set([
  "CORS Lens",
  "Chromium",
  "Firefox",
  "English",
  "한국어",
  "network::mojom::CorsError",
  "api.example.com, *.example.org",
]);
const READ = new Set(["label", "title", "aria-label", "ariaLabel", "placeholder", "alt"]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".tsx") ? [join(dir, e.name)] : [],
  );
}

function literals(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (/\p{L}/u.test(text)) found.push(text);
    }
    if (ts.isJsxAttribute(node) && READ.has(node.name.getText(source))) {
      const init = node.initializer;
      const text =
        init && ts.isStringLiteral(init)
          ? init.text
          : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
            ? init.expression.text
            : null;
      if (text !== null && /\p{L}/u.test(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((text) => !ALLOWED.has(text));
}

describe("no UI literal outside the catalogue", () => {
  const all = ROOTS.flatMap(files);
  it("finds the pages' components", () => expect(all.length).toBeGreaterThan(10));
  it.each(all)("%s", (file) => {
    expect(literals(file)).toEqual([]);
  });

  it("would catch one", () => {
    expect(
      literals(
        "probe.tsx",
        '<p><button title="Clear" aria-label={"Clear"}>Clear all</button>{t("x")} Chromium</p>',
      ),
    ).toEqual(["Clear", "Clear", "Clear all"]);
  });
});

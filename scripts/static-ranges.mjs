// Stryker `--mutate` ranges covering the module-level code of the given files that runs at import
// (top-level variable initialisers and statements), minus the bodies of functions written inside
// them (those run per test). Stryker counts a mutant there as static and reruns every test for it;
// run alone, only those mutants are tested (docs/testing.md, "The static mutants"):
//   npx stryker run --mutate "$(node scripts/static-ranges.mjs src/engine/causes/*.ts src/engine/fixes/*.ts)"
import { readFileSync } from "node:fs";
import ts from "typescript";

const out = [];
for (const file of process.argv.slice(2)) {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  // Stryker's ranges: 1-based lines, 0-based columns.
  const pos = (p) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(p);
    return `${line + 1}:${character}`;
  };
  for (const st of sf.statements) {
    if (
      ts.isFunctionDeclaration(st) ||
      ts.isImportDeclaration(st) ||
      ts.isInterfaceDeclaration(st) ||
      ts.isTypeAliasDeclaration(st) ||
      ts.isExportDeclaration(st)
    )
      continue;
    const holes = [];
    const visit = (n) => {
      if (ts.isFunctionLike(n) && n.body) holes.push([n.body.getStart(sf), n.body.getEnd()]);
      else ts.forEachChild(n, visit);
    };
    visit(st);
    holes.sort((a, b) => a[0] - b[0]);
    let start = st.getStart(sf);
    for (const [from, to] of holes) {
      if (from > start) out.push(`${file}:${pos(start)}-${pos(from)}`);
      start = Math.max(start, to);
    }
    if (st.getEnd() > start) out.push(`${file}:${pos(start)}-${pos(st.getEnd())}`);
  }
}
console.log(out.join(","));

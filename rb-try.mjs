import { Parser, Language } from "web-tree-sitter";
import { readFileSync } from "node:fs";
await Parser.init({ wasmBinary: readFileSync("node_modules/web-tree-sitter/tree-sitter.wasm") });
const lang = await Language.load(readFileSync("node_modules/tree-sitter-ruby/tree-sitter-ruby.wasm"));
const p = new Parser(); p.setLanguage(lang);
const src = readFileSync(process.argv[2], "utf8");
const t = p.parse(src);
function show(n, d) { console.log(" ".repeat(d) + (n.isNamed ? n.type : JSON.stringify(n.type)) + (n.childCount===0? " " + JSON.stringify(n.text):"") + (n.hasError? " ERR":"")); for (let i=0;i<n.childCount;i++) show(n.child(i), d+2); }
show(t.rootNode, 0);

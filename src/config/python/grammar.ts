/** The Python grammar (tree-sitter-python's prebuilt wasm): the shared loader's, src/config/grammar.ts. */
import type { Parser } from "web-tree-sitter";
import { grammarLoaded, loadGrammar, parserFor, type WasmName } from "../grammar";

export type { WasmName } from "../grammar";
/** The two wasm files the Python readers need, by these names. */
export const PYTHON_WASM = ["tree-sitter.wasm", "tree-sitter-python.wasm"] as const;

export function loadPythonGrammar(loadBytes: (name: WasmName) => Promise<Uint8Array>): Promise<void> {
  return loadGrammar("python", loadBytes);
}

export function pythonGrammarLoaded(): boolean {
  return grammarLoaded("python");
}

export function pythonParser(): Parser {
  return parserFor("python");
}

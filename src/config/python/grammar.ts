/**
 * The Python grammar (tree-sitter-python's prebuilt wasm on web-tree-sitter,
 * https://github.com/tree-sitter/tree-sitter-python): loaded once, asynchronously, from bytes the
 * caller reads (the CLI from files next to its bundle, the panel from the extension's own URL), so
 * this module stays pure. Once loaded, parsing is synchronous and `readConfig` stays synchronous.
 */
import { Language, Parser } from "web-tree-sitter";
import { ConfigError } from "../types";

/** The two wasm files the caller provides, by these names. */
export const PYTHON_WASM = ["tree-sitter.wasm", "tree-sitter-python.wasm"] as const;
export type WasmName = (typeof PYTHON_WASM)[number];

let parser: Parser | null = null;
let loading: Promise<void> | null = null;

/** Loads the runtime and the grammar once; later calls wait for the first. */
export function loadPythonGrammar(loadBytes: (name: WasmName) => Promise<Uint8Array>): Promise<void> {
  if (parser) return Promise.resolve();
  if (!loading)
    loading = (async () => {
      const runtime = await loadBytes("tree-sitter.wasm");
      // `wasmBinary` hands the runtime its bytes: it neither fetches nor reads a file itself.
      await Parser.init({ wasmBinary: runtime } as object);
      const language = await Language.load(await loadBytes("tree-sitter-python.wasm"));
      const p = new Parser();
      p.setLanguage(language);
      parser = p;
    })().catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}

export function pythonGrammarLoaded(): boolean {
  return parser !== null;
}

/** The parser, or ConfigError when `prepareConfig` was not awaited first. */
export function pythonParser(): Parser {
  if (!parser) throw new ConfigError({ key: "config.python.error.not-loaded" });
  return parser;
}

/**
 * The tree-sitter grammars the application readers parse with (web-tree-sitter's runtime and each
 * language's prebuilt wasm: https://github.com/tree-sitter/tree-sitter-python,
 * https://github.com/tree-sitter/tree-sitter-ruby): loaded once each, asynchronously, from bytes the
 * caller reads (the CLI from files next to its bundle, the panel from the extension's own URL), so
 * this module stays pure. Once loaded, parsing is synchronous and `readConfig` stays synchronous.
 */
import { Language, Parser } from "web-tree-sitter";
import { ConfigError } from "./types";

/** Each language's grammar file, by the name the caller provides it under. */
export const GRAMMAR_WASM = {
  python: "tree-sitter-python.wasm",
  ruby: "tree-sitter-ruby.wasm",
} as const;
export type GrammarName = keyof typeof GRAMMAR_WASM;
/** The wasm files the caller provides: the runtime's and each grammar's. */
export type WasmName = "tree-sitter.wasm" | (typeof GRAMMAR_WASM)[GrammarName];

const parsers = new Map<GrammarName, Parser>();
const loading = new Map<GrammarName, Promise<void>>();
let runtime: Promise<void> | null = null;

function initRuntime(loadBytes: (name: WasmName) => Promise<Uint8Array>): Promise<void> {
  if (!runtime)
    runtime = (async () => {
      // `wasmBinary` hands the runtime its bytes: it neither fetches nor reads a file itself.
      await Parser.init({ wasmBinary: await loadBytes("tree-sitter.wasm") } as object);
    })().catch((e: unknown) => {
      runtime = null;
      throw e;
    });
  return runtime;
}

/** Loads the runtime and one language's grammar once; later calls wait for the first. */
export function loadGrammar(
  name: GrammarName,
  loadBytes: (name: WasmName) => Promise<Uint8Array>,
): Promise<void> {
  if (parsers.has(name)) return Promise.resolve();
  let p = loading.get(name);
  if (!p) {
    p = (async () => {
      await initRuntime(loadBytes);
      const language = await Language.load(await loadBytes(GRAMMAR_WASM[name]));
      const parser = new Parser();
      parser.setLanguage(language);
      parsers.set(name, parser);
    })().catch((e: unknown) => {
      loading.delete(name);
      throw e;
    });
    loading.set(name, p);
  }
  return p;
}

export function grammarLoaded(name: GrammarName): boolean {
  return parsers.has(name);
}

/** The language's parser, or ConfigError when `prepareConfig` was not awaited first. */
export function parserFor(name: GrammarName): Parser {
  const parser = parsers.get(name);
  if (!parser) throw new ConfigError({ key: "config.python.error.not-loaded", params: { language: name } });
  return parser;
}

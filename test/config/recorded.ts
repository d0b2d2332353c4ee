/**
 * What a browser would have recorded from a configuration (its model's answers, judged by nothing
 * yet): the evidence the config tests and the panel's "Paste your config" tests feed to `fix`.
 */
import { readFileSync } from "node:fs";
import { readConfig } from "../../src/config";
import type { ConfigFile } from "../../src/config/types";
import { type RequestSpec, renderExchange } from "../../src/config/whatif";
import type { ObservedExchange } from "../../src/engine";

export const APP = "https://app.example.com";
const PAGE = "https://page.example.com";

export function recordedFrom(
  files: ConfigFile[],
  specs: Array<Partial<RequestSpec> & { url: string }>,
): ObservedExchange[] {
  const config = readConfig(files);
  return specs.map((s, i) => {
    const spec: RequestSpec = {
      id: `e${i}`,
      method: "GET",
      origin: APP,
      headers: [],
      credentials: "omit",
      source: "evidence",
      ...s,
    };
    const r = renderExchange(spec, (req) => config.answer(req));
    if (!("exchange" in r)) throw new Error(`unknown evidence: ${JSON.stringify(r.unknown)}`);
    return { ...r.exchange, recordedBy: "chromium" };
  });
}

/** The grammars' wasm files, as `prepareConfig` asks for them (the CLI reads them from dist/cli). */
export function grammarBytes(name: string): Promise<Uint8Array> {
  return Promise.resolve(
    new Uint8Array(
      readFileSync(
        name === "tree-sitter.wasm"
          ? "node_modules/web-tree-sitter/tree-sitter.wasm"
          : `node_modules/${name.replace(/\.wasm$/, "")}/${name}`,
      ),
    ),
  );
}

export const pythonGrammarBytes = grammarBytes;

/** The model's answer to one call (from https://page.example.com by default): its exchange, or why it cannot tell. */
export function modelAnswer(text: string, path: string, spec: Partial<RequestSpec> & { url: string }) {
  const config = readConfig([{ path, text }]);
  return renderExchange(
    {
      id: "x",
      method: "GET",
      origin: PAGE,
      headers: [],
      credentials: "omit",
      source: "evidence",
      ...spec,
    },
    (req) => config.answer(req),
  );
}

/** The Allow-Origin values of a model answer's last response, or null where the model cannot tell. */
export const allowOrigin = (r: ReturnType<typeof modelAnswer>) =>
  "exchange" in r
    ? (r.exchange.hops
        .at(-1)
        ?.responseHeaders.filter(([n]) => n.toLowerCase() === "access-control-allow-origin")
        .map(([, v]) => v) ?? [])
    : null;

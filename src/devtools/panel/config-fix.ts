/**
 * "Paste your config" (issue #23): the user's server configuration and the panel's own requests in,
 * the patch and the before/after verdicts out — `cors-lens fix --config` computed in the panel page,
 * so nothing leaves the browser. Loaded on first use only (main.tsx imports it dynamically): the
 * configuration readers are not part of the panel's first paint.
 */
import {
  ConfigError,
  type FixResult,
  fixConfig,
  fixDiff,
  pastedName,
  prepareConfig,
  type Row,
  type WasmName,
  type Words,
} from "../../config";
import { neededPackages } from "../../config/packages";
import type { BrowserName } from "../../engine";
import { type Lang, type Translate, translator } from "../../i18n";
import { observedFromReport, type ReportExchange } from "../../report/report";

export interface PastedRow {
  request: string;
  /** What the browser did when the page made it; null for a request the old configuration allowed. */
  recorded: string | null;
  before: string;
  after: string;
  /** Still blocked (or not known to pass) under the new configuration. */
  failing: boolean;
  /** Why the new verdict is unknown or what it assumed, in words. */
  note: string | null;
}

export type PastedFix =
  | {
      ok: true;
      /** The patch made every recorded request pass and kept every request the old file allowed. */
      fixed: boolean;
      diff: string;
      edits: string[];
      evidence: PastedRow[];
      kept: PastedRow[];
      notes: string[];
    }
  | { ok: false; error: string };

/** The host a configuration answers for: the open request's (other APIs' requests are not its). */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function rowOf(r: Row, t: Translate): PastedRow {
  const verdict = (v: string) => t(`config.cli.verdict.${v}` as "config.cli.verdict.allowed");
  const say = (w: Words) => t(w.key, w.params);
  const side = (v: Row["before"]) => `${verdict(v.verdict)}${v.cause ? ` (${v.cause})` : ""}`;
  const why =
    r.after.unknown === null
      ? null
      : typeof r.after.unknown === "string"
        ? r.after.unknown
        : say(r.after.unknown);
  const assumed = r.after.assumed[0];
  return {
    request: `${r.method} ${r.url} ← ${r.origin}${r.credentials === "include" ? ` (${t("config.cli.credentialed")})` : ""}`,
    recorded: r.recorded ? verdict(r.recorded) : null,
    before: side(r.before),
    after: side(r.after),
    failing: r.after.verdict !== "allowed" && r.after.verdict !== "not-cors",
    note: why ?? (assumed ? t("config.cli.assumed", { what: say(assumed) }).trim() : null),
  };
}

/**
 * The patch for `text` (named `name`: `nginx.conf`, `Caddyfile`… tells the format apart) from the
 * exchanges of `open`'s host. Never throws for what the user pasted: a file it cannot read is an
 * error in words.
 */
export async function fixPasted(
  name: string,
  text: string,
  open: ReportExchange,
  exchanges: readonly ReportExchange[],
  browser: BrowserName,
  lang: Lang,
  /** Reads a grammar's wasm (main.tsx: from the extension's own files). */
  loadBytes: (name: WasmName) => Promise<Uint8Array> = () => Promise.reject(new Error("no grammar files")),
): Promise<PastedFix> {
  const t = translator(lang);
  const host = hostOf(open.url);
  const evidence = exchanges.filter((x) => hostOf(x.url) === host).map((x) => observedFromReport(x, browser));
  const path = name.trim() === "" ? pastedName(text) : name.trim();
  let result: FixResult;
  try {
    await prepareConfig([{ path, text }], loadBytes);
  } catch (error) {
    // The grammar could not be loaded here (a browser that refuses WebAssembly in extension pages).
    return { ok: false, error: t("panel.config.grammar", { error: String(error).slice(0, 300) }) };
  }
  try {
    result = fixConfig([{ path, text }], evidence, { browser, lang });
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: t(error.words.key, error.words.params) };
    return { ok: false, error: t("panel.config.failed", { error: String(error).slice(0, 300) }) };
  }
  const say = (w: Words) => t(w.key, w.params);
  return {
    ok: true,
    fixed: result.ok,
    diff: fixDiff(result),
    edits: result.edits.map((e) => t("config.cli.edit", { file: e.file, line: e.line, why: say(e.why) })),
    evidence: result.rows.filter((r) => r.source === "evidence").map((r) => rowOf(r, t)),
    kept: result.rows.filter((r) => r.source === "standard").map((r) => rowOf(r, t)),
    notes: [
      // The panel cannot see the project's dependency lists (the CLI reads them): said for each.
      ...neededPackages(result.files).map((n) =>
        t("config.cli.needs-unseen", { file: n.file, line: n.line, name: n.name, install: n.install }),
      ),
      ...result.notes.map(say),
      ...result.cannot.map((c) => t("config.cli.cannot", { request: c.id, why: say(c.why) })),
    ],
  };
}

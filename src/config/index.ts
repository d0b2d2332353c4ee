/**
 * `cors-lens check --config` and `cors-lens fix --config`, pure: files and evidence in, findings or
 * the patch (with the before/after verdicts computed by the engine) out. nginx, Apache httpd, Caddy
 * and S3 bucket CORS (JSON, XML) are read, and the applications' own CORS setup (Express and its kin,
 * Django, FastAPI, Flask, aiohttp, rack-cors); the other formats are recognised and refused with a
 * clear message, never guessed at.
 */
import {
  type BrowserName,
  type HeaderList,
  isForbiddenRequestHeader,
  type ObservedExchange,
  type Verdict,
} from "../engine";
import type { Lang } from "../i18n";
import {
  PREFLIGHT_UNKNOWN as AIOHTTP_PREFLIGHT_UNKNOWN,
  type AiohttpConfig,
  AiohttpSyntaxError,
  setsCors as aiohttpSetsCors,
  patchAiohttp,
  readAiohttpConfig,
} from "./aiohttp";
import {
  PREFLIGHT_UNKNOWN as APACHE_PREFLIGHT_UNKNOWN,
  type ApacheConfig,
  setsCors as apacheSetsCors,
  patchApache,
  readApache,
} from "./apache";
import { ApacheSyntaxError } from "./apache/syntax";
import {
  type CaddyConfig,
  setsCors as caddySetsCors,
  PREFLIGHT_UNKNOWN,
  patchCaddy,
  readCaddy,
} from "./caddy";
import { CaddySyntaxError } from "./caddy/syntax";
import { unifiedDiff } from "./diff";
import {
  PREFLIGHT_UNKNOWN as DJANGO_PREFLIGHT_UNKNOWN,
  type DjangoConfig,
  DjangoSyntaxError,
  setsCors as djangoSetsCors,
  unresolved as djangoUnresolved,
  type HandDjangoConfig,
  patchDjango,
  readDjango,
} from "./django";
import { looksMiddleware } from "./django/hand";
import { applyEdits, type Edit } from "./edit";
import {
  PREFLIGHT_UNKNOWN as EXPRESS_PREFLIGHT_UNKNOWN,
  type ExpressConfig,
  setsCors as expressSetsCors,
  patchExpress,
  readExpressConfig,
} from "./express";
import { JsSyntaxError } from "./express/model";
import {
  PREFLIGHT_UNKNOWN as FLASK_PREFLIGHT_UNKNOWN,
  type FlaskConfig,
  FlaskSyntaxError,
  setsCors as flaskSetsCors,
  patchFlask,
  readFlaskConfig,
} from "./flask";
import { type GrammarName, grammarLoaded, loadGrammar, type WasmName } from "./grammar";
import { type LikelySignal, likelySignals } from "./likely";
import { type NginxConfig, patchNginx, readNginx, setsCors } from "./nginx";
import { lineIndex, NginxSyntaxError, parseNginx } from "./nginx/syntax";
import {
  patchRack,
  PREFLIGHT_UNKNOWN as RACK_PREFLIGHT_UNKNOWN,
  type RackConfig,
  RackSyntaxError,
  setsCors as rackSetsCors,
  readRackConfig,
} from "./rack";
import {
  looksS3Json,
  looksS3Xml,
  patchS3Config,
  readS3,
  REFUSED_KEY as S3_REFUSED,
  type S3Config,
  S3SyntaxError,
  setsCors as s3SetsCors,
} from "./s3";
import {
  patchStarlette,
  readStarlette,
  PREFLIGHT_UNKNOWN as STARLETTE_PREFLIGHT_UNKNOWN,
  type StarletteConfig,
  StarletteSyntaxError,
  setsCors as starletteSetsCors,
} from "./starlette";
import {
  type Allowance,
  ConfigError,
  type ConfigFile,
  type ConfigFinding,
  type ConfigFormat,
  type Words,
} from "./types";
import { type Judged, judge, type Recorded, type RequestSpec, specsFromExchanges } from "./whatif";

export { unifiedDiff } from "./diff";
export type { ConfigFile, ConfigFinding, Words } from "./types";
export { ConfigError } from "./types";

/** What a file is: a format CORS Lens reads, or one it names but cannot read yet. */
export type Detected = { format: ConfigFormat } | { unsupported: string };

/** A configuration as read: a server's, a bucket's or an application's, each format with its own tree. */
export type AnyConfig =
  | NginxConfig
  | CaddyConfig
  | ApacheConfig
  | S3Config
  | ExpressConfig
  | DjangoConfig
  | HandDjangoConfig
  | StarletteConfig
  | FlaskConfig
  | RackConfig
  | AiohttpConfig;

/** The formats CORS Lens reads: the ones `ConfigFormat` names that have a reader. */
type ReadFormat = ConfigFormat;

/** An `include`/`import`/`Include` whose files were not passed: named when CORS may be set there. */
interface Unresolved {
  file: string;
  line: number;
  args: ReadonlyArray<{ value: string }>;
}

/** What `readConfig` and `fixConfig` need of each format, decided once per format. */
interface FormatOps {
  read(files: readonly ConfigFile[]): AnyConfig;
  SyntaxError: new (...args: never[]) => Error & { file: string; line: number; detail: string };
  setsCors(config: AnyConfig): boolean;
  unresolved(config: AnyConfig): readonly Unresolved[];
  patch(
    config: AnyConfig,
    failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
  ): { edits: Edit[]; cannot: Map<string, Words> };
}

const JAVASCRIPT: FormatOps = {
  read: readExpressConfig,
  SyntaxError: JsSyntaxError,
  setsCors: (c) => expressSetsCors((c as ExpressConfig).app),
  unresolved: () => [],
  patch: (c, failing) => patchExpress((c as ExpressConfig).app, failing),
};

const S3: FormatOps = {
  read: readS3,
  SyntaxError: S3SyntaxError,
  setsCors: (c) => s3SetsCors((c as S3Config).doc),
  unresolved: () => [],
  patch: (c, failing) => patchS3Config(c as S3Config, failing),
};

const FORMATS: Record<ReadFormat, FormatOps> = {
  nginx: {
    read: readNginx,
    SyntaxError: NginxSyntaxError,
    setsCors: (c) => setsCors((c as NginxConfig).tree),
    unresolved: (c) => (c as NginxConfig).tree.all.flatMap((x) => x.unresolved),
    patch: (c, failing) => patchNginx((c as NginxConfig).tree, failing),
  },
  caddy: {
    read: readCaddy,
    SyntaxError: CaddySyntaxError,
    setsCors: (c) => caddySetsCors((c as CaddyConfig).tree),
    unresolved: (c) => (c as CaddyConfig).tree.unresolved,
    patch: (c, failing) => patchCaddy((c as CaddyConfig).tree, failing),
  },
  apache: {
    read: readApache,
    SyntaxError: ApacheSyntaxError,
    setsCors: (c) => apacheSetsCors((c as ApacheConfig).tree),
    unresolved: (c) => (c as ApacheConfig).tree.unresolved,
    patch: (c, failing) => patchApache((c as ApacheConfig).tree, failing),
  },
  // Express, and Koa and Hono apps: one reader, in each framework's dialect (src/config/express/model.ts).
  express: JAVASCRIPT,
  koa: JAVASCRIPT,
  hono: JAVASCRIPT,
  fastify: JAVASCRIPT,
  // One bucket's rules, as JSON or XML: one reader.
  "s3-json": S3,
  "s3-xml": S3,
  django: {
    read: readDjango,
    SyntaxError: DjangoSyntaxError,
    setsCors: (c) => djangoSetsCors(c as DjangoConfig | HandDjangoConfig),
    unresolved: (c) => djangoUnresolved(c as DjangoConfig | HandDjangoConfig),
    patch: (c, failing) => patchDjango(c as DjangoConfig | HandDjangoConfig, failing),
  },
  fastapi: {
    read: readStarlette,
    SyntaxError: StarletteSyntaxError,
    setsCors: (c) => starletteSetsCors(c as StarletteConfig),
    unresolved: () => [],
    patch: (c, failing) => patchStarlette(c as StarletteConfig, failing),
  },
  flask: {
    read: readFlaskConfig,
    SyntaxError: FlaskSyntaxError,
    setsCors: (c) => flaskSetsCors(c as FlaskConfig),
    unresolved: () => [],
    patch: (c, failing) => patchFlask(c as FlaskConfig, failing),
  },
  rack: {
    read: readRackConfig,
    SyntaxError: RackSyntaxError,
    setsCors: (c) => rackSetsCors(c as RackConfig),
    unresolved: () => [],
    patch: (c, failing) => patchRack(c as RackConfig, failing),
  },
  aiohttp: {
    read: readAiohttpConfig,
    SyntaxError: AiohttpSyntaxError,
    setsCors: (c) => aiohttpSetsCors(c as AiohttpConfig),
    unresolved: () => [],
    patch: (c, failing) => patchAiohttp(c as AiohttpConfig, failing),
  },
};

/** The formats read with a tree-sitter grammar (loaded by `prepareConfig` first). */
const GRAMMAR_OF: Partial<Record<ConfigFormat, GrammarName>> = {
  django: "python",
  fastapi: "python",
  flask: "python",
  aiohttp: "python",
  rack: "ruby",
};

/**
 * Loads what the files' formats need before `readConfig`, `checkConfig` or `fixConfig` can read
 * them (a grammar's wasm, from bytes the caller reads): they stay synchronous after it. Files of
 * formats it does not know are left for `readConfig` to refuse.
 */
export async function prepareConfig(
  files: readonly ConfigFile[],
  loadBytes: (name: WasmName) => Promise<Uint8Array>,
): Promise<void> {
  const needed = new Set<GrammarName>();
  for (const f of files) {
    const d = detectFormat(f);
    const g = "format" in d ? GRAMMAR_OF[d.format] : undefined;
    if (g) needed.add(g);
  }
  for (const g of needed) if (!grammarLoaded(g)) await loadGrammar(g, loadBytes);
}

export { GRAMMAR_WASM, type WasmName } from "./grammar";
export { PYTHON_WASM } from "./python/grammar";

/**
 * Caddyfile text: Caddy's directives and `@name` matchers on lines that do not end with `;` (an
 * nginx file's do), or a site address followed by `{`.
 */
function looksCaddy(t: string): boolean {
  const lines = t
    .split("\n")
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter((l) => l !== "");
  if (lines.length === 0 || lines.some((l) => /;$/.test(l))) return false;
  return (
    /(^|\n)\s*(reverse_proxy|file_server|encode|respond|handle_path|handle|php_fastcgi|basicauth|import)\b/.test(
      t,
    ) ||
    /(^|\n)\s*@[\w-]+\s/.test(t) ||
    /(^|\n)\s*header\s+(@\S+\s+)?[+\->?]?Access-Control-/i.test(t) ||
    /(^|\n)\s*(https?:\/\/)?[\w.*-]*(:\d+)?(\s*,\s*(https?:\/\/)?[\w.*-]*(:\d+)?)*\s*\{\s*(\n|$)/.test(t)
  );
}

const looksS3 = (f: ConfigFile) => looksS3Json(f.text) || looksS3Xml(f.text);

function apacheDirectives(t: string): boolean {
  let continued = false;
  let count = 0;
  for (const raw of t.split("\n")) {
    const l = raw.trim();
    const was = continued;
    continued = l.endsWith("\\");
    if (was || l === "" || l.startsWith("#")) continue;
    if (!/^(<\/?[A-Za-z]+|[A-Z][A-Za-z0-9]*)(\s|>|$)/.test(l) || /[;{]$/.test(l)) return false;
    count++;
  }
  return count > 0;
}

/** Told from the name and the text; "nginx" is the default for `*.conf` text with nginx blocks. */
export function detectFormat(file: ConfigFile): Detected {
  const name = file.path.split("/").pop() ?? file.path;
  const t = file.text;
  if (/^Caddyfile/i.test(name) || /\.caddy(file)?$/i.test(name)) return { format: "caddy" };
  if (
    name === ".htaccess" ||
    /<(VirtualHost|Location|Directory|IfModule)\b/i.test(t) ||
    /(^|\n)\s*Header\s+(always\s+)?(set|add|append|merge)\s/i.test(t)
  )
    return { format: "apache" };
  // Before Caddy's test: a pretty-printed JSON `{` alone on a line looks like a site block.
  if (looksS3Json(t)) return { format: "s3-json" };
  if (looksS3Xml(t)) return { format: "s3-xml" };
  if (/\.py$/.test(name)) {
    // Before Django's test: an aiohttp app's own CORS_ORIGINS list is not a Django setting.
    if (/\baiohttp_cors\b/.test(t)) return { format: "aiohttp" };
    // A hand-written Django middleware that sets the CORS headers itself (src/config/django/hand.ts).
    if (looksMiddleware(t) && /Access-Control-/i.test(t) && !/\b(starlette|fastapi|flask|aiohttp)\b/i.test(t))
      return { format: "django" };
    if (
      /\bCORS_[A-Z_]+\s*[+]?=|corsheaders|^\s*MIDDLEWARE\s*=/m.test(t) &&
      // Starlette's CORSMiddleware, not a project's own class of that name listed in MIDDLEWARE; a
      // Flask or aiohttp app's own `CORS_HEADERS = {…}` is no Django setting.
      !/\b(starlette|fastapi)\b|flask_cors|^\s*(from\s+(flask|aiohttp)\s+import|import\s+(flask|aiohttp))\b/m.test(
        t,
      )
    )
      return { format: "django" };
    // A settings module of a split package (`from .base import *` and Django's own settings).
    if (
      /^from\s+\.?[\w.]*\s+import\s+\*/m.test(t) &&
      /^\s*(SECRET_KEY|DEBUG|ALLOWED_HOSTS|DATABASES|INSTALLED_APPS)\s*=/m.test(t)
    )
      return { format: "django" };
    if (/flask_cors|from flask\b/.test(t)) return { format: "flask" };
    if (/CORSMiddleware|\bfastapi\b|\bstarlette\b/i.test(t)) return { format: "fastapi" };
    // A plain aiohttp app (no aiohttp_cors yet) is read too: `check` says CORS is not set up.
    if (/^\s*(from\s+aiohttp\s+import\b|import\s+aiohttp\b)/m.test(t)) return { format: "aiohttp" };
    return { unsupported: "Python apps" };
  }
  if (/\.(m|c)?(j|t)sx?$/.test(name)) {
    if (/(require\(\s*|from\s*)["'`](fastify|@fastify\/cors)["'`]/.test(t)) return { format: "fastify" };
    if (/(require\(\s*|from\s*)["'`]koa["'`]/.test(t)) return { format: "koa" };
    if (/(require\(\s*|from\s*)["'`]hono["'`]/.test(t)) return { format: "hono" };
    if (/(require\(\s*|from\s*)["'`]express["'`]/.test(t)) return { format: "express" };
    return { unsupported: "JavaScript/TypeScript apps other than Express, Fastify, Hono and Koa" };
  }
  // A Rails initializer or a Rack config.ru that sets up rack-cors (the middleware named in the file).
  if (/\.(rb|ru)$/.test(name) || /Rack::Cors/.test(t))
    return /Rack::Cors/.test(t) ? { format: "rack" } : { unsupported: "Ruby files without Rack::Cors" };
  if (/\.json$/.test(name)) return { unsupported: "JSON files" };
  // After the named formats above: a pretty-printed JSON `{` alone on a line looks like a site block.
  if (looksCaddy(t)) return { format: "caddy" };
  if (/\b(server|location|http)\s*\{|\badd_header\b|\bproxy_pass\b|\bmap\s+\$/.test(t))
    return { format: "nginx" };
  // Apache files of directives alone (`Include` lists, snippets): CamelCase names or sections open each line.
  if (apacheDirectives(t)) return { format: "apache" };
  // Any other file of nginx directives (`proxy_params`, `snippets/*.conf`, `mime.types`).
  try {
    const top = parseNginx(t, file.path);
    if (top.length > 0 && top.every((d) => /^[a-z_][a-z0-9_]*$/.test(d.name))) return { format: "nginx" };
  } catch (e) {
    // Not nginx syntax: named below.
    if (!(e instanceof NginxSyntaxError)) throw e;
  }
  return { unsupported: name };
}

/**
 * A file name for text pasted without one (the panel): one `detectFormat` reads as the format the
 * text is written in, so messages name a file of that kind ("cors.xml:3: …"), not "nginx.conf".
 * Python and JavaScript apps are told apart by their imports (their formats need the extension).
 */
export function pastedName(text: string): string {
  if (looksS3Json(text)) return "cors.json";
  if (looksS3Xml(text)) return "cors.xml";
  if (/^\s*(from\s+[\w.]+\s+import\s|import\s+[\w.]+\s*$)/m.test(text)) {
    const detected = detectFormat({ path: "settings.py", text });
    return "format" in detected && detected.format === "django" ? "settings.py" : "app.py";
  }
  if (/Rack::Cors/.test(text)) return /\bRails\b|\.middleware\./.test(text) ? "cors.rb" : "config.ru";
  if (/\brequire\(\s*["'`]|^\s*import\s[^;\n]*\bfrom\s*["'`]|^\s*import\s*["'`]/m.test(text)) return "app.js";
  const detected = detectFormat({ path: "pasted", text });
  const format = "format" in detected ? detected.format : null;
  return format === "caddy" ? "Caddyfile" : format === "apache" ? "apache2.conf" : "nginx.conf";
}

/** Reads the files as one configuration; ConfigError (exit 2) for what cannot be read. */
export function readConfig(files: readonly ConfigFile[]): AnyConfig {
  if (files.length === 0) throw new ConfigError({ key: "config.error.no-files" });
  const formats = new Set<ConfigFormat>();
  for (const f of files) {
    const d = detectFormat(f);
    if ("unsupported" in d)
      throw new ConfigError(
        { key: "config.error.unsupported", params: { what: d.unsupported, file: f.path } },
        f.path,
      );
    formats.add(d.format);
  }
  // A Caddyfile decides for the files passed with it (snippets it imports may look like anything);
  // an Apache file for nginx-looking snippets passed with it.
  if (
    (formats.has("django") ||
      formats.has("fastapi") ||
      formats.has("flask") ||
      formats.has("aiohttp") ||
      formats.has("rack")) &&
    formats.size > 1
  )
    throw new ConfigError({ key: "config.django.error.mixed", params: { file: files[0]?.path ?? "" } });
  // An S3 file is one bucket's whole configuration: it is read alone (the others are named in a note).
  const s3 = files.map((f) => detectFormat(f)).find((d) => "format" in d && d.format.startsWith("s3-"));
  const read: ReadFormat =
    s3 && "format" in s3
      ? s3.format
      : formats.has("django")
        ? "django"
        : formats.has("fastapi")
          ? "fastapi"
          : formats.has("flask")
            ? "flask"
            : formats.has("rack")
              ? "rack"
              : formats.has("aiohttp")
                ? "aiohttp"
                : formats.has("fastify")
                  ? "fastify"
                  : formats.has("koa")
                    ? "koa"
                    : formats.has("hono")
                      ? "hono"
                      : formats.has("express")
                        ? "express"
                        : formats.has("caddy")
                          ? "caddy"
                          : formats.has("apache")
                            ? "apache"
                            : "nginx";
  const ops = FORMATS[read];
  let config: AnyConfig;
  try {
    config = ops.read(s3 ? [...files].sort((a, b) => Number(!looksS3(a)) - Number(!looksS3(b))) : files);
  } catch (e) {
    if (e instanceof ops.SyntaxError)
      throw new ConfigError(
        { key: "config.error.syntax", params: { file: e.file, line: e.line, detail: e.detail } },
        e.file,
      );
    throw e;
  }
  if (!ops.setsCors(config)) {
    const include = ops.unresolved(config)[0];
    if (include)
      throw new ConfigError(
        {
          key: "config.error.included",
          params: { file: include.file, line: include.line, pattern: include.args[0]?.value ?? "" },
        },
        include.file,
      );
  }
  return config;
}

function anySetsCors(config: AnyConfig): boolean {
  return FORMATS[config.format as ReadFormat].setsCors(config);
}

export interface CheckResult {
  format: ConfigFormat;
  findings: ConfigFinding[];
  notes: Words[];
}

export function checkConfig(
  files: readonly ConfigFile[],
  options: FixOptions & { evidence?: readonly ObservedExchange[] } = {},
): CheckResult {
  const config = readConfig(files);
  const notes = [...config.notes];
  if (!anySetsCors(config)) notes.push({ key: "config.note.no-cors" });
  const findings = config.check();
  // A recording says what the page sends; without one, what the application's code says it does.
  if (!options.evidence) findings.push(...likelyFindings(config, files, options, findings));
  if (options.evidence) {
    const recorded = recordedFindings(config, files, options.evidence, options);
    findings.push(...recorded.findings);
    notes.push(...recorded.notes);
  }
  // In the file's order, as a linter prints them (each reader gives its own rules' order).
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { format: config.format, findings: findings.map((f) => withAlso(f, files)), notes };
}

/**
 * A check's words that name another line (`{line}`, with `{file}` where it is another file's) name
 * the other half of the same problem: kept as data too, so the CI formats can point at it.
 */
function withAlso(f0: ConfigFinding, files: readonly ConfigFile[]): ConfigFinding {
  // A check with no other line to give leaves none (no empty list in the output).
  const { also, ...bare } = f0;
  const f: ConfigFinding = also && also.length > 0 ? f0 : bare;
  const p = f.words.params;
  if (!f.words.key.includes(".check.") || typeof p?.line !== "number" || p.line < 1) return f;
  const file =
    typeof p.file === "string" ? files.find((x) => x.path === p.file) : files.find((x) => x.path === f.file);
  // A line the file does not have is not one to point at.
  if (!file || file.text.split("\n").length < p.line) return f;
  if (file.path === f.file && p.line === f.line) return f;
  // Lines a check gave itself (several middlewares that answer first) stay, this one first.
  const rest = (f.also ?? []).filter((a) => a.file !== file.path || a.line !== p.line);
  return { ...f, also: [{ file: file.path, line: p.line }, ...rest] };
}

/**
 * With recorded requests (`check --har`): the lines that block them, which no reading of the file
 * alone can tell (an origin missing from a list, a method the page sends). A line is where `fix`
 * makes its first change for them, or the line that change names (the map it extends, the list it
 * grows): the root cause as the user would edit it. The change itself is the finding's detail.
 */
function recordedFindings(
  config: AnyConfig,
  files: readonly ConfigFile[],
  evidence: readonly ObservedExchange[],
  options: FixOptions,
): { findings: ConfigFinding[]; notes: Words[] } {
  const browser = options.browser ?? "chromium";
  const specs = specsFromExchanges(evidence, browser).map((r) => upstreamOnly(r.spec, config));
  const judged = specs.map((s) => judge(s, (req) => config.answer(req), browser, options.lang));
  const failing = failingOf(specs, judged);
  if (failing.length === 0) return { findings: [], notes: [] };
  const { places, stuck } = changedLines(config, files, failing);
  return {
    findings: places.map((p) => ({
      code: "blocks-recorded-request",
      severity: "error",
      file: p.file,
      line: p.line,
      words: { key: "config.check.blocks-recorded", params: { count: failing.length } },
      detail: p.why,
      // Two Allow-Origin values: the server's own line is the other half (fix hides the upstream's).
      ...(p.also ? { also: [p.also] } : {}),
    })),
    notes: stuck > 0 ? [{ key: "config.note.blocked-no-line", params: { count: stuck } }] : [],
  };
}

/**
 * The lines `fix` would change for these blocked requests: where it makes its first change, or the
 * line that change names (the map it extends, the list it grows) — the root cause as the user would
 * edit it; and a refusal that names its line (the option that makes a patch unsafe). `stuck`: the
 * requests blocked at no line CORS Lens can name.
 */
function changedLines(
  config: AnyConfig,
  files: readonly ConfigFile[],
  failing: ReturnType<typeof failingOf>,
): {
  places: Array<{ file: string; line: number; why: Words; also?: { file: string; line: number } }>;
  stuck: number;
} {
  const { edits, cannot } = FORMATS[config.format as ReadFormat].patch(config, failing);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const seen = new Set<string>();
  const places: Array<{ file: string; line: number; why: Words; also?: { file: string; line: number } }> = [];
  const add = (file: string, line: number, why: Words, anchor?: number) => {
    const key = `${file}:${line}:${why.key}`;
    if (seen.has(key)) return;
    seen.add(key);
    const own = why.params?.own;
    const ownFile = typeof why.params?.ownFile === "string" ? why.params.ownFile : file;
    places.push(
      typeof own === "number" && own > 0 && (own !== line || ownFile !== file)
        ? { file, line, why, also: { file: ownFile, line: own } }
        : anchor !== undefined && anchor > 0 && anchor !== line
          ? { file, line, why, also: { file, line: anchor } }
          : { file, line, why },
    );
  };
  for (const e of edits) {
    // `at`: the line of the very list the edit grows, where a reason names its rule's line.
    const named = e.why.params?.at ?? e.why.params?.line;
    const text = texts.get(e.file) ?? "";
    const start = Math.min(e.start, text.length);
    // New lines put in between two lines (a setting after the last one, a header at the top of a
    // block): the line they follow — the block's opening, the setting they join — is named too.
    const between = e.start === e.end && start > 0 && text[start - 1] === "\n";
    const before = between ? text.slice(0, start - 1).split("\n") : [];
    while (before.length > 0 && (before.at(-1) ?? "").trim() === "") before.pop();
    add(
      e.file,
      typeof named === "number" && named > 0 ? named : lineIndex(text)(start),
      e.why,
      typeof named === "number" && named > 0 ? undefined : before.length || undefined,
    );
  }
  let stuck = 0;
  for (const f of failing) {
    const why = cannot.get(f.spec.id);
    if (!why) continue;
    const line = why.params?.line;
    const file =
      typeof why.params?.file === "string"
        ? why.params.file
        : files.length === 1
          ? files[0]?.path
          : undefined;
    if (typeof line !== "number" || line <= 0 || file === undefined) {
      stuck += 1;
      continue;
    }
    add(file, line, why);
  }
  return { places, stuck };
}

/** At most this many likely requests are asked of a configuration (one per place and signal). */
const LIKELY_LIMIT = 24;

/**
 * Without a recording: the requests the application's own code says a front end sends (likely.ts)
 * — asked, from an origin the place allows, beside the same request without what the code adds. Only
 * a request the bare one's place allows and this one's is refused is named: the signal is the
 * cause, at the line `fix` would change for it. Proxies and S3 show no code: there, a write method
 * the place allows with a Content-Type a form does not have (a JSON body, a file's type), where the
 * place lists the headers it allows.
 */
function likelyFindings(
  config: AnyConfig,
  files: readonly ConfigFile[],
  options: FixOptions,
  said: readonly ConfigFinding[],
): ConfigFinding[] {
  const browser = options.browser ?? "chromium";
  const noCode = ["nginx", "apache", "caddy", "s3-json", "s3-xml"].includes(config.format);
  const signals = noCode ? [] : likelySignals(files);
  if (!noCode && signals.length === 0) return [];
  const ask = (spec: RequestSpec) => judge(spec, (req) => config.answer(req), browser, options.lang);
  const out: ConfigFinding[] = [];
  const seen = new Set<string>();
  let asked = 0;
  let n = 0;
  const spec = (
    a: Allowance,
    origin: string,
    method: string,
    headers: HeaderList,
    credentials: "include" | "omit",
  ): RequestSpec => ({
    id: `likely-${++n}`,
    url: a.url,
    method,
    origin,
    headers,
    credentials,
    ...(credentials === "include" ? { cookie: true } : {}),
    source: "evidence",
  });
  /**
   * The request with what the code adds, from the place's first origin (of three) whose bare
   * request it allows; named where refused.
   */
  const tryOne = (
    a: Allowance,
    method: string,
    headers: HeaderList,
    credentials: "include" | "omit",
    words: (origin: string) => Words,
  ) => {
    for (const origin of a.origins.slice(0, 3)) {
      if (asked >= LIKELY_LIMIT) return;
      asked += 1;
      if (ask(spec(a, origin, method, [], "omit")).verdict !== "allowed") continue;
      const likely = spec(a, origin, method, headers, credentials);
      const judged = ask(likely);
      if (judged.verdict !== "blocked") return;
      const w = words(origin);
      for (const p of changedLines(config, files, [{ spec: likely, judged }]).places) {
        const key = `${p.file}:${p.line}:${w.key}`;
        // A body's Content-Type a format's own check already names on that line is said once.
        const body = w.key === "config.check.likely-json" || w.key === "config.check.likely-body";
        if (
          seen.has(key) ||
          (body && said.some((f) => f.file === p.file && f.line === p.line && /content-type/.test(f.code)))
        )
          continue;
        seen.add(key);
        out.push({
          code: "likely-request-refused",
          severity: "warning",
          file: p.file,
          line: p.line,
          words: w,
          detail: p.why,
        });
      }
      return;
    }
  };
  const at = (s: LikelySignal) => ({ line: s.line, file: s.file });
  const json: HeaderList = [["Content-Type", "application/json"]];
  for (const a of config.allowance()) {
    if (asked >= LIKELY_LIMIT) break;
    const write = ["PUT", "PATCH", "POST"].find((m) => a.methods.includes(m));
    if (noCode) {
      if (write && a.headers.length > 0 && !a.headers.some((h) => h === "*" || /^content-type$/i.test(h)))
        tryOne(a, write, json, "omit", (origin) => ({
          key: "config.check.likely-body",
          params: { method: write, origin },
        }));
      continue;
    }
    for (const s of signals) {
      if (s.kind === "json") {
        const method = write ?? "POST";
        tryOne(a, method, json, "omit", (origin) => ({
          key: "config.check.likely-json",
          params: { method, origin, ...at(s) },
        }));
      } else if (s.kind === "header" && s.header) {
        const header = s.header;
        tryOne(a, "GET", [[header, "1"]], "omit", (origin) => ({
          key: "config.check.likely-header",
          params: { header, origin, ...at(s) },
        }));
      } else if (s.kind === "cookies")
        tryOne(a, "GET", [], "include", (origin) => ({
          key: s.read ? "config.check.likely-cookies-read" : "config.check.likely-cookies",
          params: { origin, ...at(s) },
        }));
    }
  }
  return out;
}

export interface Row {
  id: string;
  method: string;
  url: string;
  origin: string;
  credentials: "include" | "omit";
  /** The headers the page sets (the standard requests' custom header). */
  headers: HeaderList;
  source: "evidence" | "standard";
  /** As recorded in the evidence (HAR), where there is one. */
  recorded: Verdict | null;
  before: RowVerdict;
  after: RowVerdict;
}

export interface RowVerdict {
  verdict: Verdict;
  cause: string | null;
  /** Why unknown, in words or as the engine said it. */
  unknown: Words | string | null;
  assumed: Words[];
}

export interface FixResult {
  format: ConfigFormat;
  files: Array<{ path: string; before: string; after: string }>;
  edits: Array<{ file: string; line: number; why: Words }>;
  rows: Row[];
  /** Evidence requests the patch could not fix, and why. */
  cannot: Array<{ id: string; why: Words }>;
  ok: boolean;
  notes: Words[];
}

const lower = (s: string) => s.toLowerCase();

/**
 * The CORS lines the application added itself: for each Access-Control-* name, the recorded lines
 * beyond as many as the configuration adds (the values the configuration does not produce first).
 * By count, so a HAR recorded under an older version of the file is not read as the app's doing.
 */
function minus(recorded: HeaderList, own: HeaderList, listed: ReadonlySet<string> = new Set()): HeaderList {
  const out: Array<[string, string]> = [];
  const names = new Set(recorded.map(([n]) => lower(n)).filter((n) => n.startsWith("access-control-")));
  for (const name of names) {
    const mine = own.filter(([n]) => lower(n) === name).map(([, v]) => v.trim());
    const lines = recorded.filter(([n]) => lower(n) === name);
    // An Allow-Origin line of another origin the configuration itself now lists (answered through a
    // map or a list since): the file's own line from before an edit — two fixed origins made one
    // map — not the application's.
    const stale =
      name === "access-control-allow-origin"
        ? lines.filter(([, v]) => !mine.includes(v.trim()) && listed.has(v.trim()))
        : [];
    const extra = lines.length - mine.length - stale.length;
    if (extra <= 0) continue;
    const kept = lines.filter((l) => !stale.includes(l));
    const foreign = kept.filter(([, v]) => !mine.includes(v.trim()));
    const chosen = [...foreign, ...kept.filter((l) => !foreign.includes(l))].slice(0, extra);
    for (const [n, v] of chosen) out.push([n, v]);
  }
  return out;
}

/**
 * The origins a configuration's allowance lists, computed once per configuration: `upstreamOnly`
 * asks for each recorded request (41,262 of them in the config-fix bench, where computing it each
 * time took 73 of 91 s). standardSpecs reads the same allowance unguarded: each reader's allowance()
 * is total.
 */
const LISTED = new WeakMap<AnyConfig, Set<string>>();
function listedOrigins(config: AnyConfig): Set<string> {
  let listed = LISTED.get(config);
  if (!listed) {
    listed = new Set(config.allowance().flatMap((a) => a.origins));
    LISTED.set(config, listed);
  }
  return listed;
}

/**
 * Assumptions that read an origin verdict from the record (Express's origin function and env-built
 * origin entries, Django's computed origins): the recorded CORS headers are kept for them.
 */
const RECORDED_VERDICT = new Set([
  "config.express.assumed.origin-recorded",
  "config.express.assumed.env-origin-recorded",
  "config.django.assumed.origin-recorded",
]);

/**
 * What the application behind the server sent on its own: the recording minus what the old
 * configuration adds. Kept for the new configuration's what-if (nginx passes it through).
 */
function upstreamOnly(spec: RequestSpec, config: AnyConfig): RequestSpec {
  const origins = () => listedOrigins(config);
  const derive = (
    r: Recorded | null | undefined,
    request: { method: string; headers: HeaderList },
  ): Recorded | null => {
    if (!r) return null;
    const a = config.answer({
      method: request.method,
      url: spec.url,
      headers: request.headers,
      upstream: { status: r.status, headers: [] },
    });
    // Unknown, or an origin function whose verdict is read from the record: the recorded CORS headers.
    if (a.kind === "unknown" || a.assumed.some((x) => RECORDED_VERDICT.has(x.key)))
      return { status: r.status, headers: r.headers.filter(([n]) => /^access-control-/i.test(n)) };
    if (!a.fromUpstream) return null;
    return { status: r.status, headers: minus(r.headers, a.headers, origins()) };
  };
  const preflightHeaders: HeaderList = [
    ["Origin", spec.origin],
    ["Access-Control-Request-Method", spec.method],
  ];
  return {
    ...spec,
    recorded: {
      preflight: derive(spec.recorded?.preflight, { method: "OPTIONS", headers: preflightHeaders }),
      actual: derive(spec.recorded?.actual, {
        method: spec.method,
        headers: [...spec.headers, ["Origin", spec.origin]],
      }),
    },
  };
}

/**
 * The standard requests the old configuration allowed (for each place and origin it allows). The
 * evidence's own origins are tried at every place too: a `*` (or a pattern) stands in as one made-up
 * origin, but what the page's origin was allowed is what a patch must above all keep (only those
 * the old configuration allowed are listed).
 */
function standardSpecs(config: AnyConfig, evidenceOrigins: readonly string[]): RequestSpec[] {
  const out: RequestSpec[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const a of config.allowance()) {
    const origins = [...a.origins];
    for (const o of evidenceOrigins) if (o !== "" && o !== "null" && !origins.includes(o)) origins.push(o);
    for (const origin of origins) {
      // A header a page's script can set: not safelisted, and not one the browser sets itself
      // (Origin, Cookie… listed in Allow-Headers are never sent by a script:
      // https://fetch.spec.whatwg.org/#forbidden-request-header).
      const custom = a.headers.find(
        (h) =>
          !/^(content-type|accept|accept-language|content-language)$/i.test(h) &&
          !isForbiddenRequestHeader(h),
      );
      const add = (method: string, headers: HeaderList, credentials: "include" | "omit") => {
        // The same request from two places of one URL (two S3 rules) is listed once.
        const key = JSON.stringify([a.url, method, origin, headers, credentials]);
        if (seen.has(key)) return;
        seen.add(key);
        out.push({
          id: `standard-${++n}`,
          url: a.url,
          method,
          origin,
          headers,
          credentials,
          source: "standard",
        });
      };
      add("GET", [], "omit");
      add("POST", [["Content-Type", "application/x-www-form-urlencoded"]], "omit");
      for (const m of a.methods.filter((m) => !["GET", "HEAD", "POST", "OPTIONS"].includes(m)))
        add(m, custom ? [[custom, "1"]] : [], a.credentials ? "include" : "omit");
      if (custom) add("GET", [[custom, "1"]], "omit");
      if (a.credentials) add("GET", [], "include");
    }
  }
  return out;
}

/**
 * The requests a round of patching works on: blocked, or left unknown because the preflight went on
 * to an application whose answer was never recorded (the patch answers it where the file can).
 */
function failingOf(
  specs: readonly RequestSpec[],
  judged: readonly Judged[],
): Array<{ spec: RequestSpec; judged: Judged }> {
  return specs
    .map((spec, i) => ({ spec, judged: judged[i] as Judged }))
    .filter(
      (f) =>
        f.judged.verdict === "blocked" ||
        (typeof f.judged.unknown === "object" &&
          (f.judged.unknown?.key === "config.unknown.upstream-options" ||
            PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            APACHE_PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            EXPRESS_PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            DJANGO_PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            STARLETTE_PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            FLASK_PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            RACK_PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            AIOHTTP_PREFLIGHT_UNKNOWN.has(f.judged.unknown?.key ?? "") ||
            f.judged.unknown?.key === S3_REFUSED)),
    );
}

function rowVerdict(j: Judged): RowVerdict {
  return { verdict: j.verdict, cause: j.cause?.code ?? null, unknown: j.unknown, assumed: j.assumed };
}

export interface FixOptions {
  browser?: BrowserName;
  lang?: Lang;
}

/** The patch that makes the evidence's failing requests pass, and the before/after table. */
export function fixConfig(
  files: readonly ConfigFile[],
  evidence: readonly ObservedExchange[],
  options: FixOptions = {},
): FixResult {
  const browser = options.browser ?? "chromium";
  const old = readConfig(files);
  // Identical requests are judged once (specsFromExchanges keeps the first of each): a large HAR
  // repeats the same few calls.
  const recorded = specsFromExchanges(evidence, browser);
  const specs = recorded.map((r) => upstreamOnly(r.spec, old));
  const standard = standardSpecs(old, [...new Set(recorded.map((r) => r.spec.origin))]);
  const oldAsk = (c: AnyConfig) => (req: Parameters<AnyConfig["answer"]>[0]) => c.answer(req);
  const before = specs.map((s) => judge(s, oldAsk(old), browser, options.lang));
  const standardBefore = standard.map((s) => judge(s, oldAsk(old), browser, options.lang));
  let texts = new Map(files.map((f) => [f.path, f.text]));
  let current = old;
  // Each edit's position, and the positions of the lines its reason names, followed through the
  // later rounds: the reported lines are those of the patched file.
  const done: Array<{ file: string; pos: number; why: Words; refs: Record<string, number> }> = [];
  let cannot = new Map<string, Words>();
  // The verdicts under `current`, judged once per configuration: the first round's are `before`, and
  // the last round's (nothing left failing, or nothing more to change) are `after`.
  let judged: Judged[] = before;
  let judgedFor: AnyConfig = old;
  const judgeAll = (c: AnyConfig): Judged[] => {
    if (judgedFor !== c) {
      judged = specs.map((s) => judge(s, oldAsk(c), browser, options.lang));
      judgedFor = c;
    }
    return judged;
  };
  type Kept = { texts: typeof texts; current: AnyConfig; done: typeof done };
  // (`as`: assigned inside the loop, which narrowing from `= null` does not see.)
  let stale = null as Kept | null;
  for (let round = 0; round < 8; round++) {
    judgeAll(current);
    // A preflight the patch sent on to the application, whose answer to it was never recorded, is
    // answered by nginx itself instead (it was not the application's to answer before either).
    const failing = failingOf(specs, judged);
    if (failing.length === 0) break;
    const { edits, cannot: stuck } = FORMATS[current.format as ReadFormat].patch(current, failing);
    cannot = stuck;
    if (edits.length === 0) break;
    // Two rounds in a row whose edits leave every failing request failing for the same reason are
    // taken back: repeating them would only print lines that change nothing (caddyserver/caddy#4188's
    // Caddyfile took 8 such rounds, 263 lines). One such round may be a step (a hook's phase set,
    // then the registration moved).
    const kept: Kept = stale ?? {
      texts,
      current,
      done: done.map((d) => ({ ...d, refs: { ...d.refs } })),
    };
    const signature = (f: ReturnType<typeof failingOf>) =>
      f.map((x) => `${x.spec.id}:${x.judged.verdict}:${x.judged.cause?.code ?? ""}`).join("|");
    const was = signature(failing);
    // The patched text is read again before anything is kept: a patch that does not parse is CORS
    // Lens's failure, never the user's file's (it is not printed, and each failing request says so,
    // exit 1), while the file as given was read (exit 2 is for a file that cannot be read).
    const patched = applyEdits(texts, edits);
    let next: AnyConfig;
    try {
      next = readConfig([...patched].map(([path, text]) => ({ path, text })));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const detail =
        e.words.key === "config.error.syntax" ? String(e.words.params?.detail ?? "") : e.words.key;
      for (const f of failing)
        cannot.set(f.spec.id, {
          key: "config.cannot.patch-unparsed",
          params: { file: e.file ?? "", detail },
        });
      break;
    }
    for (const d of done) {
      d.pos = shifted(d.file, d.pos, edits);
      for (const k of Object.keys(d.refs)) d.refs[k] = shifted(d.file, d.refs[k] as number, edits);
    }
    const starts = newStarts(edits);
    edits.forEach((e, i) => {
      const text = texts.get(e.file) ?? "";
      const refs: Record<string, number> = {};
      for (const k of ["line", "from", "first"]) {
        const n = e.why.params?.[k];
        if (typeof n === "number" && n > 0) refs[k] = shifted(e.file, lineOffset(text, n), edits);
      }
      done.push({ file: e.file, pos: starts[i] as number, why: e.why, refs });
    });
    texts = patched;
    current = next;
    if (signature(failingOf(specs, judgeAll(current))) !== was) stale = null;
    else if (!stale) stale = kept;
    else {
      texts = kept.texts;
      current = kept.current;
      done.splice(0, done.length, ...kept.done);
      for (const f of failing)
        if (!cannot.has(f.spec.id))
          cannot.set(f.spec.id, { key: "config.cannot.cause", params: { code: f.judged.cause?.code ?? "" } });
      break;
    }
  }
  const after = judgeAll(current);
  const standardAfter =
    current === old ? standardBefore : standard.map((s) => judge(s, oldAsk(current), browser, options.lang));
  const rows: Row[] = [];
  specs.forEach((s, i) => {
    rows.push({
      id: s.id,
      method: s.method,
      url: s.url,
      origin: s.origin,
      credentials: s.credentials,
      headers: s.headers,
      source: "evidence",
      recorded: recorded[i]?.recordedVerdict ?? null,
      before: rowVerdict(before[i] as Judged),
      after: rowVerdict(after[i] as Judged),
    });
  });
  standard.forEach((s, i) => {
    if ((standardBefore[i] as Judged).verdict !== "allowed") return;
    rows.push({
      id: s.id,
      method: s.method,
      url: s.url,
      origin: s.origin,
      credentials: s.credentials,
      headers: s.headers,
      source: "standard",
      recorded: null,
      before: rowVerdict(standardBefore[i] as Judged),
      after: rowVerdict(standardAfter[i] as Judged),
    });
  });
  const evidenceOk = rows
    .filter((r) => r.source === "evidence")
    .every((r) => r.after.verdict === "allowed" || r.after.verdict === "not-cors");
  // The browser blocked requests this reading of the file allows before any edit: the file was fixed
  // since (fix run again on it) or the cause lies outside what was read. Said, never silent.
  const unseen = rows.filter(
    (r) => r.source === "evidence" && r.recorded === "blocked" && r.before.verdict === "allowed",
  ).length;
  const standardOk = rows.filter((r) => r.source === "standard").every((r) => r.after.verdict === "allowed");
  const lines = new Map([...texts].map(([f, t]) => [f, lineIndex(t)]));
  const notes = [...old.notes];
  if (recorded.length === 0) notes.push({ key: "config.note.no-evidence" });
  if (unseen > 0) notes.push({ key: "config.note.recorded-blocked", params: { count: unseen } });
  return {
    format: old.format,
    files: files.map((f) => ({ path: f.path, before: f.text, after: texts.get(f.path) ?? f.text })),
    edits: done
      .map((d) => {
        const lineOf = lines.get(d.file) as (o: number) => number;
        const params = { ...d.why.params };
        for (const [k, off] of Object.entries(d.refs)) params[k] = lineOf(off);
        return { file: d.file, line: lineOf(d.pos), why: { ...d.why, params } };
      })
      .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1)),
    rows,
    cannot: evidenceOk ? [] : [...cannot].map(([id, why]) => ({ id, why })),
    // A request the browser blocked that this reading allows is not known to pass: never exit 0 on it.
    ok: evidenceOk && standardOk && unseen === 0,
    notes,
  };
}

function delta(e: Edit): number {
  return e.text.length - (e.end - e.start);
}

/** The offset where a 1-based line starts. */
function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

/** Where an earlier edit's position moves when this round's edits are applied. */
function shifted(file: string, pos: number, edits: readonly Edit[]): number {
  let p = pos;
  for (const e of edits) if (e.file === file && e.end <= pos) p += delta(e);
  return p;
}

/** Where each edit of this round starts once the whole round is applied (earlier offsets first). */
function newStarts(edits: readonly Edit[]): number[] {
  const order = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) =>
      a.e.file === b.e.file ? a.e.start - b.e.start || a.i - b.i : a.e.file < b.e.file ? -1 : 1,
    );
  const out = new Array<number>(edits.length).fill(0);
  let file = "";
  let shift = 0;
  for (const { e, i } of order) {
    if (e.file !== file) {
      file = e.file;
      shift = 0;
    }
    out[i] = e.start + shift + (/^\n*/.exec(e.text)?.[0].length ?? 0);
    shift += delta(e);
  }
  return out;
}

/** The unified diff of every changed file. */
export function fixDiff(result: FixResult): string {
  return result.files
    .filter((f) => f.before !== f.after)
    .map((f) =>
      unifiedDiff(f.before, f.after, `a/${f.path.replace(/^\/+/, "")}`, `b/${f.path.replace(/^\/+/, "")}`),
    )
    .join("");
}

export { NginxSyntaxError };

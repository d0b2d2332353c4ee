/** Django `settings.py` with django-cors-headers: reader (answers and allowance), checker and patcher. */
import type { HeaderList } from "../../engine";
import type { Edit } from "../edit";
import {
  type Allowance,
  ConfigError,
  type ConfigFile,
  type ConfigFinding,
  ConfigSyntaxError,
  type HopRequest,
  type ReadConfig,
  type Words,
} from "../types";
import { faultOf, type Judged, type RequestSpec, STRANGER_ORIGIN, Unknowable, unsafeNames } from "../whatif";
import { answer, layerOf, originAllowed, PREFLIGHT_UNKNOWN, route } from "./answer";
import { checkDjango } from "./check";
import {
  allowanceHand,
  answerHand,
  entryOf,
  type HandFile,
  looksMiddleware,
  readHand,
  respond,
  type Stack,
  writtenOrigins,
} from "./hand";
import { checkHand, type OrderFacts } from "./hand-check";
import { patchHand } from "./hand-patch";
import { Patcher } from "./patch";
import {
  CORS_MIDDLEWARE,
  type DjangoSettings,
  pyRegex,
  readSettings,
  setsCors as settingsSetCors,
} from "./settings";

export { PREFLIGHT_UNKNOWN } from "./answer";

export interface DjangoConfig extends ReadConfig {
  format: "django";
  settings: DjangoSettings;
}

/** A settings module the Python grammar could not parse. */
export class DjangoSyntaxError extends ConfigSyntaxError {}

/** A hand-written CORS middleware (middleware.py), with the settings module when it is passed too. */
export interface HandDjangoConfig extends ReadConfig {
  format: "django";
  stack: Stack;
}

export function readDjango(files: readonly ConfigFile[]): DjangoConfig | HandDjangoConfig {
  const mw = files.filter((f) => looksMiddleware(f.text));
  if (mw.length > 0)
    return readHandConfig(
      mw,
      files.filter((f) => !mw.includes(f)),
    );
  const settings = splitSettings(files);
  const file = files.find((f) => f.path === settings.file) as ConfigFile;
  const notes: Words[] = settings.mod.starImports
    .filter(
      (i) =>
        !files.some(
          (f) => f !== file && f.path.endsWith(`${i.module.replace(/^\.+/, "").replace(/\./g, "/")}.py`),
        ),
    )
    .map((i) => ({
      key: "config.note.include",
      params: { file: file.path, line: i.line, pattern: i.module },
    }));
  return {
    format: "django",
    settings,
    notes,
    answer: (request: HopRequest) => answer(settings, request),
    allowance: () => allowanceOf(settings),
    check: (): ConfigFinding[] => checkDjango(settings),
  };
}

/** The passed file a `from X import *` names (`.base`, `config.settings.base` → …/base.py). */
function starTarget(files: readonly ConfigFile[], from: ConfigFile, module: string): ConfigFile | null {
  const tail = `${module.replace(/^\.+/, "").replace(/\./g, "/")}.py`;
  return files.find((f) => f !== from && (f.path === tail || f.path.endsWith(`/${tail}`))) ?? null;
}

/**
 * A split settings package (base.py, production.py…) read as Django imports it: each module with the
 * names of the passed modules it star-imports (`from .base import *`), and the one no other passed
 * module imports is the settings in effect. Two such modules (local.py and production.py both given)
 * are two deployments: said, not guessed. Unrelated modules that set CORS each: the same.
 */
function splitSettings(files: readonly ConfigFile[]): DjangoSettings {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const done = new Map<string, DjangoSettings>();
  const imported = new Set<string>();
  const reading = new Set<string>();
  const read = (f: ConfigFile): DjangoSettings => {
    const known = done.get(f.path);
    if (known) return known;
    reading.add(f.path);
    const settings = readSettings(
      f,
      (module) => {
        const target = starTarget(files, f, module);
        // An import cycle Python itself would refuse: the module's names stay unseen (noted).
        if (!target || reading.has(target.path)) return null;
        imported.add(target.path);
        return read(target).mod;
      },
      texts,
    );
    reading.delete(f.path);
    const err = settings.mod.error;
    if (err) throw new DjangoSyntaxError(f.path, err.line, err.text.slice(0, 120));
    done.set(f.path, settings);
    return settings;
  };
  const all = files.map(read);
  const leaves = all.filter((x) => !imported.has(x.file));
  const setting = leaves.filter((x) => settingsSetCors(x) || x.mod.names.has("MIDDLEWARE"));
  if (setting.length > 1)
    throw new ConfigError({
      key: "config.django.error.split",
      params: { first: setting[0]?.file ?? "", second: setting[1]?.file ?? "" },
    });
  return setting[0] ?? (leaves.at(-1) as DjangoSettings);
}

function readHandConfig(
  mwFiles: readonly ConfigFile[],
  settingsFiles: readonly ConfigFile[],
): HandDjangoConfig {
  const hands: HandFile[] = mwFiles.map((f) => {
    const h = readHand(f);
    const err = h.mod.error;
    if (err) throw new DjangoSyntaxError(f.path, err.line, err.text.slice(0, 120));
    return h;
  });
  const read = settingsFiles.map((f) => {
    const settings = readSettings(f);
    const err = settings.mod.error;
    if (err) throw new DjangoSyntaxError(f.path, err.line, err.text.slice(0, 120));
    return settings;
  });
  const settings = read.find((x) => x.mod.names.has("MIDDLEWARE")) ?? read[0] ?? null;
  const all = hands.flatMap((h) => h.middlewares);
  if (!settings && all.length > 1)
    throw new ConfigError({
      key: "config.django.mw.error.several",
      params: { file: hands[0]?.file ?? "", names: all.map((m) => m.name).join(", ") },
    });
  const stack: Stack = { hands, settings };
  return {
    format: "django",
    stack,
    notes: [],
    answer: (request: HopRequest) => answerHand(stack, request),
    allowance: () => allowanceHand(stack),
    check: (): ConfigFinding[] => {
      // CorsMiddleware below the hand-written one is django-mw-two-layers, not an unknown middleware
      // above it.
      const mine = new Set(all.map((m) => entryOf(stack, m)?.name));
      const own = settings
        ? checkDjango(settings).filter(
            (f) =>
              !(f.code === "django-middleware-order" && mine.has(String(f.words.params?.name ?? ""))) &&
              // CORS_* settings without corsheaders: the project's own middleware is what reads them.
              !(f.code === "django-no-middleware" && mine.size > 0),
          )
        : [];
      return [...checkHandStack(stack), ...own];
    },
  };
}

const PROBE_PATHS = ["/api/x/", "/"];

function checkHandStack(stack: Stack): ConfigFinding[] {
  const probe = (method: string, origin: string, headers: HeaderList) => {
    for (const path of PROBE_PATHS)
      try {
        const a = respond(stack, {
          method,
          url: `http://localhost:8000${path}`,
          headers: [["Origin", origin], ...headers],
          upstream: { status: 200, headers: [] },
        });
        if (a.trace.ran.length > 0) return a;
      } catch (e) {
        if (!(e instanceof Unknowable)) throw e;
      }
    return null;
  };
  const order: OrderFacts[] = [];
  const s = stack.settings;
  const list = s?.middleware;
  if (s && list?.known)
    for (const m of stack.hands.flatMap((h) => h.middlewares)) {
      const entry = entryOf(stack, m);
      if (!entry) continue;
      const at = list.value.indexOf(entry);
      const above = list.value.slice(0, at).find((e) => {
        if (e.name === CORS_MIDDLEWARE) return false;
        const layer = layerOf(e.name);
        if (layer === "security") return s.sslRedirect.known ? s.sslRedirect.value : true;
        if (layer === "unknown")
          return !stack.hands.some((h) => h.middlewares.some((x) => entryOf(stack, x) === e));
        return layer !== "passive";
      });
      const cors = list.value.find((e) => e.name === CORS_MIDDLEWARE);
      order.push({
        file: s.file,
        name: entry.name,
        line: entry.line,
        above: above
          ? { name: above.name, line: above.line, known: layerOf(above.name) !== "unknown" }
          : null,
        corsheaders: cors ? { line: cors.line } : null,
        authBelow: (() => {
          const e = list.value
            .slice(at + 1)
            .find((x) => layerOf(x.name) === "unknown" && /auth|api.?key|token|jwt|permission/i.test(x.name));
          return e ? { name: e.name, line: e.line } : null;
        })(),
      });
    }
  return checkHand(probe, { listed: writtenOrigins(stack), stranger: "https://stranger.example" }, order);
}

export function setsCors(config: DjangoConfig | HandDjangoConfig): boolean {
  if ("stack" in config) return config.stack.hands.some((h) => h.middlewares.length > 0);
  return settingsSetCors(config.settings);
}

/** `from .base import *` not passed: CORS may be set there. */
export function unresolved(
  config: DjangoConfig | HandDjangoConfig,
): Array<{ file: string; line: number; args: Array<{ value: string }> }> {
  const out = config.notes.map((n) => ({
    file: String(n.params?.file ?? ""),
    line: Number(n.params?.line ?? 0),
    args: [{ value: String(n.params?.pattern ?? "") }],
  }));
  // A middleware of the project named for CORS in MIDDLEWARE: its file sets the headers (pass it too).
  if (!("stack" in config) && config.settings.middleware.known)
    for (const m of config.settings.middleware.value)
      if (layerOf(m.name) === "unknown" && m.name !== CORS_MIDDLEWARE && /cors/i.test(m.name))
        out.push({ file: config.settings.file, line: m.line, args: [{ value: m.name }] });
  return out;
}

const BASE = "http://localhost:8000";

/** A sample origin a regex accepts, for the standard requests (kept only if it is allowed before). */
function sampleOf(pattern: string): string | null {
  const guess = pattern
    .replace(/^\^|\$$|\\Z$/g, "")
    .replace(/\((?:\?:)?([^()|]*)\|[^()]*\)/g, "$1")
    .replace(/\[[^\]]*\][+*]|\\w[+*]|\.[+*]|\[\^[^\]]*\][+*]/g, "app")
    .replace(/\?/g, "")
    .replace(/\\(.)/g, "$1");
  const re = pyRegex(pattern);
  return re?.test(guess) && /^https?:\/\/[^/]+$/.test(guess) ? guess : null;
}

function allowanceOf(s: DjangoSettings): Allowance[] {
  const known = <T>(v: { known: boolean; value?: T }, d: T): T => (v.known ? (v.value as T) : d);
  const origins = new Set<string>();
  for (const o of known(s.origins, [] as string[])) if (/^https?:\/\/[^/]+$/.test(o)) origins.add(o);
  for (const p of known(s.regexes, [] as string[])) {
    const o = sampleOf(p);
    if (o) origins.add(o);
  }
  if (known(s.allowAll, false)) origins.add(STRANGER_ORIGIN);
  if (origins.size === 0) return [];
  const urls = known(s.urlsRegex, "^.*$");
  const prefix = /^\^?(\/[A-Za-z0-9_-]+\/)/.exec(urls)?.[1];
  const paths = prefix ? [`${prefix}x/`] : ["/", "/api/x/"];
  const methods = known(s.methods, [] as string[]).map((m) => m.toUpperCase());
  // A string setting's characters are no names a page sends: nothing of it is kept.
  const spelled = (v: typeof s.headers) => v.known && v.from?.value.t === "str";
  const headers = (spelled(s.headers) ? [] : known(s.headers, [] as string[])).filter(
    (h) => !/^(origin|user-agent|accept-encoding|dnt)$/i.test(h),
  );
  return paths.map((p) => ({
    url: `${BASE}${p}`,
    origins: [...origins],
    methods,
    headers,
    credentials: known(s.credentials, false),
  }));
}

/** One round of edits for the failing requests (each request's first failing check). */
export function patchDjango(
  config: DjangoConfig | HandDjangoConfig,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  if ("stack" in config) return patchHand(config.stack, failing);
  const s = config.settings;
  const p = new Patcher(s);
  const origins = new Set<string>();
  const headers = new Set<string>();
  const methods = new Set<string>();
  const askedOf = new Map<string, string[]>();
  const ask = (id: string, what: string) => askedOf.set(what, [...(askedOf.get(what) ?? []), id]);
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    const path = new URL(spec.url).pathname;
    try {
      if (unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)) {
        // A middleware above CorsMiddleware may answer: CorsMiddleware goes above it (route() would
        // stop at the same middleware).
        if (unknownKey === "config.django.unknown.middleware") p.middlewareFirst();
        else {
          const r = route(s, { method: "OPTIONS", url: spec.url, headers: [["Origin", spec.origin]] });
          if (!r.cors) p.middlewareFirst();
          else if (!r.enabled) p.widenUrls(path);
        }
        ask(spec.id, "structure");
        continue;
      }
      const fault = faultOf(spec, judged);
      if (!fault) continue;
      if (!("hop" in fault)) {
        p.cannot.set(spec.id, fault);
        continue;
      }
      const { cause, request } = fault;
      const r = route(s, request);
      if (r.first || !r.cors) {
        p.middlewareFirst();
        ask(spec.id, "structure");
        continue;
      }
      if (!r.enabled) {
        p.widenUrls(new URL(request.url).pathname);
        ask(spec.id, "structure");
        continue;
      }
      switch (cause.code) {
        case "missing-allow-origin":
          if (!originAllowed(s, spec.origin)) {
            origins.add(spec.origin);
            ask(spec.id, "origins");
          } else p.cannot.set(spec.id, { key: "config.django.cannot.app-sets", params: { path } });
          break;
        case "wildcard-origin-with-credentials":
          p.cannot.set(spec.id, {
            key: "config.django.cannot.all-credentials",
            params: { line: s.allowAll.from?.stmt.line ?? 0 },
          });
          break;
        case "allow-credentials-not-true":
          p.credentials();
          ask(spec.id, "credentials");
          break;
        case "method-not-allowed":
          methods.add(spec.method.toUpperCase());
          ask(spec.id, "methods");
          break;
        case "header-not-allowed":
          // The names the preflight asked for too (an If-None-Match the page set itself is the
          // script's, not the browser cache's: whatif.ts unsafeNames).
          for (const h of unsafeNames(spec)) headers.add(h.toLowerCase());
          ask(spec.id, "headers");
          break;
        case "allow-origin-mismatch":
        case "multiple-allow-origin":
        case "invalid-allow-origin":
          p.cannot.set(spec.id, { key: "config.django.cannot.app-sets", params: { path } });
          break;
        default:
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
      }
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
      p.cannot.set(spec.id, e.why);
    }
  }
  p.extendList("CORS_ALLOWED_ORIGINS", [...origins]);
  const have = (v: { known: boolean; value?: string[] }) =>
    v.known ? (v.value ?? []).map((x) => x.toLowerCase()) : [];
  p.extendList(
    "CORS_ALLOW_HEADERS",
    [...headers].filter((h) => !have(s.headers).includes(h)),
  );
  p.extendList(
    "CORS_ALLOW_METHODS",
    [...methods].filter((m) => !have(s.methods).includes(m.toLowerCase())),
  );
  const why = p.cannotAll[0];
  if (why)
    for (const ids of askedOf.values()) for (const id of ids) if (!p.cannot.has(id)) p.cannot.set(id, why);
  return { edits: p.edits, cannot: p.cannot };
}

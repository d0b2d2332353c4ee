/**
 * A Django `settings.py` read as django-cors-headers reads it (corsheaders/conf.py, 3.14, the version
 * Debian ships: https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/conf.py):
 * each setting's value and where it is written, the old names standing in for the new ones, and the
 * MIDDLEWARE list with the position of CorsMiddleware.
 */

import {
  type Assignment,
  CORSHEADERS_DEFAULTS,
  type ModuleContext,
  type PyModule,
  type PyVal,
  readModule,
  strings,
} from "../python/values";
import type { ConfigFile, Words } from "../types";

export const CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware";

/** A setting's value as corsheaders sees it: known, unset (the default applies) or unknown (why). */
export type Value<T> =
  | { known: true; value: T; from: Assignment | null }
  | { known: false; why: Words; from: Assignment };

export interface Middleware {
  name: string;
  line: number;
  start: number;
  end: number;
  /** Where it is written, when not the settings module itself (a module it star-imports). */
  file?: string;
}

export interface DjangoSettings {
  /** The settings module in effect (DJANGO_SETTINGS_MODULE's file). */
  file: string;
  /** Its text and that of each module it star-imports, by file (where edits go). */
  texts: ReadonlyMap<string, string>;
  mod: PyModule;
  allowAll: Value<boolean>;
  origins: Value<string[]>;
  regexes: Value<string[]>;
  credentials: Value<boolean>;
  headers: Value<string[]>;
  methods: Value<string[]>;
  expose: Value<string[]>;
  maxAge: Value<number>;
  urlsRegex: Value<string>;
  appendSlash: Value<boolean>;
  sslRedirect: Value<boolean>;
  staticUrl: Value<string>;
  /** MIDDLEWARE in order; null when not a list of known strings (why). */
  middleware: Value<Middleware[]>;
  apps: Value<string[]>;
}

const unknownWhy = (a: Assignment): Words => ({
  key: "config.django.unknown.value",
  params: { name: a.name, line: a.stmt.line, text: a.value.t === "unknown" ? a.value.text.slice(0, 80) : "" },
});

function pick(mod: PyModule, names: string[]): Assignment | null {
  for (const n of names) {
    const a = mod.names.get(n);
    if (a) return a;
  }
  return null;
}

function typed<T>(mod: PyModule, names: string[], fallback: T, read: (v: PyVal) => T | null): Value<T> {
  const a = pick(mod, names);
  if (!a) return { known: true, value: fallback, from: null };
  const v = read(a.value);
  if (v === null) return { known: false, why: unknownWhy(a), from: a };
  return { known: true, value: v, from: a };
}

/** Python truthiness of a literal, as getattr(settings, …) used in an `if` sees it. */
const truthy = (v: PyVal): boolean | null =>
  v.t === "bool"
    ? v.v
    : v.t === "int"
      ? v.v !== 0
      : v.t === "none"
        ? false
        : v.t === "str"
          ? v.v !== ""
          : null;

export function readSettings(
  file: ConfigFile,
  star?: ModuleContext["star"],
  texts: ReadonlyMap<string, string> = new Map([[file.path, file.text]]),
): DjangoSettings {
  const mod = readModule(file.text, star ? { file: file.path, star } : undefined);
  const list = (v: PyVal) => strings(v);
  // `CORS_ALLOW_HEADERS = ("x-token")` is a string, not a tuple: django-cors-headers joins what it
  // iterates (", ".join(…)), so the answer names its characters one by one (adamchainz/django-cors-headers#89).
  const chars = (v: PyVal) => (v.t === "str" ? [...v.v] : strings(v));
  const middlewareOf = (): Value<Middleware[]> => {
    const a = mod.names.get("MIDDLEWARE");
    if (!a) return { known: true, value: [], from: null };
    if (a.value.t !== "seq" || a.value.items.some((i) => i.t !== "str"))
      return { known: false, why: unknownWhy(a), from: a };
    return {
      known: true,
      value: a.value.items.map((i) => {
        const s = i as Extract<PyVal, { t: "str" }>;
        return { name: s.v, line: s.at.line, start: s.at.start, end: s.at.end, file: s.at.file };
      }),
      from: a,
    };
  };
  return {
    file: file.path,
    texts,
    mod,
    allowAll: typed(mod, ["CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL"], false, truthy),
    origins: typed(mod, ["CORS_ALLOWED_ORIGINS", "CORS_ORIGIN_WHITELIST"], [], list),
    regexes: typed(mod, ["CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST"], [], list),
    credentials: typed(mod, ["CORS_ALLOW_CREDENTIALS"], false, truthy),
    headers: typed(mod, ["CORS_ALLOW_HEADERS"], [...(CORSHEADERS_DEFAULTS.default_headers ?? [])], chars),
    methods: typed(mod, ["CORS_ALLOW_METHODS"], [...(CORSHEADERS_DEFAULTS.default_methods ?? [])], chars),
    expose: typed(mod, ["CORS_EXPOSE_HEADERS"], [], list),
    maxAge: typed(mod, ["CORS_PREFLIGHT_MAX_AGE"], 86400, (v) =>
      v.t === "int" ? v.v : v.t === "none" ? 0 : null,
    ),
    urlsRegex: typed(mod, ["CORS_URLS_REGEX"], "^.*$", (v) => (v.t === "str" ? v.v : null)),
    appendSlash: typed(mod, ["APPEND_SLASH"], true, truthy),
    sslRedirect: typed(mod, ["SECURE_SSL_REDIRECT"], false, truthy),
    staticUrl: typed(mod, ["STATIC_URL"], "/static/", (v) =>
      v.t === "str" ? v.v : v.t === "none" ? "" : null,
    ),
    middleware: middlewareOf(),
    apps: typed(mod, ["INSTALLED_APPS"], [], list),
  };
}

/** Any CORS_* setting, or CorsMiddleware in MIDDLEWARE. */
export function setsCors(s: DjangoSettings): boolean {
  return (
    [...s.mod.names.keys()].some((n) => n.startsWith("CORS_")) ||
    (s.middleware.known && s.middleware.value.some((m) => m.name === CORS_MIDDLEWARE))
  );
}

/**
 * Python `re.match` patterns as JavaScript regexes (anchored at the start as re.match is), or null
 * for syntax JavaScript reads differently (possessive or atomic groups, inline flags mid-pattern).
 */
export function pyRegex(pattern: string): RegExp | null {
  let p = pattern;
  let flags = "";
  const inline = /^\(\?([aiLmsux]+)\)/.exec(p);
  if (inline) {
    if (/[aLux]/.test(inline[1] ?? "")) return null;
    flags = [...new Set(inline[1])].join("");
    p = p.slice(inline[0].length);
  }
  if (/\(\?>|\(\?P=|\(\?[aiLmsux-]+[:)]|[*+?}]\+/.test(p)) return null;
  p = p
    .replace(/\(\?P</g, "(?<")
    .replace(/\\A/g, "^")
    .replace(/\\Z/g, "$(?![\\s\\S])");
  try {
    return new RegExp(`^(?:${p})`, flags);
  } catch {
    return null;
  }
}

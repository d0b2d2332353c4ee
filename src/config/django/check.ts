/**
 * `check --config` on a Django settings file: django-cors-headers set up so that it does not act
 * (not in MIDDLEWARE, below a middleware that answers first), origins corsheaders refuses at startup
 * (its system checks E013/E014: https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/checks.py),
 * every origin reflected with credentials, origin regexes that match more than meant, `null`.
 */

import { distance } from "../distance";
import { dropsWrite } from "../methods";
import { quotedRegex, regexWithoutScheme } from "../origin-regex";
import { type Span, strings } from "../python/values";
import type { ConfigFinding, Words } from "../types";
import { layerOf } from "./answer";
import { CORS_MIDDLEWARE, type DjangoSettings, pyRegex } from "./settings";

/** The settings django-cors-headers reads (3.14's conf.py, and 4's CORS_ALLOW_PRIVATE_NETWORK). */
const READ_SETTINGS = new Set([
  "CORS_ALLOW_HEADERS",
  "CORS_ALLOW_METHODS",
  "CORS_ALLOW_CREDENTIALS",
  "CORS_PREFLIGHT_MAX_AGE",
  "CORS_ALLOW_ALL_ORIGINS",
  "CORS_ORIGIN_ALLOW_ALL",
  "CORS_ALLOWED_ORIGINS",
  "CORS_ORIGIN_WHITELIST",
  "CORS_ALLOWED_ORIGIN_REGEXES",
  "CORS_ORIGIN_REGEX_WHITELIST",
  "CORS_EXPOSE_HEADERS",
  "CORS_URLS_REGEX",
  "CORS_REPLACE_HTTPS_REFERER",
  "CORS_ALLOW_PRIVATE_NETWORK",
]);

export function checkDjango(s: DjangoSettings): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  // A line of the settings module, or a span (of a module it star-imports, too).
  const add = (
    code: string,
    severity: "error" | "warning",
    at: number | Pick<Span, "line" | "file">,
    words: Words,
    also?: number,
  ) =>
    out.push({
      code,
      severity,
      file: typeof at === "number" ? s.file : (at.file ?? s.file),
      line: typeof at === "number" ? at : at.line,
      words,
      ...(also !== undefined ? { also: [{ file: s.file, line: also }] } : {}),
    });
  const corsNames = s.mod.assignments.filter((a) => a.name.startsWith("CORS_"));
  // The new name set hides the old one whatever each holds (django-cors-headers' conf.py reads
  // CORS_ALLOWED_ORIGINS first, CORS_ORIGIN_WHITELIST only when it is not set at all).
  for (const [now, old] of [
    ["CORS_ALLOWED_ORIGINS", "CORS_ORIGIN_WHITELIST"],
    ["CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST"],
    ["CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL"],
  ] as const) {
    const a = s.mod.names.get(now);
    const b = s.mod.names.get(old);
    if (a && b)
      add("django-old-setting-hidden", "warning", a.stmt, {
        key: "config.django.check.old-hidden",
        params: { name: now, old, line: b.stmt.line },
      });
  }
  // A list setting written as one string (`("x-token")`, the tuple's comma left out): what
  // django-cors-headers iterates is its characters (adamchainz/django-cors-headers#89).
  for (const name of [
    "CORS_ALLOWED_ORIGINS",
    "CORS_ORIGIN_WHITELIST",
    "CORS_ALLOW_HEADERS",
    "CORS_ALLOW_METHODS",
    "CORS_EXPOSE_HEADERS",
  ]) {
    const a = s.mod.names.get(name);
    if (a?.value.t === "str")
      add("django-setting-string", "error", a.stmt, {
        key: "config.django.check.setting-string",
        params: { name, value: a.value.v },
      });
  }
  // A list that replaces django-cors-headers' defaults
  // (https://github.com/adamchainz/django-cors-headers#cors_allow_headers-sequencestr) and leaves out
  // what pages send: content-type (a JSON body is preflighted), or an update method beside others it
  // keeps (dropsWrite: a list without PUT, PATCH or DELETE is a choice, not this). The README's way keeps the defaults:
  // `(*default_headers, "x-api-key")`.
  // With cookies (CORS_ALLOW_CREDENTIALS) and Django's CSRF middleware, every unsafe call the page makes
  // carries the CSRF token header (X-CSRFToken, or CSRF_HEADER_NAME's;
  // https://docs.djangoproject.com/en/stable/howto/csrf/#using-csrf-protection-with-ajax): a list
  // without it refuses each one's preflight.
  const csrfHeader = csrfHeaderName(s);
  for (const [name, drop] of [
    [
      "CORS_ALLOW_HEADERS",
      (v: string[]) => [
        ...(v.length > 0 && !v.includes("content-type") ? ["content-type"] : []),
        ...(v.length > 0 && csrfHeader && !v.includes(csrfHeader) ? [csrfHeader] : []),
      ],
    ],
    ["CORS_ALLOW_METHODS", (v: string[]) => dropsWrite(v).map((m) => m.toUpperCase())],
  ] as const) {
    const a = s.mod.names.get(name);
    const list = a?.value.t === "seq" ? strings(a.value) : null;
    if (!a || !list || a.conditional) continue;
    const missing = drop(list.map((x) => x.toLowerCase()));
    if (missing.length > 0)
      add("django-setting-drops-default", "warning", a.stmt, {
        key: "config.django.check.drops-default",
        params: { name, values: missing.join(", ") },
      });
  }
  // CORS settings set only under a condition the file does not decide (`if DEBUG:` with DEBUG read
  // from the environment): where it does not hold — a deployed instance with DEBUG off — none of them
  // is set, and django-cors-headers allows no origin. Named at the `if` line, once per `if`.
  const named = new Set<number>();
  for (const a of corsNames) {
    const onlyUnder = (b: typeof a) =>
      b.conditional &&
      (b.stmt.file === undefined || b.stmt.file === s.file) &&
      !corsNames.some((c) => c.name === b.name && !c.conditional);
    if (!onlyUnder(a)) continue;
    const cond = ifAround(s.mod.tree.rootNode, a.stmt.start);
    // With an else (or elif) the other branch sets its own: not "none of them".
    if (!cond || cond.otherwise || named.has(cond.line)) continue;
    named.add(cond.line);
    const names = [
      ...new Set(
        corsNames
          .filter((b) => onlyUnder(b) && b.stmt.start >= cond.start && b.stmt.start < cond.end)
          .map((b) => b.name),
      ),
    ];
    add("django-cors-under-condition", "warning", cond.line, {
      key: "config.django.check.under-condition",
      params: { names: names.join(", "), condition: cond.text },
    });
  }
  // `CORS_ALLOWED_ORIGINS = os.environ.get("X", [])`: set, the variable is one string (a sequence of
  // characters to django-cors-headers, which refuses it at start-up); unset, the default — an empty
  // list allows no origin at all. A list setting read from the environment needs its `.split(",")`.
  for (const a of corsNames) {
    const rhs = s.mod.text.slice(a.rhs.start, a.rhs.end);
    const m = /^(?:os\.)?(?:environ\.get|getenv)\(\s*(["'][^"']*["'])\s*,\s*([[(][^)]*?[\])])\s*\)$/s.exec(
      rhs.trim(),
    );
    if (m)
      add("django-env-list", "error", a.stmt, {
        key: "config.django.check.env-list",
        params: { name: a.name, env: (m[1] ?? "").slice(1, -1), default: m[2] ?? "" },
      });
  }
  const mw = s.middleware;
  if (mw.known) {
    const at = mw.value.findIndex((m) => m.name === CORS_MIDDLEWARE);
    const cors = mw.value[at];
    // MIDDLEWARE not written here may come from a module star-imported and not passed: not said.
    const unseen = !mw.from && s.mod.starImports.length > 0;
    // CorsMiddleware in MIDDLEWARE_CLASSES, the pre-1.10 setting: Django reads it only while MIDDLEWARE
    // is unset, and not at all since 2.0 (django/core/handlers/base.py load_middleware reads
    // settings.MIDDLEWARE only), so the middleware never runs.
    const old = s.mod.names.get("MIDDLEWARE_CLASSES");
    const oldHolds = !!old && s.mod.text.slice(old.rhs.start, old.rhs.end).includes(CORS_MIDDLEWARE);
    if (!cors && old && oldHolds)
      add(
        "django-middleware-classes",
        "error",
        old.stmt,
        { key: "config.django.check.middleware-classes" },
        mw.from && (mw.from.stmt.file ?? s.file) === s.file ? mw.from.stmt.line : undefined,
      );
    else if (!cors && corsNames.length > 0 && !unseen)
      add("django-no-middleware", "error", mw.from?.stmt ?? corsNames[0]?.stmt ?? 1, {
        key: "config.django.check.no-middleware",
      });
    if (cors) {
      const first = mw.value.slice(0, at).find((m) => {
        const layer = layerOf(m.name);
        if (layer === "security") return s.sslRedirect.known ? s.sslRedirect.value : true;
        return layer !== "passive";
      });
      if (first) {
        const known = layerOf(first.name) !== "unknown";
        add(
          "django-middleware-order",
          known ? "error" : "warning",
          { line: cors.line, ...(cors.file ? { file: cors.file } : {}) },
          {
            key: known ? "config.django.check.order" : "config.django.check.order-unknown",
            params: { name: first.name, line: first.line },
          },
        );
      }
      const apps = s.apps;
      if (
        apps.known &&
        apps.from &&
        !apps.value.some((a) => a === "corsheaders" || a.startsWith("corsheaders."))
      )
        add("django-no-app", "warning", apps.from.stmt, { key: "config.django.check.no-app" });
    }
  }
  const allAll = s.allowAll;
  const creds = s.credentials;
  if (allAll.known && allAll.value && creds.known && creds.value && allAll.from)
    add("django-any-origin-credentials", "error", allAll.from.stmt, {
      key: "config.django.check.any-credentials",
      params: { line: creds.from?.stmt.line ?? 0 },
    });
  const origins = s.origins.from;
  if (origins?.value.t === "seq")
    for (const item of origins.value.items) {
      if (item.t !== "str") continue;
      const o = item.v;
      if (o === "null") {
        add("django-null-origin", "warning", item.at, { key: "config.django.check.null" });
        continue;
      }
      const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]+)(.*)$/.exec(o);
      if (!m)
        add("django-origin-scheme", "error", item.at, {
          key: "config.django.check.scheme",
          params: { origin: o },
        });
      else if (m[3] !== "")
        add("django-origin-path", "error", item.at, {
          key: "config.django.check.path",
          params: { origin: o },
        });
    }
  // `CORS_X: True` is an annotation (PEP 526), not an assignment: the name is never bound, so
  // corsheaders reads its default (https://github.com/adamchainz/django-cors-headers/issues/863).
  for (const a of s.mod.tree.rootNode.descendantsOfType("assignment")) {
    if (!a || a.childForFieldName("right")) continue;
    const left = a.childForFieldName("left");
    const type = a.childForFieldName("type");
    if (left?.type !== "identifier" || !type || !/^CORS_[A-Z_]+$/.test(left.text)) continue;
    let up = a.parent;
    while (up && up.type !== "function_definition" && up.type !== "class_definition") up = up.parent;
    if (up) continue;
    add("django-setting-annotated", "error", a.startPosition.row + 1, {
      key: "config.django.check.annotation",
      params: { name: left.text, value: type.text.slice(0, 80) },
    });
  }
  // A CORS_* name django-cors-headers never reads (CORS_ALLOWED_HEADERS for CORS_ALLOW_HEADERS): the
  // setting is silently ignored and the package's default applies
  // (https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/conf.py).
  const unread = new Map<string, Pick<Span, "line" | "file">>();
  // A name the file reads again (`CORS_ORIGINS = …` then `CORS_ALLOWED_ORIGINS = CORS_ORIGINS`) is the
  // project's own helper, not a mistaken setting.
  const uses = (name: string) => s.mod.text.match(new RegExp(`\\b${name}\\b`, "g"))?.length ?? 0;
  for (const a of corsNames)
    if (!READ_SETTINGS.has(a.name) && !unread.has(a.name) && uses(a.name) === 1) unread.set(a.name, a.stmt);
  for (const [name, at] of unread) {
    const near = [...READ_SETTINGS].map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d)[0];
    add("django-setting-not-read", "warning", at, {
      key: near && near.d <= 3 ? "config.django.check.not-read-near" : "config.django.check.not-read",
      params: { name, near: near?.k ?? "" },
    });
  }
  const regexes = s.regexes.from;
  if (regexes?.value.t === "seq")
    for (const item of regexes.value.items) {
      if (item.t !== "str") continue;
      const p = item.v;
      if (quotedRegex(p)) {
        // Named at the string (a default written on its own line) and at the setting's line.
        const line = regexes.stmt.line;
        add(
          "django-regex-quoted",
          "error",
          item.at,
          { key: "config.check.regex-quoted", params: { regex: p } },
          line !== item.at.line ? line : undefined,
        );
        continue;
      }
      if (!pyRegex(p)) continue;
      // A dot that is not escaped before a host label: "example.com" also matches "exampleXcom".
      if (/(^|[^\\])\.[A-Za-z0-9]/.test(p.replace(/\\\\/g, "")))
        add("django-regex-dot", "error", item.at, {
          key: "config.django.check.regex-dot",
          params: { regex: p },
        });
      if (regexWithoutScheme(p, true))
        add("django-regex-no-scheme", "error", item.at, {
          key: "config.check.regex-no-scheme",
          params: { regex: p },
        });
      // re.match anchors the start only: without `$` (or \Z) the pattern accepts any suffix.
      if (!/(\$|\\Z)\)*$/.test(p))
        add("django-regex-anchor", "error", item.at, {
          key: "config.django.check.regex-anchor",
          params: { regex: p },
        });
    }
  return out;
}

/**
 * The header a credentialed page sends its CSRF token in, lower-cased, where CORS_ALLOW_CREDENTIALS is
 * True and MIDDLEWARE has Django's CsrfViewMiddleware; null otherwise. CSRF_HEADER_NAME is the
 * request.META key (`HTTP_X_CSRFTOKEN` by default: https://docs.djangoproject.com/en/stable/ref/settings/#csrf-header-name).
 */
function csrfHeaderName(s: DjangoSettings): string | null {
  const creds = s.mod.names.get("CORS_ALLOW_CREDENTIALS");
  const middleware = s.mod.names.get("MIDDLEWARE");
  if (creds?.value.t !== "bool" || !creds.value.v || middleware?.value.t !== "seq") return null;
  if (!(strings(middleware.value) ?? []).includes("django.middleware.csrf.CsrfViewMiddleware")) return null;
  const named = s.mod.names.get("CSRF_HEADER_NAME");
  const meta = named === undefined ? "HTTP_X_CSRFTOKEN" : named.value.t === "str" ? named.value.v : null;
  if (meta === null || !/^HTTP_[A-Z0-9_]+$/.test(meta)) return null;
  return meta.slice(5).toLowerCase().replaceAll("_", "-");
}

/** The outermost `if` statement of the module holding an offset, with its condition's text. */
function ifAround(
  root: { namedChildren: Array<unknown> },
  at: number,
): { line: number; start: number; end: number; text: string; otherwise: boolean } | null {
  for (const c of root.namedChildren as Array<{
    type: string;
    startIndex: number;
    endIndex: number;
    startPosition: { row: number };
    childForFieldName(name: string): { text: string } | null;
  } | null>) {
    if (c?.type !== "if_statement" || at < c.startIndex || at >= c.endIndex) continue;
    const cond = c.childForFieldName("condition")?.text ?? "";
    return {
      line: c.startPosition.row + 1,
      start: c.startIndex,
      end: c.endIndex,
      text: cond.slice(0, 60),
      otherwise: c.childForFieldName("alternative") !== null,
    };
  }
  return null;
}

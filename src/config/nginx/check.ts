/**
 * `cors-lens check` for nginx: CORS mistakes visible in the configuration itself, each with its
 * file and line. The inheritance rule behind the first two is the headers module's
 * (https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header): a level with any
 * `add_header` of its own inherits none, and without `always` only 2xx/3xx responses get them.
 */
import { regexWithoutScheme, unescapedHostDot } from "../origin-regex";
import type { ConfigFinding } from "../types";
import { ADD_HEADER_STATUSES, type AddHeader, addHeaders, conditionWords, nginxRegex } from "./answer";
import type { Directive } from "./syntax";
import { type Ctx, hasOwn, inheritedLevel, inheritedScalar, type NginxTree, own } from "./tree";

const lower = (s: string) => s.toLowerCase();
const isAcao = (h: AddHeader) => lower(h.name) === "access-control-allow-origin";
const isCors = (h: AddHeader) => lower(h.name).startsWith("access-control-");

/** An `if` body that ends the request with a status `add_header` applies to anyway. */
function returnsListedStatus(ctx: Ctx): boolean {
  if (ctx.kind !== "if") return false;
  const ret = own(ctx, "return").at(-1);
  return !!ret && ADD_HEADER_STATUSES.has(Number(ret.args[0]?.value));
}

function unanchored(regex: string): boolean {
  const body = regex.replace(/^\(\?i\)/, "");
  return !body.startsWith("^") || !(body.endsWith("$") || body.endsWith("$)"));
}

/** The regexes matched against `$http_origin`: `map` keys and `if` conditions. */
function originRegexes(tree: NginxTree): Array<{ regex: string; d: Directive }> {
  const out: Array<{ regex: string; d: Directive }> = [];
  for (const map of tree.maps.values()) {
    if (!/^\$http_origin$/i.test(map.args[0]?.value ?? "")) continue;
    for (const d of map.block?.children ?? []) {
      if (d.name.startsWith("~")) out.push({ regex: d.name.replace(/^~\*?/, ""), d });
    }
  }
  for (const ctx of tree.all) {
    if (ctx.kind !== "if" || !ctx.directive) continue;
    const { words } = conditionWords(ctx.directive);
    if (/^\$http_origin$/i.test(words[0] ?? "") && /^!?~\*?$/.test(words[1] ?? "") && words[2])
      out.push({ regex: words[2], d: ctx.directive });
  }
  return out;
}

/** Whether a value reflects any origin: `$http_origin`, or a map of it whose default is `$http_origin`. */
function reflectsAny(value: string, tree: NginxTree): boolean {
  if (/^\$\{?http_origin\}?$/i.test(value)) return true;
  const m = /^\$\{?(\w+)\}?$/.exec(value);
  const map = m ? tree.maps.get(m[1] as string) : undefined;
  if (!map || !/^\$http_origin$/i.test(map.args[0]?.value ?? "")) return false;
  const fallback = map.block?.children.find((d) => d.name === "default");
  return /^\$\{?http_origin\}?$/i.test(fallback?.args[0]?.value ?? "");
}

/** An `if` that tests the origin guards what it sets: reflection there is an allow-list. */
function guardedByOrigin(ctx: Ctx): boolean {
  for (let c: Ctx | null = ctx; c; c = c.parent) {
    if (c.kind === "if" && c.directive && /^\(?\$http_origin/i.test(c.directive.args[0]?.value ?? ""))
      return true;
  }
  return false;
}

function isOptionsTest(ctx: Ctx): boolean {
  if (!ctx.directive) return false;
  const { words } = conditionWords(ctx.directive);
  return /^\$request_method$/.test(words[0] ?? "") && words[1] === "=" && /^OPTIONS$/i.test(words[2] ?? "");
}

/** An `if ($request_method = OPTIONS)` that returns, in a block around the location (the server's). */
function answeredAbove(loc: Ctx): boolean {
  for (let c = loc.parent; c; c = c.parent)
    if (c.children.some((x) => x.kind === "if" && isOptionsTest(x) && own(x, "return").length > 0))
      return true;
  return false;
}

/** An `if ($http_origin …)` in the location that adds Allow-Origin (CORS for the actual request). */
function guardedAcaoIn(loc: Ctx): boolean {
  return loc.children.some((c) => c.kind === "if" && !isOptionsTest(c) && addHeaders(c).some(isAcao));
}

/** The auth_basic that applies to a location (its own, else the nearest level's), unless `off`. */
function basicAuth(loc: Ctx): Directive | null {
  const d = inheritedScalar(loc, "auth_basic");
  return d && d.args[0]?.value !== "off" ? d : null;
}

/** A map key written like a pattern: anchors, an escaped dot, a group of alternatives, `.*`. */
function looksLikeRegex(key: string): boolean {
  return /^\^|\$$|\\\.|\.\*|\([^)]*\|[^)]*\)/.test(key);
}

/** Two `if ($request_method = X)` of different methods never both match. */
function exclusive(a: Ctx, b: Ctx): boolean {
  if (!a.directive || !b.directive) return false;
  const wa = conditionWords(a.directive).words;
  const wb = conditionWords(b.directive).words;
  return (
    wa[0] === wb[0] &&
    wa[1] === "=" &&
    wb[1] === "=" &&
    /^\$request_method$/.test(wa[0] ?? "") &&
    lower(wa[2] ?? "") !== lower(wb[2] ?? "")
  );
}

/**
 * A regex location that sets CORS headers for file types (`~* \.(ttf|woff)$`), after another regex
 * location of the same block whose pattern takes some of those types too: nginx uses the first
 * regex location that matches (https://nginx.org/en/docs/http/ngx_http_core_module.html#location),
 * so those files never reach the CORS one. Named at the location that takes them.
 */
function shadowedCors(tree: NginxTree, out: ConfigFinding[]): void {
  const regexOf = (c: Ctx) =>
    c.kind === "location" && (c.match?.modifier === "~" || c.match?.modifier === "~*")
      ? nginxRegex(c.match.path, c.match.modifier === "~*")
      : null;
  for (const ctx of tree.all) {
    const locs = ctx.children.filter((c) => regexOf(c) !== null);
    for (const [i, loc] of locs.entries()) {
      if (!addHeaders(loc).some(isAcao)) continue;
      // The file types it names: `\.(?:a|b|c)$` (or `.(a|b)$`, the dot unescaped as often written).
      const types = /\\?\.\((?:\?:)?([\w.|]+)\)\$$/.exec(loc.match?.path ?? "")?.[1]?.split("|") ?? [];
      const own = regexOf(loc);
      for (const earlier of locs.slice(0, i)) {
        if (addHeaders(earlier).some(isAcao)) continue;
        const re = regexOf(earlier);
        const taken = types.filter((t) => {
          const sample = `/a/b.${t.replace(/\\/g, "")}`;
          return own?.test(sample) && re?.test(sample);
        });
        if (taken.length > 0 && earlier.directive) {
          out.push({
            code: "cors-location-shadowed",
            severity: "error",
            file: earlier.directive.file,
            line: earlier.directive.line,
            words: {
              key: "config.check.location-shadowed",
              params: { types: taken.join(", "), line: loc.directive?.line ?? 0 },
            },
          });
          break;
        }
      }
    }
  }
}

export function checkNginx(tree: NginxTree): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const at = (d: Directive) => ({ file: d.file, line: d.line });
  shadowedCors(tree, out);
  // A location nested in a proxied one, with CORS headers and no handler of its own: proxy_pass is
  // not inherited (https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass), so what it
  // takes is looked up under root instead of reaching the application (a 404 for the files it names).
  for (const ctx of tree.all) {
    const parent = ctx.parent;
    const handlers = [
      "proxy_pass",
      "fastcgi_pass",
      "uwsgi_pass",
      "scgi_pass",
      "grpc_pass",
      "return",
      "alias",
      "try_files",
    ];
    if (
      ctx.kind !== "location" ||
      parent?.kind !== "location" ||
      !ctx.directive ||
      !hasOwn(parent, "proxy_pass", "fastcgi_pass", "uwsgi_pass") ||
      hasOwn(ctx, ...handlers, "root") ||
      !addHeaders(ctx).some(isAcao)
    )
      continue;
    out.push({
      code: "nested-location-not-proxied",
      severity: "warning",
      file: ctx.directive.file,
      line: ctx.directive.line,
      words: {
        key: "config.check.nested-not-proxied",
        params: { line: parent.directive?.line ?? 0 },
      },
    });
  }
  for (const ctx of tree.all) {
    const headers = addHeaders(ctx);
    if (headers.length === 0) continue;
    // 1. This level's add_header drops the CORS headers the enclosing level adds.
    const parentLevel = ctx.parent ? inheritedLevel(ctx.parent, "add_header") : null;
    const inherited = addHeaders(parentLevel).filter(isCors);
    const mine = new Set(headers.map((h) => lower(h.name)));
    const dropped = [...new Set(inherited.map((h) => h.name))].filter((n) => !mine.has(lower(n)));
    if (dropped.length > 0 && parentLevel) {
      out.push({
        code: "nested-add-header-drops-cors",
        severity: dropped.some((n) => lower(n) === "access-control-allow-origin") ? "error" : "warning",
        ...at(headers[0]?.directive as Directive),
        words: {
          key: "config.check.nested-drops",
          params: { names: dropped.join(", "), line: inherited[0]?.directive.line ?? 0, block: ctx.kind },
        },
      });
    }
    // 1b. `try_files … @name`: the request is answered by the named location, which inherits from
    // the server, not from this location (https://nginx.org/en/docs/http/ngx_http_core_module.html#try_files).
    const fallback = ctx.kind === "location" ? own(ctx, "try_files")[0]?.args.at(-1)?.value : undefined;
    const server = fallback?.startsWith("@") ? ctx.parent : null;
    const named = server?.children.find((l) => l.kind === "location" && l.match?.path === fallback);
    const cors = headers.filter(isCors);
    if (named && cors.length > 0) {
      const there = new Set(addHeaders(inheritedLevel(named, "add_header")).map((h) => lower(h.name)));
      const lost = [...new Set(cors.map((h) => h.name))].filter((n) => !there.has(lower(n)));
      if (lost.length > 0)
        out.push({
          code: "named-location-drops-cors",
          severity: lost.some((n) => lower(n) === "access-control-allow-origin") ? "error" : "warning",
          ...at(cors[0]?.directive as Directive),
          words: {
            key: "config.check.named-location-drops",
            params: { names: lost.join(", "), name: fallback ?? "", line: named?.directive?.line ?? 0 },
          },
        });
    }
    const acao = headers.filter(isAcao);
    // 2. No `always`: 4xx and 5xx answers carry no CORS headers, so the page cannot read the error.
    const first = acao[0];
    if (first && !first.always && !returnsListedStatus(ctx)) {
      out.push({
        code: "no-always",
        severity: "warning",
        ...at(first.directive),
        words: { key: "config.check.no-always" },
      });
    }
    // 8. Two Access-Control-Allow-Origin lines in one response.
    if (acao.length > 1) {
      out.push({
        code: "duplicate-allow-origin",
        severity: "error",
        ...at((acao[1] as AddHeader).directive),
        words: { key: "config.check.duplicate", params: { line: first?.directive.line ?? 0 } },
      });
    }
    const creds = headers.find(
      (h) => lower(h.name) === "access-control-allow-credentials" && lower(h.value) === "true",
    );
    // `Access-Control-Allow-Methods: *` or `-Headers: *` with credentials: the `*` is a wildcard
    // only for a request without credentials (https://fetch.spec.whatwg.org/#cors-preflight-fetch,
    // steps 7–8); with them it names a method or header called "*", so a credentialed PUT or
    // Authorization header is refused.
    for (const h of headers)
      if (
        creds &&
        ["access-control-allow-methods", "access-control-allow-headers"].includes(lower(h.name)) &&
        h.value.trim() === "*"
      )
        out.push({
          code: "wildcard-list-with-credentials",
          severity: "error",
          ...at(h.directive),
          words: {
            key: "config.check.wildcard-list-credentials",
            params: { name: h.name, line: creds.directive.line },
          },
        });
    for (const h of acao) {
      const v = h.value.trim();
      if (v === "*" && creds) {
        out.push({
          code: "wildcard-with-credentials",
          severity: "error",
          ...at(h.directive),
          words: { key: "config.check.wildcard-credentials", params: { line: creds.directive.line } },
        });
      }
      if (creds && reflectsAny(v, tree) && !guardedByOrigin(ctx)) {
        out.push({
          code: "reflected-with-credentials",
          severity: "error",
          ...at(h.directive),
          words: { key: "config.check.reflected-credentials", params: { line: creds.directive.line } },
        });
      }
      if (
        v.includes("$") &&
        !headers.some((x) => lower(x.name) === "vary" && /(^|[\s,])origin($|[\s,])/i.test(x.value))
      ) {
        out.push({
          code: "vary-origin-missing",
          severity: "warning",
          ...at(h.directive),
          words: { key: "config.check.vary" },
        });
      }
      if (!v.includes("$") && /\S[\s,]+\S/.test(v)) {
        out.push({
          code: "origin-list",
          severity: "error",
          ...at(h.directive),
          words: { key: "config.check.origin-list" },
        });
      }
      if (lower(v) === "null") {
        out.push({
          code: "null-origin-allowed",
          severity: "warning",
          ...at(h.directive),
          words: { key: "config.check.null" },
        });
      }
    }
  }
  // 9 and 10, per location: what the preflight meets before any CORS answer, and CORS set for the
  // preflight alone.
  for (const loc of tree.all.filter((c) => c.kind === "location" && c.directive)) {
    const level = inheritedLevel(loc, "add_header");
    const hasAcao = addHeaders(level).some(isAcao);
    const optionsIf = loc.children.find((c) => c.kind === "if" && isOptionsTest(c));
    // A `rewrite … break` (last, redirect, permanent) ahead of it ends the rewrite module's directives in
    // the location (https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#rewrite): that `if` never
    // runs, and the preflight goes on. Named at the rewrite.
    const ends = own(loc, "rewrite").find((d) =>
      /^(break|last|redirect|permanent)$/.test(d.args.at(-1)?.value ?? ""),
    );
    const skipped =
      !!optionsIf?.directive &&
      !!ends &&
      ends.file === optionsIf.directive.file &&
      ends.start < optionsIf.directive.start;
    if (skipped && ends && optionsIf?.directive)
      out.push({
        code: "preflight-if-after-rewrite",
        severity: "error",
        ...at(ends),
        words: {
          key: "config.nginx.check.options-after-rewrite",
          params: { line: optionsIf.directive.line, flag: ends.args.at(-1)?.value ?? "" },
        },
      });
    // Or the enable-cors.org shape: `if ($request_method = OPTIONS) { set $cors "${cors}-options"; }`,
    // then `if ($cors = "allowed-options") { … return 204; }` — an `if` on a variable the OPTIONS test
    // sets, that returns.
    const optionsVars = new Set(
      loc.children
        .filter((c) => c.kind === "if" && isOptionsTest(c))
        .flatMap((c) => own(c, "set").map((d) => d.args[0]?.value ?? "")),
    );
    const viaVariable = loc.children.some(
      (c) =>
        c.kind === "if" &&
        !!c.directive &&
        own(c, "return").length > 0 &&
        optionsVars.has(conditionWords(c.directive).words[0]?.replace(/^\(/, "") ?? ""),
    );
    const answersPreflight = !!optionsIf && own(optionsIf, "return").length > 0 && !skipped;
    const preflightAnswered = answersPreflight || viaVariable;
    const ifAcao = optionsIf ? addHeaders(inheritedLevel(optionsIf, "add_header")).some(isAcao) : false;
    if (optionsIf && ifAcao && !hasAcao && !guardedAcaoIn(loc)) {
      out.push({
        code: "cors-on-preflight-only",
        severity: "error",
        ...at(optionsIf.directive as Directive),
        words: { key: "config.check.preflight-only" },
      });
    }
    // The preflight answered here with neither Access-Control-Allow-Methods nor -Headers: every
    // preflight asks for a method or a header beyond the safelisted ones, so none passes
    // (https://fetch.spec.whatwg.org/#cors-preflight-fetch). `Allow` is the 405's header, not read.
    if (optionsIf && answersPreflight && ifAcao) {
      const sent = addHeaders(inheritedLevel(optionsIf, "add_header"));
      const names = new Set(sent.map((h) => lower(h.name)));
      const allow = sent.find((h) => lower(h.name) === "allow");
      // Methods listed under `Allow` were meant for Access-Control-Allow-Methods: without it a
      // preflight passes for GET, HEAD and POST alone.
      if (
        !names.has("access-control-allow-methods") &&
        (allow || !names.has("access-control-allow-headers"))
      ) {
        const acao = sent.find(isAcao);
        out.push({
          code: "preflight-allows-nothing",
          severity: "error",
          ...at((allow ?? acao)?.directive ?? (optionsIf.directive as Directive)),
          words: {
            key: allow ? "config.check.preflight-allow-header" : "config.check.preflight-allows-nothing",
          },
        });
      }
    }
    if (!hasAcao) continue;
    const refusal =
      loc.children.find(
        (c) =>
          c.kind === "limit_except" && !(c.directive?.args ?? []).some((a) => /^OPTIONS$/i.test(a.value)),
      )?.directive ??
      // auth_basic is inherited from the server and http levels (a location's own, `off` too, wins),
      // and runs in the access phase, after an `if … return` of the rewrite phase could answer.
      (preflightAnswered ? null : basicAuth(loc));
    if (refusal) {
      out.push({
        code: "preflight-refused",
        severity: "error",
        ...at(refusal),
        words: { key: "config.check.preflight-refused", params: { directive: refusal.name } },
      });
      continue;
    }
    // 11. nginx adds the CORS headers but hands the preflight on: the OPTIONS request reaches the
    // application behind proxy_pass, whose status (a 404 or 405 for a method it has no route for,
    // a 401 from its auth) fails the preflight (https://fetch.spec.whatwg.org/#cors-preflight-fetch,
    // "ok status"). An `if ($request_method = OPTIONS) { return …; }` here or in the server answers it.
    const upstream = own(loc, "proxy_pass")[0] ?? own(loc, "fastcgi_pass")[0] ?? own(loc, "uwsgi_pass")[0];
    if (upstream && !preflightAnswered && !answeredAbove(loc))
      out.push({
        code: "preflight-to-upstream",
        severity: "warning",
        ...at(upstream),
        words: {
          key: "config.nginx.check.preflight-upstream",
          params: { directive: upstream.name, example: "if ($request_method = OPTIONS) { … return 204; }" },
        },
      });
    // 12. A location nginx serves from disk (alias, root, try_files; no handler that passes the request
    // on) that sends preflight headers (Allow-Methods or Allow-Headers: it expects preflights) but does
    // not answer OPTIONS itself: the static module answers OPTIONS 405
    // (https://github.com/nginx/nginx/blob/master/src/http/modules/ngx_http_static_module.c,
    // NGX_HTTP_NOT_ALLOWED for any method but GET, HEAD and POST), which fails the preflight.
    // Named at the location (IFRCGo/go-api#2141: a traced request's sentry-trace header).
    const handler = ["proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "return"];
    const preflightHeaders = addHeaders(level).some((h) =>
      /^access-control-allow-(methods|headers)$/i.test(h.name),
    );
    if (
      !upstream &&
      !hasOwn(loc, ...handler) &&
      hasOwn(loc, "alias", "root", "try_files") &&
      preflightHeaders &&
      !preflightAnswered &&
      !answeredAbove(loc) &&
      loc.directive
    )
      out.push({
        code: "preflight-static-405",
        severity: "warning",
        ...at(loc.directive),
        words: {
          key: "config.nginx.check.preflight-static",
          params: { example: "if ($request_method = OPTIONS) { … return 204; }" },
        },
      });
  }
  // 2c. Two `if` blocks of one location that can both match: nginx serves the request with the
  // configuration of the last one that matched alone (https://www.nginx.com/resources/wiki/start/topics/depth/ifisevil/),
  // so the CORS add_header lines of the earlier one are not sent where the later one matches too.
  for (const loc of tree.all) {
    if (loc.kind !== "location") continue;
    const ifs = loc.children.filter((c) => c.kind === "if" && c.directive);
    for (const [i, first] of ifs.entries()) {
      if (!addHeaders(first).some(isCors) || own(first, "return").length > 0) continue;
      const later = ifs.slice(i + 1).find((b) => !addHeaders(b).some(isCors) && !exclusive(first, b));
      if (later?.directive)
        out.push({
          code: "if-replaces-cors-if",
          severity: "warning",
          ...at(later.directive),
          words: { key: "config.nginx.check.if-replaces", params: { line: first.directive?.line ?? 0 } },
        });
    }
  }
  // 3. Origin regexes: unescaped dots, missing anchors, `null`.
  for (const { regex, d } of originRegexes(tree)) {
    if (unescapedHostDot(regex))
      out.push({
        code: "origin-regex-dot",
        severity: "error",
        ...at(d),
        words: { key: "config.check.regex-dot", params: { regex } },
      });
    if (unanchored(regex))
      out.push({
        code: "origin-regex-anchor",
        severity: "error",
        ...at(d),
        words: { key: "config.check.regex-anchor", params: { regex } },
      });
    if (regexWithoutScheme(regex))
      out.push({
        code: "origin-no-scheme",
        severity: "error",
        ...at(d),
        words: { key: "config.check.regex-no-scheme", params: { regex } },
      });
  }
  for (const map of tree.maps.values()) {
    if (!/^\$http_origin$/i.test(map.args[0]?.value ?? "")) continue;
    for (const d of map.block?.children ?? []) {
      const value = d.args[0]?.value ?? "";
      if (value === "" || value === "0") continue;
      const key = d.name.startsWith("~") ? null : d.name;
      // A map key is a regular expression only after ~ or ~*
      // (https://nginx.org/en/docs/http/ngx_http_map_module.html#map): one written like a pattern
      // without it is compared with the Origin as it is written, and no Origin equals it.
      if (
        key !== null &&
        !["default", "hostnames", "include", "volatile"].includes(key) &&
        looksLikeRegex(key)
      )
        out.push({
          code: "map-regex-without-tilde",
          severity: "error",
          ...at(d),
          words: { key: "config.nginx.check.map-regex", params: { key } },
        });
      if (key === "null")
        out.push({
          code: "null-origin-allowed",
          severity: "warning",
          ...at(d),
          words: { key: "config.check.null" },
        });
    }
  }
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

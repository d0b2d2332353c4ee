/**
 * Which server software answered, told from the evidence: `Server` / `X-Powered-By`, the headers
 * every framework adds by default, and the header signatures with which the common CORS
 * middlewares say no. It preselects the fix for that stack and, where a middleware's own
 * rejection reads like another failure, says what it really rejected. Never a pretence: each guess
 * says how sure it is and why.
 */

import { type MessageKey, type Params, type Translate, tEn } from "../i18n";
import type { RequestFacts } from "./facts";
import type { FixFocus } from "./fixes/policy";
import { combinedHeader, hasHeader, headerValues, splitList } from "./headers";
import { short } from "./text";
import type { HeaderList, Hop, ObservedExchange, ServerGuess, ServerStack } from "./types";

// The guess's shape lives with the engine's other types (src/engine/types.ts): no type cycle.
export type { ServerGuess, ServerStack } from "./types";

/** A guess whose basis is words: made from the catalogue, and re-worded by `localizeGuess`. */
function guess(
  stack: ServerStack,
  confidence: ServerGuess["confidence"],
  t: Translate,
  key: MessageKey,
  params: Params = {},
): ServerGuess {
  return { stack, confidence, basis: t(key, params), why: { key, params } };
}

/** The guess as a report shows it: worded in the chosen language, without its key. */
export function localizeGuess(g: ServerGuess | null, t: Translate): ServerGuess | null {
  if (!g) return null;
  return { stack: g.stack, confidence: g.confidence, basis: g.why ? t(g.why.key, g.why.params) : g.basis };
}

/** A CORS middleware's rejection recognised in the evidence: what it rejected, and the fix to aim at. */
export interface MiddlewareRejection {
  says: string;
  focus: FixFocus;
}

function responses(exchange: ObservedExchange): Hop[] {
  return exchange.preflight ? [exchange.preflight, ...exchange.hops] : exchange.hops;
}

function first(exchange: ObservedExchange, name: string): string | null {
  for (const hop of responses(exchange)) {
    const value = headerValues(hop.responseHeaders, name)[0];
    if (value !== undefined) return value.trim();
  }
  return null;
}

function varyTokens(headers: HeaderList): string[] {
  return headerValues(headers, "vary").flatMap((v) => splitList(v).map((t) => t.toLowerCase()));
}

/**
 * rs/cors (Go) adds three Vary entries to every preflight answer (200 in 1.7, 204 later); when it
 * says no, that answer is bare: Vary, Date, Content-Length and nothing else.
 */
function isRsCorsPreflight(hop: Hop): boolean {
  const vary = varyTokens(hop.responseHeaders);
  return (
    (hop.status === 200 || hop.status === 204) &&
    vary.includes("access-control-request-method") &&
    vary.includes("access-control-request-headers")
  );
}

function isBare(hop: Hop): boolean {
  return hop.responseHeaders.every(([name]) =>
    ["vary", "date", "content-length"].includes(name.toLowerCase()),
  );
}

/** Starlette's CORSMiddleware answers a preflight it rejects with 400 and its preflight headers. */
function isStarletteRejection(hop: Hop): boolean {
  return (
    hop.status === 400 &&
    hasHeader(hop.responseHeaders, "access-control-allow-methods") &&
    hasHeader(hop.responseHeaders, "access-control-max-age")
  );
}

/**
 * aiohttp-cors refuses a preflight by raising HTTPForbidden with a text body that starts "CORS
 * preflight request failed: " (31 bytes) and no CORS header
 * (https://github.com/aio-libs/aiohttp-cors/blob/v0.7.0/aiohttp_cors/preflight_handler.py); aiohttp's
 * own 403 says "403: Forbidden" (14 bytes), and an authentication layer adds WWW-Authenticate.
 */
function isAiohttpCorsRejection(hop: Hop, server: string | null): boolean {
  const length = Number(combinedHeader(hop.responseHeaders, "content-length") ?? "0");
  return (
    server !== null &&
    /\baiohttp\//i.test(server) &&
    hop.status === 403 &&
    length >= 31 &&
    /^text\/plain\b/i.test(combinedHeader(hop.responseHeaders, "content-type") ?? "") &&
    !hasHeader(hop.responseHeaders, "access-control-allow-origin") &&
    !hasHeader(hop.responseHeaders, "www-authenticate")
  );
}

/**
 * gorilla/handlers' CORS says no to a preflight with a bare status and nothing else: 405 for a method
 * not in AllowedMethods, 403 for a header not in AllowedHeaders
 * (https://github.com/gorilla/handlers/blob/v1.5.1/cors.go, `ServeHTTP`); net/http adds only Date
 * and Content-Length: 0 (http.Error would add a Content-Type).
 */
function isGorillaRejection(hop: Hop): boolean {
  return (hop.status === 405 || hop.status === 403) && isBare(hop) && !hasHeader(hop.responseHeaders, "vary");
}

/** django-cors-headers' default `CORS_ALLOW_METHODS`, joined as it sends them. */
const DJANGO_CORS_HEADERS_METHODS = "DELETE, GET, OPTIONS, PATCH, POST, PUT";

/** Django's SecurityMiddleware and clickjacking defaults (Django ≥ 3.0). */
function looksLikeDjango(exchange: ObservedExchange): boolean {
  return (
    first(exchange, "x-frame-options") === "DENY" &&
    first(exchange, "x-content-type-options") === "nosniff" &&
    first(exchange, "referrer-policy") === "same-origin"
  );
}

/** The server of one exchange; `api` (the tab's profile of that API) adds what its other exchanges showed. */
export function detectServer(
  exchange: ObservedExchange,
  /** What the page asked of the API (`ApiProfile`, src/engine/api-profile.ts), as far as it is read here. */
  api?: { server: { methodsOnResponses: boolean } } | null,
  t: Translate = tEn,
): ServerGuess | null {
  const preflight = exchange.preflight;
  if (preflight && isRsCorsPreflight(preflight))
    return guess("go-rs-cors", isBare(preflight) ? "certain" : "likely", t, "server.rs-cors", {
      status: preflight.status ?? "",
      bare: isBare(preflight) ? "yes" : "no",
    });
  if (preflight && isStarletteRejection(preflight)) return guess("fastapi", "certain", t, "server.starlette");
  if (preflight && isGorillaRejection(preflight))
    return guess("gorilla-handlers", "certain", t, "server.gorilla", { status: preflight.status ?? "" });
  const powered = first(exchange, "x-powered-by");
  const server = first(exchange, "server");
  if (preflight && isAiohttpCorsRejection(preflight, server))
    return guess("aiohttp-cors", "certain", t, "server.aiohttp-cors", { server: short(server ?? "") });
  const preflightMethods = preflight
    ? combinedHeader(preflight.responseHeaders, "access-control-allow-methods")
    : null;
  if (preflightMethods === DJANGO_CORS_HEADERS_METHODS) {
    // django-cors-headers lists methods on preflights only; a hand-written copy of its defaults
    // (the seed's middleware) sends them on every response.
    const everywhere =
      (api?.server.methodsOnResponses ?? false) ||
      exchange.hops.some((h) => hasHeader(h.responseHeaders, "access-control-allow-methods"));
    return everywhere
      ? guess("django", "likely", t, "server.django-everywhere", { methods: DJANGO_CORS_HEADERS_METHODS })
      : guess("django-cors-headers", "likely", t, "server.django-cors-headers", {
          methods: DJANGO_CORS_HEADERS_METHODS,
        });
  }
  if (server !== null && /^AmazonS3\b/i.test(server))
    return { stack: "s3", confidence: "certain", basis: `Server: ${short(server)}` };
  // The app's own header wins over a proxy's Server header: the fix usually belongs in the app.
  if (powered !== null && /^Express\b/i.test(powered))
    return { stack: "express", confidence: "certain", basis: `X-Powered-By: ${short(powered)}` };
  // Laravel's session cookie (config/session.php's default name), on routes of its web group.
  if (
    headerValues(exchange.hops.at(-1)?.responseHeaders ?? [], "set-cookie").some((c) =>
      /^laravel_session=/i.test(c),
    )
  )
    return { stack: "laravel", confidence: "likely", basis: "Set-Cookie: laravel_session=…" };
  // PHP's own header with expose_php = On (Debian's php.ini default), behind any server.
  if (powered !== null && /^PHP\//i.test(powered))
    return { stack: "php", confidence: "likely", basis: `X-Powered-By: ${short(powered)}` };
  if (looksLikeDjango(exchange)) return guess("django-cors-headers", "likely", t, "server.django-defaults");
  if (server === null) return null;
  const by: Array<[RegExp, ServerStack]> = [
    [/^nginx\b/i, "nginx"],
    // Apache httpd answers `Apache` or `Apache/2.4.57 (Debian)`; Tomcat's `Apache-Coyote/1.1` is not it.
    [/^Apache(?:\/|\s|$)/i, "apache"],
    [/^Caddy\b/i, "caddy"],
    [/^uvicorn\b|^hypercorn\b/i, "fastapi"],
    [/^Werkzeug\b/i, "flask-cors"],
    [/^WSGIServer\b/i, "django-cors-headers"],
    [/^(WEBrick|Puma)\b/i, "rails"],
    [/^Kestrel\b/i, "aspnet"],
    // aiohttp's default `Server: Python/3.11 aiohttp/3.8.4` (aiohttp/web_response.py, SERVER_SOFTWARE).
    [/\baiohttp\//i, "aiohttp-cors"],
  ];
  for (const [pattern, stack] of by)
    if (pattern.test(server)) return { stack, confidence: "likely", basis: `Server: ${short(server)}` };
  return null;
}

/**
 * A proxy in front of the app, told from the failing response's own `Server` header where another
 * signature (X-Powered-By, a framework's defaults) named the app: both layers answered, and a
 * header both add (a duplicate Access-Control-Allow-Origin) is fixed in one of them, usually the proxy.
 */
export function proxyLayer(
  hop: Hop | null | undefined,
  app: ServerGuess | null | undefined,
): ServerStack | null {
  const server = combinedHeader(hop?.responseHeaders, "server");
  if (server === null) return null;
  const proxy: ServerStack | null = /^nginx\b/i.test(server)
    ? "nginx"
    : /^Apache(?:\/|\s|$)/i.test(server)
      ? "apache"
      : /^Caddy\b/i.test(server)
        ? "caddy"
        : null;
  return proxy !== null && proxy !== app?.stack ? proxy : null;
}

const RS_CORS_DEFAULT_METHODS = ["GET", "POST", "HEAD"];

/**
 * A CORS middleware's "no" that the browser names as something else: Starlette's 400 reads as "the
 * preflight's status is not ok", rs/cors' empty 204 as "no Access-Control-Allow-Origin". Both are
 * the CORS layer refusing the method, a header or the origin.
 */
export function middlewareRejection(
  exchange: ObservedExchange,
  facts: RequestFacts,
  guess: ServerGuess | null,
  t: Translate = tEn,
): MiddlewareRejection | null {
  const preflight = exchange.preflight;
  if (!preflight || guess?.confidence !== "certain") return null;
  const headers = preflight.responseHeaders;
  if (guess.stack === "fastapi" && isStarletteRejection(preflight)) {
    const methods = splitList(combinedHeader(headers, "access-control-allow-methods") ?? "");
    const allowedHeaders = splitList(combinedHeader(headers, "access-control-allow-headers") ?? "").map((h) =>
      h.toLowerCase(),
    );
    if (!hasHeader(headers, "access-control-allow-origin"))
      return {
        says: t("rejection.starlette-origin", {
          known: facts.origin ? "yes" : "no",
          origin: facts.origin ?? "",
        }),
        focus: "allow-origin",
      };
    if (!methods.includes(facts.method) && !methods.includes("*"))
      return {
        says: t("rejection.starlette-method", { method: facts.method }),
        focus: "methods",
      };
    const missing = (facts.unsafeNames ?? []).filter((h) => !allowedHeaders.includes(h));
    if (missing.length > 0)
      return {
        says: t("rejection.starlette-headers", { headers: missing.join(", ") }),
        focus: "headers",
      };
    return null;
  }
  // Express answers an OPTIONS no middleware ended with 200, `Allow` and the allowed methods as the
  // body (express/lib/router `handleOptions`): cors() did not run for this path before the router.
  const allow = combinedHeader(headers, "allow");
  if (
    guess.stack === "express" &&
    allow !== null &&
    preflight.status !== null &&
    preflight.status >= 200 &&
    preflight.status < 300 &&
    !hasHeader(headers, "access-control-allow-origin")
  )
    return {
      says: t("rejection.express-auto-options", { allow: short(allow, 60) }),
      focus: "preflight-route",
    };
  if (
    guess.stack === "aiohttp-cors" &&
    isAiohttpCorsRejection(preflight, combinedHeader(headers, "server"))
  ) {
    // Its 403 names the refused part only in the body, which the browser does not show to CORS
    // Lens: the request's own headers say which option can be at fault.
    const asked = facts.unsafeNames ?? [];
    return {
      says: t("rejection.aiohttp-cors", {
        method: facts.method,
        hasHeaders: asked.length > 0 ? "yes" : "no",
        headers: asked.join(", "),
      }),
      focus: asked.length > 0 ? "headers" : "methods",
    };
  }
  if (guess.stack === "gorilla-handlers" && isGorillaRejection(preflight)) {
    const method = preflight.status === 405;
    return {
      says: t(method ? "rejection.gorilla-method" : "rejection.gorilla-headers", {
        method: facts.method,
        headers: (facts.unsafeNames ?? []).join(", "),
      }),
      focus: method ? "methods" : "headers",
    };
  }
  if (guess.stack === "go-rs-cors" && !hasHeader(headers, "access-control-allow-origin")) {
    const methodRefused = !RS_CORS_DEFAULT_METHODS.includes(facts.method);
    return {
      says: t("rejection.rs-cors", {
        method: facts.method,
        methodRefused: methodRefused ? "yes" : "no",
        status: preflight.status ?? "",
      }),
      focus: methodRefused ? "methods" : "headers",
    };
  }
  return null;
}

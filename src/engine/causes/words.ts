/** What several causes' messages share: the failing response's name, and what its status means. */
import { type Params, roomTranslator, type Translation } from "../../i18n";
import { type CauseContext, code, hostOf, short } from "../explain/context";
import type { FixFocus } from "../fixes";
import { combinedHeader, hasHeader, variesOnOrigin } from "../headers";
import { proxyLayer } from "../server-stack";

/**
 * Fragments of several causes' messages (English here; Korean below, `*_KO`). A failing response is
 * named with the same select everywhere (`stage`, `host`, `hasStatus`, `status`; `method`, `path`
 * for a preflight).
 */
export const SUBJECT =
  "{stage, select, preflight {The preflight (OPTIONS {path}) for this {method} request} redirect {The redirect response from {host}{hasStatus, select, yes { (status {status})} other {}}} other {The response from {host}{hasStatus, select, yes { (status {status})} other {}}}}";
export const PREFLIGHT = "The preflight (OPTIONS {path}) for this {method} request";
export const STAR_IGNORED =
  "{starIgnored, select, yes { `*` does not count for a request with credentials.} other {}}";

/** The words several causes share in English, the source; Korean below. */
export const EN = {
  statusNoteAuth:
    "The {status} came with `WWW-Authenticate`: authentication answered before CORS{preflight, select, yes {; browsers never send cookies or Authorization with a preflight} other {}}.",
  statusNoteRefused:
    "Something answered {status} before any CORS header was added (an authentication or CSRF check, a firewall, or the CORS library refusing the request); the response's body says which{preflight, select, yes {. Browsers never send cookies or Authorization with a preflight} other {}}.",
  statusNoteNoRoute:
    "{preflight, select, yes {The {status} means no route answers OPTIONS at this URL{hasAllow, select, yes { (`Allow: {allow}`: the route answers only those{cors, select, yes {, and the CORS middleware runs only after a route matched} other {}})} other {}}.} other {The {status} means the server has no route for this URL or method, and that answer carries no CORS headers.}}",
  statusNoteServerError:
    "The {status} is the server's own {clientError, select, yes {answer to the request (a validation, body-parser or routing error)} other {error}}; its error path adds no CORS headers.",
  layerNoteAfterRoute:
    "Other answers from this server carry CORS headers{preflight, select, yes { (this request's own preflight did)} other {}}: the CORS set-up runs, but not for the route that answered here. A CORS middleware registered after that route never runs for it (in Express, Koa and Hono a route that answers ends the chain, so `app.use(cors())` below `app.get(…)` is skipped); register it before the routes.",
  layerNoteSlashRedirect:
    "The {status} sends the request to the same URL with a slash appended, a trailing-slash rule that answered before the CORS layer (Django's CommonMiddleware does this with APPEND_SLASH when `corsheaders.middleware.CorsMiddleware` sits below it in MIDDLEWARE); call the URL with the slash, or put the CORS layer first.",
  layerNoteNginxAlways:
    "nginx answered: if the CORS headers come from its `add_header` lines, those are skipped on a {status} unless each line ends with `always`.",
  layerNoteApacheAlways:
    "Apache answered: if the CORS headers come from `Header set`, that applies to 2xx answers only, not this {status}; `Header always set` covers redirects and errors too.",
  layerNoteOriginExactly:
    "An allowed-origins entry matches only when written exactly as the browser sends it, `{origin}`: scheme, host and port, with no trailing slash or path.",
  layerNoteProxyAndApp:
    "{proxy} answered (its `Server` header) and the app behind it adds its own copy: keep the header in one of the two, hide the app's copy in {proxy} or drop {proxy}'s.",
  layerNoteFastifyMethods:
    "`GET,HEAD,POST`, written so, is @fastify/cors's default `methods` since version 11: add {method} to its `methods` option.",
  layerNoteCredentialsOption: "In {stack} that is {option}.",
  layerNoteBarePreflightMethod:
    "The preflight got a bare {status} without any CORS header, while other answers from this API carry them and list `Access-Control-Allow-Methods` {listed}, without {method}: the CORS set-up refused the preflight without saying why. rack-cors answers so for a method that is not in its `methods:`; add {method} to the set-up's methods{all, select, yes { (`ALL` is what rack-cors sends for `methods: :all`, a value it does not know: only a method named ALL matches it; `methods: :any` allows every method)} other {}}.",
  layerNoteFlaskStringHeaders:
    "The preflight's answer allows the origin but has no `Access-Control-Allow-Headers`, and this API looks like Flask: where flask-cors answers so, none of the names asked for ({asked}) matched its `allow_headers`. Written as one string (`allow_headers='Origin, Content-Type'`), `allow_headers` is one regular expression to flask-cors, which matches no single header name: write it as a list, one name per item.",
} as const;

// 한국어: 여러 원인이 함께 쓰는 조각과 문구.
/**
 * 여러 원인의 문구가 함께 쓰는 조각. 실패한 응답은 어디서나 같은 select로 부른다. 각 경우가 "요청"이나 "응답"으로
 * 끝나므로 뒤따르는 조사(은/이/을/에)가 하나로 정해진다.
 */
export const SUBJECT_KO =
  "{stage, select, preflight {이 {method} 요청의 사전 요청(OPTIONS {path})} redirect {{host}의 리디렉션 응답{hasStatus, select, yes {(상태 {status})} other {}}} other {{host}의 응답{hasStatus, select, yes {(상태 {status})} other {}}}}";
export const PREFLIGHT_KO = "이 {method} 요청의 사전 요청(OPTIONS {path})";
export const STAR_IGNORED_KO =
  "{starIgnored, select, yes { 자격 증명을 포함한 요청에서는 `*`가 와일드카드로 인정되지 않습니다.} other {}}";

/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
const KO: Translation<typeof EN> = {
  statusNoteAuth:
    "{status} 응답에 `WWW-Authenticate`가 있습니다. CORS보다 인증이 먼저 응답했습니다{preflight, select, yes {. 브라우저는 사전 요청에 쿠키나 Authorization을 절대 보내지 않습니다} other {}}.",
  statusNoteRefused:
    "CORS 헤더가 붙기 전에 무언가가 {status}(으)로 응답했습니다(인증이나 CSRF 검사, 방화벽, 또는 요청을 거부한 CORS 라이브러리). 어느 쪽인지는 응답 본문에 있습니다{preflight, select, yes {. 브라우저는 사전 요청에 쿠키나 Authorization을 절대 보내지 않습니다} other {}}.",
  statusNoteNoRoute:
    "{preflight, select, yes {{status} 응답은 이 URL에서 OPTIONS에 응답하는 라우트가 없다는 뜻입니다{hasAllow, select, yes {(`Allow: {allow}`: 라우트는 이 메서드에만 응답합니다{cors, select, yes {. CORS 미들웨어는 라우트가 일치한 뒤에야 실행됩니다} other {}})} other {}}.} other {{status} 응답은 서버에 이 URL이나 메서드의 라우트가 없다는 뜻이며, 그 응답에는 CORS 헤더가 없습니다.}}",
  statusNoteServerError:
    "{status} 응답은 서버 자체의 {clientError, select, yes {요청에 대한 응답(검증, 본문 파서, 라우팅 오류)} other {오류}}이며, 그 오류 처리 경로는 CORS 헤더를 붙이지 않습니다.",
  layerNoteAfterRoute:
    "이 서버의 다른 응답에는 CORS 헤더가 있습니다{preflight, select, yes {(이 요청의 사전 요청 응답에도 있었습니다)} other {}}. CORS 설정은 실행되지만, 여기서 응답한 라우트에는 적용되지 않았습니다. 그 라우트보다 뒤에 등록한 CORS 미들웨어는 그 라우트에서 실행되지 않습니다(Express, Koa, Hono에서는 응답한 라우트가 체인을 끝내므로 `app.get(…)` 아래의 `app.use(cors())`는 건너뜁니다). 라우트보다 먼저 등록하세요.",
  layerNoteSlashRedirect:
    "{status} 응답은 요청을 끝에 슬래시를 붙인 같은 URL로 보냅니다. CORS 계층보다 먼저 응답한 끝 슬래시 규칙입니다(MIDDLEWARE에서 `corsheaders.middleware.CorsMiddleware`가 Django의 CommonMiddleware보다 아래에 있으면 APPEND_SLASH가 이렇게 응답합니다). 슬래시를 붙인 URL을 호출하거나 CORS 계층을 맨 앞에 두세요.",
  layerNoteNginxAlways:
    "nginx가 응답했습니다. CORS 헤더가 nginx의 `add_header` 줄에서 온다면, 각 줄 끝에 `always`가 없을 때 {status} 응답에는 붙지 않습니다.",
  layerNoteApacheAlways:
    "Apache가 응답했습니다. CORS 헤더가 `Header set`에서 온다면, 이는 2xx 응답에만 적용되고 이 {status} 응답에는 적용되지 않습니다. `Header always set`은 리디렉션과 오류에도 적용됩니다.",
  layerNoteOriginExactly:
    "허용 출처 목록의 항목은 브라우저가 보내는 그대로(`{origin}`: 스킴, 호스트, 포트, 끝 슬래시나 경로 없이) 적어야만 일치합니다.",
  layerNoteProxyAndApp:
    "{proxy}가 응답했고(`Server` 헤더) 그 뒤의 앱도 자체 사본을 추가합니다. 헤더는 둘 중 한 곳에만 두세요. {proxy}에서 앱의 사본을 숨기거나 {proxy}의 헤더를 빼세요.",
  layerNoteFastifyMethods:
    "이렇게 적힌 `GET,HEAD,POST`는 버전 11부터 @fastify/cors의 기본 `methods`입니다. {method}을(를) `methods` 옵션에 추가하세요.",
  layerNoteCredentialsOption: "{stack}에서는 {option}입니다.",
  layerNoteBarePreflightMethod:
    "사전 요청은 CORS 헤더가 하나도 없는 {status} 응답을 받았지만, 이 API의 다른 응답에는 CORS 헤더가 있고 `Access-Control-Allow-Methods`로 {listed}을(를) 나열하며 {method}은(는) 없습니다. CORS 설정이 이유를 말하지 않고 사전 요청을 거부한 것입니다. rack-cors는 `methods:`에 없는 메서드에 이렇게 응답합니다. 설정의 메서드 목록에 {method}을(를) 추가하세요{all, select, yes {(`ALL`은 rack-cors가 `methods: :all`에 보내는 값으로, rack-cors가 모르는 값이라 ALL이라는 이름의 메서드만 맞습니다. 모든 메서드를 허용하려면 `methods: :any`를 쓰세요)} other {}}.",
  layerNoteFlaskStringHeaders:
    "사전 요청 응답은 출처를 허용하지만 `Access-Control-Allow-Headers`가 없고, 이 API는 Flask로 보입니다. flask-cors가 이렇게 응답했다면 요청한 이름({asked}) 중 어느 것도 `allow_headers`와 맞지 않은 것입니다. 문자열 하나로 적은 `allow_headers`(`allow_headers='Origin, Content-Type'`)는 flask-cors에게 정규 표현식 하나이며 어떤 헤더 이름과도 맞지 않습니다. 이름마다 항목 하나인 목록으로 적으세요.",
};

export const words = roomTranslator({ en: EN, ko: KO });

/** Which fix a failing status calls for: auth answered first, no route, or an error page. */
export function statusFocus(status: number | null, fallback: FixFocus): FixFocus {
  if (status === 401 || status === 403) return "preflight-before-auth";
  if (status === 404 || status === 405) return "preflight-route";
  if (status !== null && status >= 400) return "error-responses";
  return fallback;
}

export const yes = (b: boolean): "yes" | "no" => (b ? "yes" : "no");

/** The placeholders naming the failing response (`stage`, `host`, `hasStatus`, `status`, `method`, `path`). */
export function subjectParams(ctx: CauseContext): Params {
  const { stage, hop } = ctx.failure;
  const status = hop?.status ?? null;
  return {
    stage: stage === "preflight" ? "preflight" : stage === "redirect" ? "redirect" : "response",
    path: short(ctx.exchange.url),
    method: ctx.facts.method,
    host: hostOf(hop?.url ?? ctx.exchange.url),
    hasStatus: yes(status !== null),
    status: status ?? "",
  };
}

/**
 * What a 4xx/5xx on the failing response means, as far as its evidence says: a sentence to
 * append, or "". Authentication is named only with `WWW-Authenticate`; nothing is said where the
 * CORS library's own rejection was recognised (its sentence follows instead); the preflight's
 * words only for a preflight.
 */
export function statusNote(ctx: CauseContext, status: number | null): string {
  if (status === null || Number.isNaN(status) || status < 400 || ctx.rejection) return "";
  const hop = ctx.failure.hop;
  const preflight = yes(ctx.failure.stage === "preflight");
  if (status === 401 || status === 403) {
    const challenged = hasHeader(hop?.responseHeaders, "www-authenticate");
    return ` ${words(ctx.t.lang)(challenged ? "statusNoteAuth" : "statusNoteRefused", { status, preflight })}`;
  }
  if (status === 404 || status === 405) {
    const allow = combinedHeader(hop?.responseHeaders, "allow");
    return ` ${words(ctx.t.lang)("statusNoteNoRoute", {
      status,
      preflight,
      hasAllow: yes(allow !== null),
      allow: short(allow ?? "", 60),
      // "the CORS middleware runs only after a route matched" only where some answer shows one.
      cors: yes(ctx.api?.server.configured === true),
    })}`;
  }
  return ` ${words(ctx.t.lang)("statusNoteServerError", { status, clientError: yes(status < 500) })}`;
}

/*
 * Sentences that name the server-side mistake behind a failed check from what the evidence shows
 * of the layers that answered (issue #22, "the server's own mistake, from evidence"): each says
 * only what the headers, status and the rest of the page's traffic with this API support, and is
 * hedged where the evidence fits more than one set-up.
 */
const ok = (status: number | null | undefined) => status != null && status >= 200 && status < 300;

/**
 * A 2xx answer without Access-Control-Allow-Origin from an API whose other answers (or this
 * request's own preflight) carry it: the CORS set-up runs, only not for the route that answered.
 * That is a CORS middleware registered after that route (Express, Koa, Hono run middleware in
 * registration order and a route that answers ends the chain): https://expressjs.com/en/guide/using-middleware.html,
 * https://hono.dev/docs/middleware/builtin/cors, https://github.com/koajs/cors/issues/70.
 */
export function corsSkippedForRoute(ctx: CauseContext): boolean {
  const hop = ctx.failure.hop;
  if (ctx.failure.stage !== "response" || !ok(hop?.status) || ctx.rejection || variesOnOrigin(hop))
    return false;
  return preflightHad(ctx) || ctx.api?.server.configured === true;
}

const preflightHad = (ctx: CauseContext) =>
  hasHeader(ctx.exchange.preflight?.responseHeaders, "access-control-allow-origin");

export function afterTheRoute(ctx: CauseContext): string {
  if (!corsSkippedForRoute(ctx)) return "";
  return ` ${words(ctx.t.lang)("layerNoteAfterRoute", { preflight: preflightHad(ctx) ? "yes" : "no" })}`;
}

/**
 * A redirect to the same URL with a slash appended, without CORS headers: a trailing-slash rule
 * answered before the CORS layer (Django's CommonMiddleware with APPEND_SLASH answers 301 so, and
 * django-cors-headers says CorsMiddleware must sit above it:
 * https://github.com/adamchainz/django-cors-headers#setup).
 */
export function slashRedirect(ctx: CauseContext): string {
  const hop = ctx.failure.hop;
  if (!hop || hop.status === null || hop.status < 300 || hop.status >= 400) return "";
  const location = combinedHeader(hop.responseHeaders, "location");
  if (!location) return "";
  try {
    const from = new URL(hop.url);
    const to = new URL(location, hop.url);
    if (to.origin !== from.origin || to.pathname !== `${from.pathname}/`) return "";
  } catch {
    return "";
  }
  return ` ${words(ctx.t.lang)("layerNoteSlashRedirect", { status: hop.status })}`;
}

/**
 * nginx's `add_header` adds nothing to 4xx/5xx answers without `always`
 * (https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header), and Apache's `Header set`
 * (the onsuccess table) nothing to non-2xx ones without `always`
 * (https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header): where such a server answered
 * and other answers of this API carried the header, say so, hedged on where the headers come from.
 */
export function proxyAlways(ctx: CauseContext): string {
  const hop = ctx.failure.hop;
  const status = hop?.status ?? null;
  if (status === null || ok(status) || !ctx.api?.server.configured || ctx.rejection) return "";
  const proxy = proxyLayer(hop, null);
  if (proxy === "nginx" && status >= 400) return ` ${words(ctx.t.lang)("layerNoteNginxAlways", { status })}`;
  if (proxy === "apache") return ` ${words(ctx.t.lang)("layerNoteApacheAlways", { status })}`;
  return "";
}

/** An origin refused by a set-up that lists origins: the entry must be the origin byte for byte. */
export function originExactly(ctx: CauseContext): string {
  return ` ${words(ctx.t.lang)("layerNoteOriginExactly", { origin: ctx.origin })}`;
}

/**
 * Two header lines where only the proxy shows itself (the app behind it sends no signature): the
 * proxy named from its `Server` header, the app as "the app behind it".
 */
export function proxyAndApp(ctx: CauseContext): string {
  if ((ctx.failure.lines ?? 0) < 2) return "";
  const proxy = proxyLayer(ctx.failure.hop, null);
  return proxy ? ` ${words(ctx.t.lang)("layerNoteProxyAndApp", { proxy })}` : "";
}

/**
 * `GET,HEAD,POST`, written so, is @fastify/cors's default `methods` since version 11
 * (https://github.com/fastify/fastify-cors/pull/359; index.js `defaultOptions.methods`).
 */
export function fastifyDefaultMethods(ctx: CauseContext, allowed: string | null, method: string): string {
  return allowed === "GET,HEAD,POST"
    ? ` ${words(ctx.t.lang)("layerNoteFastifyMethods", { method: code(method) })}`
    : "";
}

/**
 * flask-cors answers a preflight's Access-Control-Allow-Headers with the asked names that match one
 * of `allow_headers`' patterns, and leaves the header out where none does (`get_allow_headers`,
 * empty values dropped). A string `allow_headers` is one pattern (`serialize_options` →
 * `sanitize_regex_param`), so 'Origin, Content-Type' matches no single name:
 * https://github.com/corydolphin/flask-cors/blob/master/flask_cors/core.py (flask-cors#145).
 * Said where flask-cors answered (Allow-Origin present) without the header though names were asked.
 */
export function flaskCorsNoHeaderMatched(ctx: CauseContext): string {
  const stack = ctx.server?.stack ?? ctx.api?.guess?.stack;
  const hop = ctx.failure.hop;
  if (stack !== "flask-cors" || ctx.failure.stage !== "preflight" || !hop) return "";
  const asked = combinedHeader(hop.requestHeaders, "access-control-request-headers");
  if (!asked?.trim() || hasHeader(hop.responseHeaders, "access-control-allow-headers")) return "";
  if (!hasHeader(hop.responseHeaders, "access-control-allow-origin")) return "";
  return ` ${words(ctx.t.lang)("layerNoteFlaskStringHeaders", { asked: short(asked) })}`;
}

/**
 * A 2xx preflight answer without a single CORS header, from an API whose other answers carry them
 * and list the allowed methods without this one: a CORS layer refused the preflight without saying
 * so. rack-cors answers exactly so (`[200, {}, []]`) when the method is not in `methods:`, and
 * sends its `methods:` on every answer (`ALL` for `methods: :all`, a value it does not know: only
 * a method named ALL matches): https://github.com/cyu/rack-cors/blob/master/lib/rack/cors.rb
 * (`process_preflight`; cyu/rack-cors#129).
 */
export function barePreflightMethod(ctx: CauseContext): string {
  const hop = ctx.failure.hop;
  if (ctx.failure.stage !== "preflight" || !ok(hop?.status) || !hop || !ctx.api?.server.configured) return "";
  // rack-cors's refusal carries no header at all; a router's automatic OPTIONS answer (Express)
  // carries `Allow`, and a CORS library that compared the origin, `Vary: Origin`.
  if (
    hop.responseHeaders.some(([n]) => /^access-control-/i.test(n)) ||
    variesOnOrigin(hop) ||
    hasHeader(hop.responseHeaders, "allow")
  )
    return "";
  const listed = [...new Set([...ctx.api.server.responseMethods, ...ctx.api.server.methods])];
  const method = ctx.facts.method;
  if (listed.length === 0 || listed.some((m) => m === "*" || m.toUpperCase() === method.toUpperCase()))
    return "";
  return ` ${words(ctx.t.lang)("layerNoteBarePreflightMethod", {
    status: hop.status ?? "",
    method: code(method),
    listed: code(listed.join(", ")),
    all: yes(listed.includes("ALL")),
  })}`;
}

/** Where the answer is recognised, the option that turns credentials on in that library. */
export const CREDENTIALS_OPTION: Partial<Record<string, string>> = {
  "flask-cors": "supports_credentials=True",
  fastapi: "allow_credentials=True",
  "django-cors-headers": "CORS_ALLOW_CREDENTIALS = True",
  express: "credentials: true",
  fastify: "credentials: true",
  koa: "credentials: true",
  hono: "credentials: true",
  rails: "credentials: true",
  "go-rs-cors": "AllowCredentials: true",
};

export function credentialsOption(ctx: CauseContext): string {
  const stack = ctx.server?.stack ?? ctx.api?.guess?.stack;
  const option = stack ? CREDENTIALS_OPTION[stack] : undefined;
  return option ? ` ${words(ctx.t.lang)("layerNoteCredentialsOption", { stack, option: code(option) })}` : "";
}

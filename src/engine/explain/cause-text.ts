/**
 * One explanation per cause code: a headline and one or two sentences naming the actual values.
 * Wording follows devtools-frontend's CORS issue descriptions: what was blocked, by which header,
 * what the server must send instead.
 */
import { combinedHeader } from "../headers";
import type { CauseCode } from "../types";
import { type CauseContext, code, hostOf, originDifference, short } from "./context";

export interface Text {
  title: string;
  message: string;
}

function statusNote(status: number | null): string {
  if (status === null || status < 400) return "";
  if (status === 401 || status === 403) {
    return ` The ${status} means an authentication or CSRF layer answered first; browsers never send cookies or Authorization with a preflight.`;
  }
  if (status === 404 || status === 405) return ` The ${status} means no route answers OPTIONS at this URL.`;
  return ` The ${status} is the server's own error; its error path adds no CORS headers.`;
}

function credentialed(ctx: CauseContext): string {
  return `this request was sent with credentials (${ctx.credentialsBasis})`;
}

function preflightOf(ctx: CauseContext): string {
  return `The preflight (OPTIONS ${short(ctx.exchange.url)}) for this ${ctx.facts.method} request`;
}

function subject(ctx: CauseContext): string {
  const { stage, hop } = ctx.failure;
  if (stage === "preflight") return preflightOf(ctx);
  const status = hop?.status ?? null;
  const what = stage === "redirect" ? "The redirect response" : "The response";
  return `${what} from ${hostOf(hop?.url ?? ctx.exchange.url)}${status !== null ? ` (status ${status})` : ""}`;
}

export const CAUSE_TEXT: Record<CauseCode, (ctx: CauseContext) => Text> = {
  "disallowed-by-mode": (ctx) => ({
    title: "Request mode forbids other origins",
    message: `The request was made with mode ${code("same-origin")} but goes to ${hostOf(ctx.exchange.url)}, another origin, so the browser refused it before sending anything.`,
  }),
  "scheme-not-supported": (ctx) => ({
    title: "Not an HTTP(S) URL",
    message: `The request targets ${code(short(ctx.exchange.url))}; browsers make CORS requests only to http and https URLs${ctx.facts.origin === "null" ? ", and a file: page has the opaque origin null" : ""}.`,
  }),
  "no-cors-redirect-mode": () => ({
    title: "no-cors needs redirect: follow",
    message: `A request with mode ${code("no-cors")} must use ${code('redirect: "follow"')}; the browser rejected it before sending anything.`,
  }),
  "missing-allow-origin": (ctx) => ({
    title:
      ctx.failure.stage === "preflight"
        ? "Preflight has no Access-Control-Allow-Origin"
        : "No Access-Control-Allow-Origin header",
    message: `${subject(ctx)} has no ${code("Access-Control-Allow-Origin")} header, so the browser ${ctx.failure.stage === "preflight" ? `never sent the ${ctx.facts.method} request` : `hid the response from the page at ${ctx.origin}`}. The server must answer with ${code(`Access-Control-Allow-Origin: ${ctx.origin}`)}.${statusNote(ctx.failure.hop?.status ?? null)}`,
  }),
  "multiple-allow-origin": (ctx) => ({
    title: "Access-Control-Allow-Origin has several values",
    message: `${subject(ctx)} sent ${code(`Access-Control-Allow-Origin: ${short(ctx.failure.value ?? "")}`)}${ctx.failure.lines > 1 ? ` in ${ctx.failure.lines} separate header lines (typically a proxy and the application both add it)` : ""}, but the header must hold exactly one origin: ${code(ctx.origin)}.`,
  }),
  "invalid-allow-origin": (ctx) => ({
    title: "Access-Control-Allow-Origin is not an origin",
    message: `${subject(ctx)} sent ${code(`Access-Control-Allow-Origin: ${short(ctx.failure.value ?? "")}`)}, which is not a valid origin. It must be the exact origin ${code(ctx.origin)} (scheme, host and port, no path) or ${code("*")}.`,
  }),
  "allow-origin-mismatch": (ctx) => ({
    title: "Allowed origin does not match",
    message: `${subject(ctx)} allows ${code(short(ctx.failure.value ?? ""))}, but the request came from ${code(ctx.origin)}: ${originDifference(ctx.failure.value ?? "", ctx.origin)}. The browser compares the two byte for byte.`,
  }),
  "wildcard-origin-with-credentials": (ctx) => ({
    title: "Wildcard origin with credentials",
    message: `${subject(ctx)} answered ${code("Access-Control-Allow-Origin: *")}, but ${credentialed(ctx)}. With credentials the browser requires the exact origin ${code(ctx.origin)} and ${code("Access-Control-Allow-Credentials: true")}.`,
  }),
  "allow-credentials-not-true": (ctx) => ({
    title: "Access-Control-Allow-Credentials is not true",
    message: `${subject(ctx)} allowed ${code(ctx.origin)}, but ${credentialed(ctx)} and ${code("Access-Control-Allow-Credentials")} is ${ctx.failure.value === null ? "missing" : code(short(ctx.failure.value))}; it must be exactly ${code("true")}.`,
  }),
  "preflight-status-not-ok": (ctx) => ({
    title: `Preflight answered ${ctx.failure.value ?? "a non-2xx status"}`,
    message: `${preflightOf(ctx)} passed the origin check but was answered with status ${ctx.failure.value}; a preflight needs a 2xx status (204 is usual).${statusNote(Number(ctx.failure.value))}`,
  }),
  "preflight-redirected": (ctx) => {
    const location = ctx.failure.value;
    const slash =
      location !== null &&
      location.replace(/\/$/, "") === ctx.exchange.url.replace(/\/$/, "").replace(/^https?:\/\/[^/]+/, "");
    return {
      title: "Preflight was redirected",
      message: `${preflightOf(ctx)} was answered with a ${ctx.failure.hop?.status ?? "3xx"} redirect${location ? ` to ${code(short(location))}` : ""}. Browsers never follow redirects on a preflight.${slash || (location?.endsWith("/") ?? false) ? " This is usually a trailing-slash redirect (Django APPEND_SLASH, framework strict routing): call the final URL." : " Call the final URL directly."}`,
    };
  },
  "invalid-allow-methods": (ctx) => ({
    title: "Access-Control-Allow-Methods cannot be parsed",
    message: `The preflight's ${code(`Access-Control-Allow-Methods: ${short(combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-methods") ?? "")}`)} contains ${code(ctx.failure.value ?? "")}, which is not a method token. List methods separated by commas: ${code(`${ctx.facts.method}, GET, POST`)}.`,
  }),
  "invalid-allow-headers": (ctx) => ({
    title: "Access-Control-Allow-Headers cannot be parsed",
    message: `The preflight's ${code(`Access-Control-Allow-Headers: ${short(combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-headers") ?? "")}`)} contains ${code(ctx.failure.value ?? "")}, which is not a header name. List names separated by commas.`,
  }),
  "method-not-allowed": (ctx) => {
    const allowed = combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-methods");
    const method = ctx.failure.value ?? ctx.facts.method;
    const caseOnly = allowed
      ?.split(",")
      .some((m) => m.trim() !== method && m.trim().toLowerCase() === method.toLowerCase());
    return {
      title: `Method ${method} not allowed by the preflight`,
      message: `The preflight allowed ${allowed === null ? "no extra method (no Access-Control-Allow-Methods)" : code(short(allowed))}, which does not include ${code(method)}.${caseOnly ? ` Methods are compared byte for byte: the page sent ${code(method)} exactly as written (fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT).` : ""}${allowed?.includes("*") && ctx.credentialed ? ` ${code("*")} does not count for a request with credentials.` : ""}`,
    };
  },
  "header-not-allowed": (ctx) => {
    const allowed = combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-headers");
    return {
      title: `Request header ${ctx.failure.value} not allowed`,
      message: `The request sends the ${code(ctx.failure.value ?? "")} header, but the preflight's ${code("Access-Control-Allow-Headers")} is ${allowed === null ? "missing" : code(short(allowed))}, which does not list it.${allowed?.split(",").some((h) => h.trim() === "*") && ctx.credentialed ? ` ${code("*")} does not count for a request with credentials.` : ""}`,
    };
  },
  "redirect-contains-credentials": (ctx) => ({
    title: "Redirect to a URL with user:password",
    message: `The request was redirected to ${code(short(ctx.failure.value ?? ""))}, which carries a user name and password; browsers refuse such redirects for CORS requests.`,
  }),
  "local-network-insecure": (ctx) => ({
    title: "Insecure page reaching the local network",
    message: `The page at ${ctx.facts.origin ?? "this origin"} is not a secure context but asked ${hostOf(ctx.exchange.url)}, a more private address; Chrome's Local Network Access blocks that. No response header fixes it: serve the page over HTTPS.`,
  }),
  "local-network-invalid": (ctx) => ({
    title: "Local network address space mismatch",
    message: `The request to ${hostOf(ctx.exchange.url)} declared one address space but the server resolved to another (${ctx.facts.error ?? "Local Network Access"}). No response header fixes it.`,
  }),
  "local-network-permission-denied": (ctx) => ({
    title: "Local network access not permitted",
    message: `Chrome blocked the request from ${ctx.facts.origin ?? "this page"} to ${hostOf(ctx.exchange.url)} on the local network because Local Network Access permission was not granted (${ctx.facts.error ?? "denied"}). No response header fixes it.`,
  }),
  "network-error": (ctx) => ({
    title: "No response (network error)",
    message: `${ctx.failure.stage === "preflight" ? "The preflight" : "The request"} to ${hostOf(ctx.exchange.url)} got no response (${ctx.failure.value ?? "network error"}): the connection failed before any CORS check. Firefox reports this as "CORS request did not succeed", but no header is at fault.`,
  }),
};

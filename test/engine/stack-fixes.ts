/**
 * The situations a fix is read in, built as exchanges and diagnosed through the public API: one
 * per focus a cause turns a fix to, and the policies that change a snippet's lines (one origin,
 * any origin, several origins with credentials, a server that allowed any header or every method,
 * exposed headers). The per-stack tables (fix-stacks-*.test.ts) read each stack's printed fix in them.
 */
import { expect } from "vitest";
import {
  apiProfiles,
  type DiagnoseOptions,
  diagnose,
  type Fix,
  type HeaderList,
  type ObservedExchange,
} from "../../src/engine";
import { API, exchange, h, PAGE } from "./build";

export const OTHER = "https://app.example.com";

const asks = (method: string, headers = "", origin = PAGE) =>
  h(
    "Origin",
    origin,
    "Access-Control-Request-Method",
    method,
    ...(headers ? ["Access-Control-Request-Headers", headers] : []),
  );
const blocked = (spec: Parameters<typeof exchange>[0]) =>
  exchange({ response: { status: 200, headers: [] }, error: "net::ERR_FAILED", ...spec });
const refusedPreflight = (status: number, headers: HeaderList = []) =>
  exchange({
    method: "PUT",
    preflight: { status, requestHeaders: asks("PUT"), headers },
    response: null,
    error: "net::ERR_FAILED",
  });

/** Another origin the server answered with credentials, its header echoed and X-Total exposed. */
const otherAllowed = () =>
  exchange({
    origin: OTHER,
    method: "POST",
    preflight: {
      status: 204,
      requestHeaders: asks("POST", "x-a", OTHER),
      headers: h(
        "Access-Control-Allow-Origin",
        OTHER,
        "Access-Control-Allow-Methods",
        "POST",
        "Access-Control-Allow-Headers",
        "x-a",
        "Access-Control-Allow-Credentials",
        "true",
        "Vary",
        "Origin",
      ),
    },
    response: {
      status: 200,
      headers: h(
        "Access-Control-Allow-Origin",
        OTHER,
        "Access-Control-Allow-Credentials",
        "true",
        "Access-Control-Expose-Headers",
        "X-Total",
        "Vary",
        "Origin",
      ),
    },
  });

/** The page's own PUT allowed with every method listed and its header echoed; X-Total exposed. */
const wideAllowed = () =>
  exchange({
    method: "PUT",
    preflight: {
      status: 204,
      requestHeaders: asks("PUT", "x-b"),
      headers: h(
        "Access-Control-Allow-Origin",
        PAGE,
        "Access-Control-Allow-Methods",
        "GET, HEAD, POST, PUT, PATCH, DELETE",
        "Access-Control-Allow-Headers",
        "x-b",
      ),
    },
    response: {
      status: 200,
      headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Expose-Headers", "X-Total"),
    },
  });

export const SITUATIONS = {
  /** missing-allow-origin on a plain GET: focus allow-origin, the page's origin alone. */
  origin: () => ({ x: blocked({}) }),
  /** An opaque origin without credentials: any origin (`*`). */
  any: () => ({ x: blocked({ origin: "null" }) }),
  /** `*` with credentials: focus credentials, the exact origin and Allow-Credentials. */
  credentials: () => ({
    x: blocked({
      credentials: "include",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    }),
  }),
  /** PUT not in Allow-Methods: focus methods. */
  methods: () => ({
    x: exchange({
      method: "PUT",
      preflight: {
        status: 204,
        requestHeaders: asks("PUT"),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "GET, POST"),
      },
      response: null,
      error: "net::ERR_FAILED",
    }),
  }),
  /** x-api-key not in Allow-Headers: focus headers. */
  headers: () => ({
    x: exchange({
      method: "POST",
      preflight: {
        status: 204,
        requestHeaders: asks("POST", "x-api-key"),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "POST"),
      },
      response: null,
      error: "net::ERR_FAILED",
    }),
  }),
  /** content-type (in django-cors-headers' default_headers) and x-api-key not allowed. */
  twoHeaders: () => ({
    x: exchange({
      method: "POST",
      preflight: {
        status: 204,
        requestHeaders: asks("POST", "content-type,x-api-key"),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "POST"),
      },
      response: null,
      error: "net::ERR_FAILED",
    }),
  }),
  /** The preflight refused with 401 and WWW-Authenticate: focus preflight-before-auth, challenged. */
  auth: () => ({ x: refusedPreflight(401, h("WWW-Authenticate", "Bearer")) }),
  /** The same refusal without a challenge: the focus, not the authentication layer's words. */
  unchallenged: () => ({ x: refusedPreflight(401) }),
  /** The preflight answered 404: focus preflight-route. */
  route: () => ({ x: refusedPreflight(404) }),
  /** The preflight redirected: focus no-preflight-redirect. */
  redirect: () => ({ x: refusedPreflight(301, h("Location", `${API}/api/data/`)) }),
  /** A 500 without CORS headers: focus error-responses. */
  error: () => ({ x: blocked({ response: { status: 500, headers: [] } }) }),
  /** Two Allow-Origin values: focus single-origin. */
  single: () => ({
    x: blocked({
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Origin", PAGE),
      },
    }),
  }),
  /**
   * The page's credentialed GET refused where another origin is allowed with credentials: several
   * origins, credentials, the other origin's echoed header (any header), X-Total exposed.
   */
  several: () => {
    const x = blocked({
      credentials: "include",
      response: {
        status: 200,
        headers: h(
          "Access-Control-Allow-Origin",
          OTHER,
          "Access-Control-Allow-Credentials",
          "true",
          "Vary",
          "Origin",
        ),
      },
    });
    return { x, all: [otherAllowed(), x] };
  },
  /** A 500 on a server that allowed every method and echoed the header asked: error-responses, any method and header. */
  wide: () => {
    const x = exchange({
      url: `${API}/api/boom`,
      response: { status: 500, headers: [] },
      error: "net::ERR_FAILED",
    });
    return { x, all: [wideAllowed(), x] };
  },
} satisfies Record<string, () => { x: ObservedExchange; all?: ObservedExchange[] }>;

export type Situation = keyof typeof SITUATIONS;

/** The fix of `stack` for the first cause of a situation, diagnosed in `lang`. */
export function stackFix(situation: Situation, stack: string, lang: DiagnoseOptions["lang"] = "en"): Fix {
  const { x, all } = SITUATIONS[situation]() as { x: ObservedExchange; all?: ObservedExchange[] };
  const api = all ? (apiProfiles(all).get(API) ?? null) : null;
  const fix = diagnose(x, { api, lang }).causes[0]?.fixes.find((f) => f.stack === stack);
  if (!fix) throw new Error(`no ${stack} fix in ${situation}`);
  return fix;
}

/** A row of a stack's table: the lines its snippet has (whole lines), and text it must not have. */
export interface Row {
  has: string[];
  lacks?: string[];
}

/** Checks one row: every line present as a whole line, every forbidden text absent. */
export function expectRow(snippet: string, row: Row): void {
  const lines = snippet.split("\n");
  for (const line of row.has) expect(lines, `${line}\n--- in ---\n${snippet}`).toContain(line);
  for (const text of row.lacks ?? []) expect(snippet, `must not have ${text}`).not.toContain(text);
}

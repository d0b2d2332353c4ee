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

const asks = (origin: string, method: string, headers = "") =>
  h(
    "Origin",
    origin,
    "Access-Control-Request-Method",
    method,
    ...(headers ? ["Access-Control-Request-Headers", headers] : []),
  );
const blocked = (page: string, spec: Parameters<typeof exchange>[0]) =>
  exchange({ origin: page, response: { status: 200, headers: [] }, error: "net::ERR_FAILED", ...spec });
const refusedPreflight = (page: string, status: number, headers: HeaderList = []) =>
  exchange({
    origin: page,
    method: "PUT",
    preflight: { status, requestHeaders: asks(page, "PUT"), headers },
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
      requestHeaders: asks(OTHER, "POST", "x-a"),
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
const wideAllowed = (page: string) =>
  exchange({
    origin: page,
    method: "PUT",
    preflight: {
      status: 204,
      requestHeaders: asks(page, "PUT", "x-b"),
      headers: h(
        "Access-Control-Allow-Origin",
        page,
        "Access-Control-Allow-Methods",
        "GET, HEAD, POST, PUT, PATCH, DELETE",
        "Access-Control-Allow-Headers",
        "x-b",
      ),
    },
    response: {
      status: 200,
      headers: h("Access-Control-Allow-Origin", page, "Access-Control-Expose-Headers", "X-Total"),
    },
  });

/** A refused preflight that allowed the page's origin but not what it asked for. */
const refusedAsk = (page: string, method: string, headers: string, allowMethods: string) =>
  exchange({
    origin: page,
    method,
    preflight: {
      status: 204,
      requestHeaders: asks(page, method, headers),
      headers: h("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", allowMethods),
    },
    response: null,
    error: "net::ERR_FAILED",
  });

type Built = { x: ObservedExchange; all?: ObservedExchange[] };

/** Each situation for a page at `page` (the origin varies per test: see `stackFix`). */
export const SITUATIONS = {
  /** missing-allow-origin on a plain GET: focus allow-origin, the page's origin alone. */
  origin: (page: string) => ({ x: blocked(page, {}) }),
  /**
   * An opaque origin without credentials: any origin (`*`). The page's origin is not in the
   * policy here, so the header it sends (`x-<port>`, read back as `x-any`) keeps it apart.
   */
  any: (page: string) => ({
    x: exchange({
      origin: "null",
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          "null",
          "Access-Control-Request-Method",
          "GET",
          "Access-Control-Request-Headers",
          `x-${page.split(":").at(-1)}`,
        ),
        headers: [],
      },
      response: null,
      error: "net::ERR_FAILED",
    }),
  }),
  /** `*` with credentials: focus credentials, the exact origin and Allow-Credentials. */
  credentials: (page: string) => ({
    x: blocked(page, {
      credentials: "include",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    }),
  }),
  /** PUT not in Allow-Methods: focus methods. */
  methods: (page: string) => ({ x: refusedAsk(page, "PUT", "", "GET, POST") }),
  /** PURGE, in no library's default methods, not in Allow-Methods: focus methods. */
  purge: (page: string) => ({ x: refusedAsk(page, "PURGE", "", "GET, POST") }),
  /** x-api-key not in Allow-Headers: focus headers. */
  headers: (page: string) => ({ x: refusedAsk(page, "POST", "x-api-key", "POST") }),
  /** A header name with an apostrophe (a tchar, RFC 9110 section 5.6.2) not allowed. */
  apostrophe: (page: string) => ({ x: refusedAsk(page, "POST", "x-it's", "POST") }),
  /** content-type (in django-cors-headers' default_headers) and x-api-key not allowed. */
  twoHeaders: (page: string) => ({ x: refusedAsk(page, "POST", "content-type,x-api-key", "POST") }),
  /** The preflight refused with 401 and WWW-Authenticate: focus preflight-before-auth, challenged. */
  auth: (page: string) => ({ x: refusedPreflight(page, 401, h("WWW-Authenticate", "Bearer")) }),
  /** The same refusal without a challenge: the focus, not the authentication layer's words. */
  unchallenged: (page: string) => ({ x: refusedPreflight(page, 401) }),
  /** An actual response refused with 401 and WWW-Authenticate: error-responses, challenged. */
  challengedError: (page: string) => ({
    x: blocked(page, { response: { status: 401, headers: h("WWW-Authenticate", "Basic") } }),
  }),
  /** The preflight answered 404: focus preflight-route. */
  route: (page: string) => ({ x: refusedPreflight(page, 404) }),
  /** The preflight redirected: focus no-preflight-redirect. */
  redirect: (page: string) => ({ x: refusedPreflight(page, 301, h("Location", `${API}/api/data/`)) }),
  /** A 500 without CORS headers: focus error-responses. */
  error: (page: string) => ({ x: blocked(page, { response: { status: 500, headers: [] } }) }),
  /** Two Allow-Origin values: focus single-origin. */
  single: (page: string) => ({
    x: blocked(page, {
      response: {
        status: 200,
        headers: h("Access-Control-Allow-Origin", page, "Access-Control-Allow-Origin", page),
      },
    }),
  }),
  /**
   * The page's credentialed GET refused where another origin is allowed with credentials: several
   * origins, credentials, the other origin's echoed header (any header), X-Total exposed.
   */
  several: (page: string) => {
    const x = blocked(page, {
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
  /** `*` with credentials where another origin is allowed with credentials: both origins replace `*`. */
  starSeveral: (page: string) => {
    const x = blocked(page, {
      credentials: "include",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });
    return { x, all: [otherAllowed(), x] };
  },
  /** A GET with no Allow-Origin on a server that answers `*` on another route: focus before-routes. */
  beforeRoutes: (page: string) => {
    const open = exchange({
      origin: page,
      url: `${API}/api/public`,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });
    const x = blocked(page, { credentials: "include" });
    return { x, all: [open, x] };
  },
  /** An opaque origin answered with another origin: focus null-origin. */
  nullMismatch: (page: string) => ({
    x: blocked(page, {
      origin: "null",
      url: `${API}/api/${page.split(":").at(-1)}`,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", page) },
    }),
  }),
  /** `*` with credentials on a page whose other request's header was refused: the header rides along. */
  credentialsAndHeader: (page: string) => {
    const x = blocked(page, {
      credentials: "include",
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });
    return { x, all: [refusedAsk(page, "POST", "x-api-key", "POST"), x] };
  },
  /** A 500 on a server that allowed every method and echoed the header asked: error-responses, any method and header. */
  wide: (page: string) => {
    const x = exchange({
      origin: page,
      url: `${API}/api/boom`,
      response: { status: 500, headers: [] },
      error: "net::ERR_FAILED",
    });
    return { x, all: [wideAllowed(page), x] };
  },
} satisfies Record<string, (page: string) => Built>;

export type Situation = keyof typeof SITUATIONS;

/** The next page port: every call renders its own fixes (see `stackFix`). */
let nextPort = 20_000;

/**
 * The fix of `stack` for the first cause of a situation, diagnosed in `lang`. The engine renders
 * a policy's fixes once and shares them (explain/cause-fixes.ts, `sharedServerFixes`): a test that
 * asked for the same policy as an earlier one would read the earlier rendering and never run the
 * renderer itself (and Stryker's per-test coverage would not count it), so each call gets a page
 * origin of its own, a port, and its fix is read back with PAGE.
 */
export function stackFix(situation: Situation, stack: string, lang: DiagnoseOptions["lang"] = "en"): Fix {
  nextPort += 1;
  const page = `http://localhost:${nextPort}`;
  const { x, all } = SITUATIONS[situation](page) as Built;
  const api = all ? (apiProfiles(all).get(API) ?? null) : null;
  const fix = diagnose(x, { api, lang }).causes[0]?.fixes.find((f) => f.stack === stack);
  if (!fix) throw new Error(`no ${stack} fix in ${situation}`);
  const back = (text: string) =>
    text.replaceAll(page, PAGE).replaceAll(`x-${page.split(":").at(-1)}`, "x-any");
  return {
    ...fix,
    snippet: back(fix.snippet),
    change: fix.change == null ? fix.change : back(fix.change),
    ...(fix.edits ? { edits: JSON.parse(back(JSON.stringify(fix.edits))) } : {}),
  };
}

/** The lines from `open` (a whole line) to the first line `close` after it, both excluded. */
export function block(snippet: string, open: string, close = "}"): string[] {
  const lines = snippet.split("\n");
  const start = lines.indexOf(open);
  if (start < 0) throw new Error(`no ${open} in\n${snippet}`);
  const end = lines.indexOf(close, start + 1);
  return lines.slice(start + 1, end);
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

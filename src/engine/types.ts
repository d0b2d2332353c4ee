/**
 * Domain types of the diagnosis engine. Shapes follow the report (docs/report-format.md); evidence can be
 * partial (what a browser let an extension or a HAR see), and that is modelled, never guessed.
 */

import type { MessageKey, Params } from "../i18n";

/** Header lines in order, duplicates kept: two `Access-Control-Allow-Origin` lines are two entries. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export type BrowserName = "chromium" | "firefox";
export type RequestMode = "cors" | "no-cors" | "same-origin" | "navigate" | "unknown";
export type CredentialsMode = "include" | "same-origin" | "omit" | "unknown";
export type Verdict = "blocked" | "allowed" | "not-cors" | "unknown";
export type Stage = "request" | "preflight" | "redirect" | "response";

/** One request/response round trip on the wire: the preflight, a redirect, or the final response. */
export interface Hop {
  url: string;
  method: string;
  /** HTTP status; null when no response arrived (network error, never sent). */
  status: number | null;
  requestHeaders: HeaderList;
  responseHeaders: HeaderList;
  /** The browser's error string for this hop (`net::ERR_FAILED`, `NS_ERROR_DOM_BAD_URI` …). */
  error: string | null;
  fromCache: boolean;
  /** Milliseconds since the epoch, where known. */
  startedAt?: number;
  endedAt?: number;
}

/** What the recorder could see: a blind spot is "unknown", not "absent". */
export interface Visibility {
  /** Preflight OPTIONS requests are recorded (Chrome needs extraHeaders; HAR from Chrome has them). */
  preflights: boolean;
  /** A CORS failure of the final response is recorded as an error on that hop (Chromium yes, Firefox no). */
  corsErrors: boolean;
}

/** One logical request as the page made it, as observed: the engine's input. */
export interface ObservedExchange {
  id: string;
  /** The URL the page requested (before redirects). */
  url: string;
  /** Method exactly as sent: `patch` is not `PATCH`. */
  method: string;
  /** The page or frame origin that made the request, where known. */
  initiator: string | null;
  /**
   * The request's origin, decided by `observedExchange` (`requestOrigin`, src/engine/origin.ts):
   * the `Origin` sent, else the initiator's; null when neither is known. Read, never re-derived.
   */
  origin: string | null;
  /** Whether `origin` is an `Origin` header the request (or its preflight) sent. */
  originSent: boolean;
  /** The full URL of the requesting document, where known (Firefox reports it). */
  documentUrl?: string | null;
  resourceType: string;
  /** From `Sec-Fetch-Mode` when observed; "unknown" otherwise. */
  mode: RequestMode;
  /** The fetch redirect mode when some source states it (webRequest and HAR do not). */
  redirectMode?: "follow" | "error" | "manual";
  /** Credentials mode when some source states it; usually "unknown" (webRequest does not expose it). */
  credentials: CredentialsMode;
  /** Headers of the actual request as the page sent them, when observed (also when it never went out). */
  requestHeaders: HeaderList | null;
  startedAt: number;
  preflight: Hop | null;
  /** The actual request's responses in order: each redirect, then the final response. */
  hops: Hop[];
  /** The browser's error for the actual request, also when it never went out (failed preflight). */
  error: string | null;
  visibility: Visibility;
  /** Which browser recorded it, when known. */
  recordedBy: BrowserName | null;
  /**
   * Made by a worker (the page's service worker re-issuing it, a shared worker), not by the page
   * itself: the browser reported no tab, and it was attributed to the tab whose origin it serves.
   */
  viaWorker?: boolean;
  /**
   * How it ended was never observed: CORS Lens's background worker was stopped while it was in
   * flight, and the browser dropped the events it dispatched meanwhile. Shown from what was seen.
   */
  interrupted?: boolean;
}

export type Stack =
  | "generic-headers"
  | "express"
  | "django"
  | "django-cors-headers"
  | "fastapi"
  | "flask-cors"
  | "nginx"
  | "apache"
  | "s3"
  | "spring"
  | "rails"
  | "aspnet"
  | "go"
  | "go-rs-cors"
  | "gorilla-handlers"
  | "aiohttp-cors"
  | "php"
  | "laravel"
  | "fastify"
  | "koa"
  | "hono"
  | "caddy"
  | "client";

export type ServerStack = Exclude<Stack, "client">;

export interface ServerGuess {
  stack: ServerStack;
  /** "certain": a signature only that software sends; "likely": a Server header, which a proxy can own. */
  confidence: "certain" | "likely";
  /** The evidence, in words ("Server: nginx/1.22.1"). */
  basis: string;
  /** The words' key and values, so a guess made once can be worded in another language. */
  why?: { key: MessageKey; params: Params };
}

/** An import the snippet needs, shown apart from it: added only where the file does not import it yet. */
/** Where a package comes from: the package manager that installs it. */
export type Ecosystem = "npm" | "pypi" | "gem" | "go";

/**
 * The library a stack's fix is written for, where it is not the framework itself: an app without
 * it stops at start-up once the fix's import is pasted (`Cannot find module 'cors'`,
 * `ModuleNotFoundError: No module named 'flask_cors'`), so the fix says how to install it.
 */
export interface StackPackage {
  ecosystem: Ecosystem;
  /** The name the package manager knows. */
  name: string;
  /** The names code imports it by (a module, a dotted Django app, a require path). */
  modules: readonly string[];
  /** The command its documentation gives. */
  install: string;
}

export interface FixImport {
  /** The module system the line is written for (a stack with both lists both); null where there is one. */
  form: "esm" | "cjs" | null;
  code: string;
}

/**
 * One change to the CORS set-up the user already has, for tools (the editor `cors-lens fix`, the
 * fix suite): `Fix.change` says the same in words. An option is named as the user writes it
 * (`allowedHeaders`, `allow_headers`, `Access-Control-Allow-Headers`).
 */
export type FixEdit =
  /** Add items to a list option. */
  | {
      kind: "add-items";
      option: string;
      items: string[];
      /** The whole option to write where it is absent (its default, with the items); null: absent, it already allows them. */
      whenAbsent?: string | null;
      /** A string value is one pattern to the library, not a list: it becomes a list of its comma-separated names first. */
      listFromString?: boolean;
    }
  /** Replace one item of a list option (`*` by the exact origins). */
  | {
      kind: "replace-item";
      option: string;
      item: string;
      by: string[];
      /** The whole option to write where it is absent (the library's default answered `*`). */
      whenAbsent?: string;
    }
  /** Set an option to a value, written in the stack's syntax (`true`, `True`). */
  | { kind: "set"; option: string; value: string }
  /** Move the statement containing `statement` to just after the line containing `after` (null: to the end of the file). */
  | { kind: "move"; statement: string; after: string | null }
  /** Insert `code` on the lines just before the statement containing `before`. */
  | { kind: "insert"; code: string; before: string }
  /** Make `wrapper(…)` the outermost handler passed as the last argument of the call `in` (Go's `http.ListenAndServe(addr, c.Handler(auth(mux)))`). */
  | { kind: "wrap"; wrapper: string; in: string };

export interface Fix {
  stack: Stack;
  title: string;
  /**
   * The change to make in the set-up the user already has, in one or two sentences ("add
   * `x-api-key` to `allowedHeaders` in your `cors({…})` options"); null where the snippet is the
   * change (no CORS set-up was seen, or the stack has no option for it).
   */
  change?: string | null;
  /** `change` as edits, where it is a set of option edits or a move (absent where it is prose only). */
  edits?: FixEdit[];
  /** Imports the snippet needs, shown apart ("if your file does not import it yet"); never inside `snippet`. */
  imports?: FixImport[];
  /**
   * The whole set-up for someone who has none: paste-safe (no import, no declaration that the
   * file may already have, nothing invalid at the top level of an ES module or a CommonJS file).
   */
  snippet: string;
  /** Where it goes, relative to what (the file, and before or after which existing code). */
  where?: string;
  /** Whether this stack's fixes were applied to the real server by CORS Lens's own tests, and which. */
  verified?: string | null;
}

export interface Cause {
  code: CauseCode;
  stage: Stage;
  chromium: string | null;
  firefox: string | null;
  header: string | null;
  value: string | null;
  expected: string | null;
  /** A short headline for lists ("Wildcard origin with credentials"). */
  title: string;
  message: string;
  fixes: Fix[];
}

export type Severity = "info" | "warning" | "error";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  title: string;
  message: string;
  fixes?: Fix[];
}

/** How the credentials mode used in the diagnosis was known. */
export interface CredentialsEvidence {
  mode: CredentialsMode;
  inferred: boolean;
  basis: string;
}

export interface Diagnosis {
  verdict: Verdict;
  causes: Cause[];
  findings: Finding[];
  credentials: CredentialsEvidence;
  /** Why the verdict is "unknown" (missing evidence), else null. */
  unknownReason: string | null;
  /** The request mode, as observed or told from the headers (`Sec-Fetch-Mode`, `Origin`, a preflight). */
  mode: RequestMode;
  /** The server software told from the evidence, when it can be; its fix is the one to show first. */
  server: ServerGuess | null;
}

export const CAUSE_CODES = [
  "disallowed-by-mode",
  "scheme-not-supported",
  "no-cors-redirect-mode",
  "missing-allow-origin",
  "multiple-allow-origin",
  "invalid-allow-origin",
  "allow-origin-mismatch",
  "wildcard-origin-with-credentials",
  "allow-credentials-not-true",
  "preflight-status-not-ok",
  "preflight-redirected",
  "invalid-allow-methods",
  "invalid-allow-headers",
  "method-not-allowed",
  "header-not-allowed",
  "redirect-contains-credentials",
  "local-network-insecure",
  "local-network-invalid",
  "local-network-permission-denied",
  "network-error",
] as const;
export type CauseCode = (typeof CAUSE_CODES)[number];

export const FINDING_CODES = [
  "status-masked",
  "referrer-policy-not-cause",
  "referrer-stripped",
  "origin-null",
  "opaque-response",
  "authorization-wildcard",
  "vary-origin-missing",
  "preflight-cached",
  "preflight-avoidable",
  "max-age-capped",
  "header-not-exposed",
  "response-header-in-request",
  "origin-reflected-with-credentials",
  "null-origin-allowed",
  "insecure-origin-allowed",
  "not-cors",
  "browser-difference",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

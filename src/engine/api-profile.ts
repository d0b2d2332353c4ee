/**
 * What a page asks of one API origin, and what that API already allowed, over every exchange of
 * the tab (or HAR) with it. A fix built from one request narrows the server's policy to that
 * request and breaks its siblings; the profile is what a fix must keep and add to.
 */
import { type RequestFacts, requestFacts } from "./facts";
import { combinedHeader, isHttpToken, isNameable, NAME_MAX, splitList } from "./headers";
import { originOf } from "./origin";
import { isSafelistedMethod } from "./safelist";
import { detectServer, type ServerGuess } from "./server-stack";
import type { Hop, ObservedExchange } from "./types";

export interface ServerAllows {
  /** Explicit origins the server answered in `Access-Control-Allow-Origin` (not `*`). */
  origins: string[];
  /** The server answered `Access-Control-Allow-Origin: *` at least once. */
  anyOrigin: boolean;
  credentials: boolean;
  methods: string[];
  headers: string[];
  exposeHeaders: string[];
  /** Some non-preflight answer listed Access-Control-Allow-Methods (hand-written middleware do). */
  methodsOnResponses: boolean;
  /** The methods those non-preflight answers listed, as written (rack-cors 1.x sends its `methods:` so, `ALL` for `:all`). */
  responseMethods: string[];
  /**
   * A preflight answer allowed any header: `*` (without credentials) or exactly the names the
   * preflight asked for (the cors, @fastify/cors, @koa/cors, hono/cors and flask-cors defaults;
   * Starlette's and rs/cors' `*`; rack-cors' `:any`). A fix keeps that, never a list of the
   * headers this page happened to send.
   */
  anyHeaders: boolean;
  /** A preflight answer allowed every method: `*` (without credentials), or all of GET, POST, PUT, PATCH and DELETE. */
  anyMethods: boolean;
  /** Some answer carried Access-Control-Allow-Origin: a CORS set-up exists, right or wrong. */
  configured: boolean;
}

export interface ApiProfile {
  /** The API's origin (`https://api.example.com`). */
  api: string;
  /** Page origins that called it (as sent in `Origin`). */
  origins: string[];
  /** Methods that need listing (not safelisted, or not upper-case), exactly as sent. */
  methods: string[];
  /** CORS-unsafe request header names the page sent, lower-case. */
  headers: string[];
  /** Some request went with credentials (mode include, or a Cookie was sent). */
  credentials: boolean;
  server: ServerAllows;
  /** The server software told from any exchange with the API: a certain guess wins over a likely one. */
  guess: ServerGuess | null;
}

function emptyProfile(api: string): ApiProfile {
  return {
    api,
    origins: [],
    methods: [],
    headers: [],
    credentials: false,
    server: {
      origins: [],
      anyOrigin: false,
      credentials: false,
      methods: [],
      headers: [],
      exposeHeaders: [],
      methodsOnResponses: false,
      responseMethods: [],
      anyHeaders: false,
      anyMethods: false,
      configured: false,
    },
    guess: null,
  };
}

/**
 * Values per list. A page's use of one API names a few origins, methods and headers; thousands of
 * distinct ones are noise, and every stack's fix would repeat them all (the report's size).
 */
const LISTED = 64;

function add(into: string[], value: string): void {
  if (value === "" || value.length > NAME_MAX || into.length >= LISTED || into.includes(value)) return;
  into.push(value);
}

/** A list header's tokens; none when any item is not a token (the browser rejects the whole list). */
function tokens(headers: Hop["responseHeaders"], name: string): string[] {
  const items = splitList(combinedHeader(headers, name) ?? "");
  return items.every((i) => i === "*" || isHttpToken(i)) ? items : [];
}

/** Every method a server that "allows all" lists (Starlette's `*`, django-cors-headers' and the cors package's defaults). */
const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Only answers that look like a real CORS answer count as "allowed": a 2xx with the header, and
 * for an origin, the very origin the request sent (a wrong `Access-Control-Allow-Origin` is not
 * an origin the server allows).
 */
function readServer(server: ServerAllows, hop: Hop, preflight: boolean, facts: RequestFacts): void {
  const h = hop.responseHeaders;
  const origin = combinedHeader(h, "access-control-allow-origin");
  const ok = hop.status !== null && hop.status >= 200 && hop.status < 300;
  if (origin !== null) server.configured = true;
  if (origin === null || !ok) return;
  const value = origin.trim();
  if (value === "*") server.anyOrigin = true;
  else if (originOf(value) === value && value === facts.origin) add(server.origins, value);
  const credentials = combinedHeader(h, "access-control-allow-credentials")?.trim() === "true";
  if (credentials) server.credentials = true;
  if (preflight) {
    const methods = tokens(h, "access-control-allow-methods");
    for (const m of methods) if (m !== "OPTIONS" && m !== "*") add(server.methods, m);
    if ((methods.includes("*") && !credentials) || ALL_METHODS.every((m) => methods.includes(m)))
      server.anyMethods = true;
    const names = tokens(h, "access-control-allow-headers").map((n) => n.toLowerCase());
    for (const name of names) if (name !== "*") add(server.headers, name);
    const asked = (facts.unsafeNames ?? []).map((n) => n.toLowerCase());
    if (
      (names.includes("*") && !credentials) ||
      (asked.length > 0 && asked.length === names.length && asked.every((a) => names.includes(a)))
    )
      server.anyHeaders = true;
  } else {
    for (const name of tokens(h, "access-control-expose-headers")) add(server.exposeHeaders, name);
    if (combinedHeader(h, "access-control-allow-methods") !== null) server.methodsOnResponses = true;
    for (const m of tokens(h, "access-control-allow-methods")) add(server.responseMethods, m);
  }
}

/** Adds one exchange to the profile of its API. */
function addToProfile(profile: ApiProfile, exchange: ObservedExchange): void {
  const facts = requestFacts(exchange);
  // Only what a fix can name: a serialized origin, a method and header names that are tokens.
  if (facts.origin !== null && facts.origin !== "null" && originOf(facts.origin) === facts.origin)
    add(profile.origins, facts.origin);
  if (
    !(isSafelistedMethod(facts.method) && facts.method === facts.method.toUpperCase()) &&
    isNameable(facts.method)
  )
    add(profile.methods, facts.method);
  for (const name of facts.unsafeNames ?? []) if (isNameable(name)) add(profile.headers, name.toLowerCase());
  if (exchange.credentials === "include" || facts.hasCookie || facts.sentStorageAccess)
    profile.credentials = true;
  if (exchange.preflight) readServer(profile.server, exchange.preflight, true, facts);
  for (const hop of exchange.hops) readServer(profile.server, hop, false, facts);
}

/** The API an exchange talks to, as profiles are keyed. */
export function apiOf(exchange: ObservedExchange): string | null {
  return originOf(exchange.url);
}

/** One profile per API origin over a set of exchanges (a tab's history, a HAR). Linear. */
export function apiProfiles(exchanges: readonly ObservedExchange[]): Map<string, ApiProfile> {
  const profiles = new Map<string, ApiProfile>();
  for (const exchange of exchanges) {
    const api = apiOf(exchange);
    if (api === null) continue;
    let profile = profiles.get(api);
    if (!profile) {
      profile = emptyProfile(api);
      profiles.set(api, profile);
    }
    addToProfile(profile, exchange);
  }
  // Second pass, once every answer is in: which server, from its exchanges' evidence.
  for (const exchange of exchanges) {
    const profile = profiles.get(apiOf(exchange) ?? "");
    if (!profile || profile.guess?.confidence === "certain") continue;
    const guess = detectServer(exchange, profile);
    if (guess && (profile.guess === null || guess.confidence === "certain")) profile.guess = guess;
  }
  return profiles;
}

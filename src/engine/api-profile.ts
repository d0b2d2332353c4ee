/**
 * What a page asks of one API origin, and what that API already allowed, over every exchange of
 * the tab (or HAR) with it. A fix built from one request narrows the server's policy to that
 * request and breaks its siblings; the profile is what a fix must keep and add to.
 */
import { requestFacts } from "./facts";
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

/** Only answers that look like a real CORS answer count as "allowed": a 2xx with the header. */
function readServer(server: ServerAllows, hop: Hop, preflight: boolean): void {
  const h = hop.responseHeaders;
  const origin = combinedHeader(h, "access-control-allow-origin");
  const ok = hop.status !== null && hop.status >= 200 && hop.status < 300;
  if (origin === null || !ok) return;
  const value = origin.trim();
  if (value === "*") server.anyOrigin = true;
  else if (originOf(value) === value) add(server.origins, value);
  if (combinedHeader(h, "access-control-allow-credentials")?.trim() === "true") server.credentials = true;
  if (preflight) {
    for (const m of tokens(h, "access-control-allow-methods")) if (m !== "OPTIONS") add(server.methods, m);
    for (const name of tokens(h, "access-control-allow-headers")) add(server.headers, name.toLowerCase());
  } else {
    for (const name of tokens(h, "access-control-expose-headers")) add(server.exposeHeaders, name);
    if (combinedHeader(h, "access-control-allow-methods") !== null) server.methodsOnResponses = true;
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
  if (exchange.preflight) readServer(profile.server, exchange.preflight, true);
  for (const hop of exchange.hops) readServer(profile.server, hop, false);
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

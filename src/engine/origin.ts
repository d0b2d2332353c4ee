/**
 * Origins as the Fetch Standard serializes them (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin):
 * `scheme://host[:port]`, no path, no trailing slash, default ports omitted.
 */

/** The serialized origin of a URL, "null" for opaque origins, or null when the URL does not parse. */
export function originOf(url: string): string | null {
  // Cached by "scheme://authority": the part an origin depends on, shared by a site's URLs.
  const key = AUTHORITY.exec(url)?.[0] ?? url;
  const known = ORIGINS.get(key);
  if (known !== undefined) return known;
  let origin: string | null;
  try {
    const parsed = new URL(url);
    origin = parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : "null";
  } catch {
    origin = null;
  }
  // URL parsing dominates the engine's cost and pages call the same URLs again and again.
  if (ORIGINS.size >= 4096) ORIGINS.clear();
  ORIGINS.set(key, origin);
  return origin;
}

/**
 * The request's origin, decided once for every recorder (the exchange's builder, `observedExchange`,
 * stores it; the tracker's pairing asks it of requests still in flight): the first `Origin` header
 * value among `sent` (the request's, its first hop's, its preflight's), trimmed — what the server saw
 * and what the CORS check compares against (https://fetch.spec.whatwg.org/#concept-cors-check);
 * else the initiator's origin ("null" for an opaque one); null when neither is known.
 */
export function requestOrigin(
  sent: ReadonlyArray<ReadonlyArray<readonly [string, string]> | null | undefined>,
  initiator: string | null | undefined,
): { origin: string | null; sent: boolean } {
  for (const list of sent)
    for (const [name, value] of list ?? [])
      if (name.toLowerCase() === "origin") return { origin: value.trim(), sent: true };
  if (!initiator) return { origin: null, sent: false };
  return { origin: initiator === "null" ? "null" : originOf(initiator), sent: false };
}

/** Scheme and authority of a hierarchical URL, up to the path, query or fragment. */
const AUTHORITY = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#\\]*/;

const ORIGINS = new Map<string, string | null>();

export function isHttpUrl(url: string): boolean {
  return /^https?:/i.test(url);
}

export function sameOrigin(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== "null" && a === b;
}

/** True when a value parses as an absolute URL: Chromium then calls a mismatch "mismatch", not "invalid". */
export function isUrlLike(value: string): boolean {
  const known = URL_LIKE.get(value);
  if (known !== undefined) return known;
  let parsed = true;
  try {
    new URL(value);
  } catch {
    parsed = false;
  }
  if (URL_LIKE.size >= 1024) URL_LIKE.clear();
  URL_LIKE.set(value, parsed);
  return parsed;
}

/** Servers send the same wrong Access-Control-Allow-Origin on every response. */
const URL_LIKE = new Map<string, boolean>();

/** True when a URL carries `user:pass@` (a redirect there fails in CORS mode, https://fetch.spec.whatwg.org/#http-redirect-fetch). */
export function hasUserinfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return false;
  }
}

/** Loopback and private hosts, for the Local Network Access advice. */
export function isLoopbackOrigin(origin: string | null): boolean {
  if (!origin || origin === "null") return false;
  try {
    const host = new URL(origin).hostname;
    return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || host.startsWith("127.");
  } catch {
    return false;
  }
}

/** The host (and port) of a URL for messages and grouping, or the text itself when it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

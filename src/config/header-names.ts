/**
 * The CORS response headers by name, and a name written close to one but not it
 * ("Accept-Control-Allow-Origin", "Access-Control-Allow-Orgin"): a browser reads no header but the
 * exact name (https://fetch.spec.whatwg.org/#http-responses lists them), so a misspelled one is as
 * good as none.
 */
import { distance } from "./distance";

const CORS_RESPONSE_HEADERS = [
  "Access-Control-Allow-Origin",
  "Access-Control-Allow-Credentials",
  "Access-Control-Allow-Methods",
  "Access-Control-Allow-Headers",
  "Access-Control-Max-Age",
  "Access-Control-Expose-Headers",
  "Access-Control-Allow-Private-Network",
] as const;

/** The CORS header a name was meant to be, when it is within three edits of one and not it; else null. */
export function misspelledCorsHeader(name: string): string | null {
  const n = name.trim().toLowerCase();
  if (!/control|allow|expose|max-?age/.test(n)) return null;
  const { best, bestDistance } = nearest(n, CORS_RESPONSE_HEADERS);
  return bestDistance > 0 && bestDistance <= 3 ? best : null;
}

/**
 * Request headers a page sets on its calls that are not CORS-safelisted, so a preflight names them
 * (https://fetch.spec.whatwg.org/#cors-safelisted-request-header): the names an allowed-headers
 * list is written to let through.
 */
const REQUEST_HEADERS = [
  "Authorization",
  "Content-Type",
  "Accept",
  "Accept-Language",
  "Content-Language",
  "Cache-Control",
  "X-Requested-With",
  "If-None-Match",
  "If-Match",
  "If-Modified-Since",
  "If-Unmodified-Since",
  "Range",
  "Pragma",
  "Origin",
  "Content-Encoding",
  "Last-Event-ID",
] as const;

/**
 * The standard request header an allowed-headers entry misspells (`Autorization`,
 * `Content-Tyep`): within two edits of one and not one itself, at least six characters long; else null.
 * A browser compares the names the preflight asks for with the list exactly (any case), so the entry
 * lets no call through.
 */
export function meantHeader(entry: string): string | null {
  const n = entry.trim().toLowerCase();
  if (n.length < 6 || REQUEST_HEADERS.some((h) => h.toLowerCase() === n)) return null;
  const { best, bestDistance } = nearest(n, REQUEST_HEADERS);
  return bestDistance <= 2 ? best : null;
}

/** The name of `names` nearest to `n` (lower case) by edit distance, the first of equals. */
function nearest(n: string, names: readonly string[]): { best: string | null; bestDistance: number } {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const h of names) {
    const d = distance(n, h.toLowerCase());
    if (d < bestDistance) {
      best = h;
      bestDistance = d;
    }
  }
  return { best, bestDistance };
}

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
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const h of CORS_RESPONSE_HEADERS) {
    const d = distance(n, h.toLowerCase());
    if (d < bestDistance) {
      best = h;
      bestDistance = d;
    }
  }
  return bestDistance > 0 && bestDistance <= 3 ? best : null;
}

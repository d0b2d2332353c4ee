/**
 * How long a preflight is cached, per browser (Chromium `preflight_result.cc` kMaxTimeout; Gecko `nsCORSListenerProxy.cpp`): absent → 5 s in
 * both; Chromium caps at 7200 s, falls back to 5 s on anything unparseable and treats negatives
 * as 0; Firefox caps at 86400 s and does not cache at all on invalid values or 0.
 */
import { combinedHeader } from "../headers";
import type { BrowserName, HeaderList } from "../types";

export const MAX_AGE_CAP: Record<BrowserName, number> = { chromium: 7200, firefox: 86400 };
export const MAX_AGE_DEFAULT = 5;

export interface MaxAge {
  /** The header value as received, null when absent. */
  raw: string | null;
  /** Seconds the browser keeps the preflight. */
  effective: number;
  capped: boolean;
  unparseable: boolean;
}

export function effectiveMaxAge(headers: HeaderList, browser: BrowserName): MaxAge {
  const raw = combinedHeader(headers, "access-control-max-age");
  if (raw === null) return { raw, effective: MAX_AGE_DEFAULT, capped: false, unparseable: false };
  const cap = MAX_AGE_CAP[browser];
  if (browser === "chromium") {
    if (!/^[+-]?[0-9]+$/.test(raw))
      return { raw, effective: MAX_AGE_DEFAULT, capped: false, unparseable: true };
    const seconds = Number(raw);
    if (seconds < 0) return { raw, effective: 0, capped: false, unparseable: false };
    return { raw, effective: Math.min(seconds, cap), capped: seconds > cap, unparseable: false };
  }
  if (!/^[0-9]+$/.test(raw)) return { raw, effective: 0, capped: false, unparseable: true };
  const seconds = Number(raw);
  return { raw, effective: Math.min(seconds, cap), capped: seconds > cap, unparseable: false };
}

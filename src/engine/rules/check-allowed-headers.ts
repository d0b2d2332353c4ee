/**
 * The header step of the CORS-preflight fetch (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0): each CORS-unsafe request header
 * name must be listed (case-insensitive), or covered by `*` when not credentialed. `*` does not
 * cover `Authorization` in the standard, but Chromium (feature off) and Firefox (pref on) still let
 * it through with a deprecation warning: that is the `authorization-wildcard` finding.
 */

export interface HeaderCheck {
  /** The first header (in sorted order) the browser rejects, or null. */
  rejected: string | null;
  /** True when `Authorization` passed only through `*`. */
  authorizationByWildcard: boolean;
}

export function checkAllowedHeaders(
  unsafeNames: readonly string[],
  allowHeaders: readonly string[],
  credentialed: boolean,
): HeaderCheck {
  const listed = new Set(allowHeaders.map((h) => h.toLowerCase()));
  const wildcard = !credentialed && listed.has("*");
  let authorizationByWildcard = false;
  for (const name of unsafeNames) {
    if (listed.has(name)) continue;
    if (wildcard) {
      if (name === "authorization") authorizationByWildcard = true;
      continue;
    }
    return { rejected: name, authorizationByWildcard };
  }
  return { rejected: null, authorizationByWildcard };
}

import type { FixFocus } from "../fixes";

/** Which fix a failing status calls for: auth answered first, no route, or an error page. */
export function statusFocus(status: number | null, fallback: FixFocus): FixFocus {
  if (status === 401 || status === 403) return "preflight-before-auth";
  if (status === 404 || status === 405) return "preflight-route";
  if (status !== null && status >= 400) return "error-responses";
  return fallback;
}

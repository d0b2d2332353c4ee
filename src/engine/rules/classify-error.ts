/**
 * What a browser error string on a hop means (Chromium `net/base/net_error_list.h`, Gecko `xpcom/base/ErrorList.py`): a CORS block,
 * a Local Network Access denial, a non-CORS block, a cancellation, or a transport failure.
 */

export type ErrorKind =
  | "cors"
  | "local-network-denied"
  | "local-network-inconsistent"
  | "not-cors"
  | "aborted"
  | "network";

const NOT_CORS = [
  "ERR_BLOCKED_BY_CLIENT",
  "ERR_BLOCKED_BY_ORB",
  "ERR_BLOCKED_BY_RESPONSE",
  "ERR_BLOCKED_BY_CSP",
  "ERR_BLOCKED_BY_ADMINISTRATOR",
  "ERR_BLOCKED_BY_FINGERPRINTING_PROTECTION",
  "ERR_UNSAFE_PORT",
  "ERR_UNKNOWN_URL_SCHEME",
  "NS_ERROR_TRACKING_URI",
  "NS_ERROR_CONTENT_BLOCKED",
  "NS_ERROR_BLOCKED_BY_POLICY",
  "NS_ERROR_FINGERPRINTING_URI",
  "NS_ERROR_CRYPTOMINING_URI",
  "NS_ERROR_SOCIALTRACKING_URI",
  "NS_ERROR_DOM_CORP_FAILED",
  "NS_ERROR_DOM_COEP_FAILED",
  "NS_ERROR_CONTENT_CRASHED",
];

export function classifyError(error: string | null): ErrorKind | null {
  if (error === null || error === "") return null;
  if (error === "net::ERR_FAILED" || error === "NS_ERROR_DOM_BAD_URI") return "cors";
  if (/ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS|LOCAL_NETWORK_ACCESS_POLICY/.test(error))
    return "local-network-denied";
  if (/ERR_INCONSISTENT_IP_ADDRESS_SPACE/.test(error)) return "local-network-inconsistent";
  if (NOT_CORS.some((name) => error.includes(name))) return "not-cors";
  if (/ERR_ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/.test(error)) return "aborted";
  return "network";
}

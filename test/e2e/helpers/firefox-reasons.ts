/** Firefox's console text (en-US, security.properties) back to its reason key (Gecko `dom/locales/en-US/chrome/security/security.properties`). */
const REASONS: Array<[RegExp, string]> = [
  [/Multiple CORS header .Access-Control-Allow-Origin. not allowed/, "CORSMultipleAllowOriginNotAllowed"],
  [/CORS header .Access-Control-Allow-Origin. missing/, "CORSMissingAllowOrigin2"],
  [/CORS header .Access-Control-Allow-Origin. does not match/, "CORSAllowOriginNotMatchingOrigin"],
  [
    /Credential is not supported if the CORS header .Access-Control-Allow-Origin. is/,
    "CORSNotSupportingCredentials",
  ],
  [/Did not find method in CORS header .Access-Control-Allow-Methods/, "CORSMethodNotFound"],
  [/expected .true. in CORS header .Access-Control-Allow-Credentials/, "CORSMissingAllowCredentials"],
  [/CORS preflight response did not succeed/, "CORSPreflightDidNotSucceed3"],
  [/invalid token .* in CORS header .Access-Control-Allow-Methods/, "CORSInvalidAllowMethod"],
  [/invalid token .* in CORS header .Access-Control-Allow-Headers/, "CORSInvalidAllowHeader"],
  [
    /is not allowed according to header .Access-Control-Allow-Headers/,
    "CORSMissingAllowHeaderFromPreflight2",
  ],
  [/CORS request external redirect not allowed/, "CORSExternalRedirectNotAllowed"],
  [/CORS request did not succeed/, "CORSDidNotSucceed2"],
  [/CORS request not http/, "CORSRequestNotHttp"],
];

export interface FirefoxBlock {
  url: string;
  reason: string;
  text: string;
}

/** Parses `Cross-Origin Request Blocked: … at URL. (Reason: …)`; null for anything else. */
export function parseFirefoxBlock(text: string): FirefoxBlock | null {
  if (!text.includes("Cross-Origin Request Blocked")) return null;
  const url = /remote resource at (?:‘)?(\S+?)(?:’)?\. \(Reason/.exec(text)?.[1];
  const reason = REASONS.find(([pattern]) => pattern.test(text))?.[1];
  return url && reason ? { url, reason, text } : null;
}

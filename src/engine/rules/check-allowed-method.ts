/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 step: the method must be listed byte-for-byte, be a CORS-safelisted
 * method, or be covered by `*` when the request is not credentialed (Chromium `services/network/public/cpp/cors/preflight_result.cc`; in
 * Chromium's spec-conformant mode `put` does not allow `PUT`).
 */
import { isSafelistedMethod } from "../safelist";

export function isMethodAllowed(
  method: string,
  allowMethods: readonly string[],
  credentialed: boolean,
): boolean {
  if (allowMethods.includes(method)) return true;
  if (!credentialed && allowMethods.includes("*")) return true;
  return isSafelistedMethod(method);
}

/**
 * Why a request needs a CORS preflight (https://fetch.spec.whatwg.org/#main-fetch: the unsafe-request flag with a
 * non-safelisted method or CORS-unsafe header names, which https://fetch.spec.whatwg.org/#http-fetch turns into a preflight).
 */
import { byteLength, headerValues } from "../headers";
import { hasCorsUnsafeByte, isSafelistedMethod } from "../safelist";
import type { HeaderList } from "../types";

export type UnsafeWhy =
  | "not-safelisted"
  | "value-too-long"
  | "unsafe-bytes"
  | "content-type"
  | "range"
  | "total-too-long";

export type PreflightTrigger =
  | { kind: "method"; method: string }
  | { kind: "header"; name: string; why: UnsafeWhy; value: string | null };

const SAFELISTED_NAMES = new Set(["accept", "accept-language", "content-language", "content-type", "range"]);

/** Each reason this request is preflighted, given its method and CORS-unsafe header names. */
export function preflightTriggers(
  method: string,
  unsafeNames: readonly string[],
  headers: HeaderList | null,
): PreflightTrigger[] {
  const triggers: PreflightTrigger[] = [];
  if (!isSafelistedMethod(method)) triggers.push({ kind: "method", method });
  for (const name of unsafeNames) {
    const value = headers ? (headerValues(headers, name)[0] ?? null) : null;
    triggers.push({ kind: "header", name, why: whyUnsafe(name, value), value });
  }
  return triggers;
}

function whyUnsafe(name: string, value: string | null): UnsafeWhy {
  if (!SAFELISTED_NAMES.has(name) || value === null) return "not-safelisted";
  if (byteLength(value) > 128) return "value-too-long";
  // For the two language headers too: no CORS-unsafe byte is among the characters they allow below.
  if (hasCorsUnsafeByte(value)) return "unsafe-bytes";
  if (name === "content-type") return "content-type";
  if (name === "range") return "range";
  if (name === "accept") return "total-too-long";
  return /^[0-9A-Za-z *,\-.;=]*$/.test(value) ? "total-too-long" : "unsafe-bytes";
}

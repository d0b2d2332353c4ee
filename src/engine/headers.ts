import type { HeaderList } from "./types";

/** Every value of a header, in order (names are case-insensitive, RFC 9110 §5.1). */
export function headerValues(headers: HeaderList | null | undefined, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  const values: string[] = [];
  // The length first: most names differ in it, and every check looks its headers up by name, so
  // lower-casing each name for each lookup was the cost (headerValues: 153 ms of a 100 MB HAR's profile).
  for (const [n, v] of headers) if (n.length === wanted.length && n.toLowerCase() === wanted) values.push(v);
  return values;
}

/**
 * The combined value as Chromium's `GetNormalizedHeader` reads it: lines joined with ", ", each
 * trimmed of surrounding whitespace (https://fetch.spec.whatwg.org/#extract-header-list-values). Null when the header is absent.
 */
export function combinedHeader(headers: HeaderList | null | undefined, name: string): string | null {
  const values = headerValues(headers, name);
  if (values.length === 0) return null;
  return values.map((v) => v.trim()).join(", ");
}

/** Whether the header is present at all (with any value, even empty). */
export function hasHeader(headers: HeaderList | null | undefined, name: string): boolean {
  return headerValues(headers, name).length > 0;
}

/** Splits a `#`-list header value on commas, trimming SP/HTAB and dropping empty items. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.replace(/^[ \t]+|[ \t]+$/g, ""))
    .filter((item) => item.length > 0);
}

/** HTTP `token` (RFC 9110 §5.6.2): one or more tchars. */
export function isHttpToken(value: string): boolean {
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value);
}

/** Longer than any real method, header name or origin: a DNS name is at most 253 octets (RFC 1035 §2.3.4). */
export const NAME_MAX = 512;

/** A method or header name a server's configuration can list: a token of a real length. */
export function isNameable(value: string): boolean {
  return value.length <= NAME_MAX && isHttpToken(value);
}

/** UTF-8 byte length, the unit of the Fetch Standard's 128 and 1024 byte limits. */
export function byteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The response lists `Origin` in `Vary`: what it says depends on the request's origin. */
export function variesOnOrigin(hop: { responseHeaders: HeaderList } | null | undefined): boolean {
  return headerValues(hop?.responseHeaders, "vary").some((v) =>
    splitList(v).some((token) => token.toLowerCase() === "origin"),
  );
}

/**
 * `Access-Control-Allow-Methods` / `-Headers` parsing (Chromium `ParseAccessControlAllowList`,
 * Chromium `preflight_result.cc` ParseAccessControlAllowList): a comma list; empty items are ignored; any item that is not an HTTP
 * token rejects the whole header.
 */
import { combinedHeader, isHttpToken, splitList } from "../headers";
import type { HeaderList } from "../types";

export type AllowList = { ok: true; items: string[] } | { ok: false; badToken: string; raw: string };

export function parseAllowList(headers: HeaderList, name: string): AllowList {
  const raw = combinedHeader(headers, name);
  if (raw === null) return { ok: true, items: [] };
  const items = splitList(raw);
  const bad = items.find((item) => !isHttpToken(item));
  if (bad !== undefined) return { ok: false, badToken: bad, raw };
  return { ok: true, items };
}

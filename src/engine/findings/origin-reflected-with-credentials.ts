import { type Translate, tEn } from "../../i18n";
import { code } from "../explain/context";
import { combinedHeader } from "../headers";
import { originOf } from "../origin";
import type { Finding, HeaderList } from "../types";
import { finding } from "./context";

export interface EchoSample {
  id: string;
  url: string;
  /** The Origin the request sent. */
  origin: string | null;
  /** The final response's headers. */
  responseHeaders: HeaderList;
}

/**
 * `origin-reflected-with-credentials`: one server echoed two or more different origins back with
 * `Access-Control-Allow-Credentials: true`. One exchange cannot tell an allow-list from blind
 * reflection; two origins answered the same way can. Returns findings keyed by exchange id.
 */
export function originReflection(samples: readonly EchoSample[], t: Translate = tEn): Map<string, Finding> {
  const byServer = new Map<string, { origins: Set<string>; ids: string[] }>();
  for (const s of samples) {
    if (!s.origin || s.origin === "null") continue;
    if (combinedHeader(s.responseHeaders, "access-control-allow-origin") !== s.origin) continue;
    if (combinedHeader(s.responseHeaders, "access-control-allow-credentials") !== "true") continue;
    const server = originOf(s.url);
    if (!server) continue;
    const entry = byServer.get(server) ?? { origins: new Set(), ids: [] };
    entry.origins.add(s.origin);
    entry.ids.push(s.id);
    byServer.set(server, entry);
  }
  const result = new Map<string, Finding>();
  for (const [server, { origins, ids }] of byServer) {
    if (origins.size < 2) continue;
    const f = finding(
      "origin-reflected-with-credentials",
      t("finding.origin-reflected-with-credentials.title"),
      t("finding.origin-reflected-with-credentials.message", {
        server,
        origins: [...origins].map(code).join(t("finding.origin-reflected-with-credentials.and")),
      }),
    );
    for (const id of ids) result.set(id, f);
  }
  return result;
}

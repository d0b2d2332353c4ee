import { roomTranslator, type Translate, tEn } from "../../i18n";
import { code } from "../explain/context";
import { combinedHeader } from "../headers";
import { originOf } from "../origin";
import type { Finding, HeaderList } from "../types";
import { type FindingSpec, finding } from "./context";
import { KO } from "./origin-reflected-with-credentials.ko";

/** This finding's words in English, the source; Korean in ./origin-reflected-with-credentials.ko.ts. */
export const EN = {
  title: "The server echoes any origin with credentials",
  message:
    "{server} answered {origins} each with its own origin and `Access-Control-Allow-Credentials: true`. If it reflects every Origin it receives, any website can read your users' data with their cookies. Check the Origin against an allow-list before echoing it.",
  and: " and ",
  ruleTitle: "The server echoes any origin with credentials",
  ruleDescription:
    "The server reflects the request's origin into `Access-Control-Allow-Origin` with `Access-Control-Allow-Credentials: true`; any site can then read the API as the logged-in user. Compare the origin with an allowlist.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const originReflectedWithCredentialsSpec: FindingSpec<"origin-reflected-with-credentials"> = {
  code: "origin-reflected-with-credentials",
  severity: "warning",
  words,
};

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
  const w = words(t.lang);
  for (const [server, { origins, ids }] of byServer) {
    if (origins.size < 2) continue;
    const f = finding(
      originReflectedWithCredentialsSpec,
      w("title"),
      w("message", {
        server,
        origins: [...origins].map(code).join(w("and")),
      }),
    );
    for (const id of ids) result.set(id, f);
  }
  return result;
}

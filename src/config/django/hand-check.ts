/**
 * `check --config` on a hand-written Django CORS middleware. The rules read the answers `hand.ts`
 * computes for a few probe requests, and MIDDLEWARE's order. Their words, English and Korean, are the
 * `config.django.mw.check.*` keys of src/i18n/messages/{en,ko}-config-python.ts (the catalogue
 * imports nothing, so words cannot live here).
 */
import { type HeaderList, MAX_AGE_CAP } from "../../engine";
import type { MessageKey } from "../../i18n";
import type { ConfigFinding, Words } from "../types";
import type { Answered, RespHeader } from "./hand";

type Key = Extract<MessageKey, `config.django.mw.check.${string}`>;

/** A probe: the stack's answer to one request (null when it cannot be known). */
export type Probe = (method: string, origin: string, headers: HeaderList) => Answered | null;

export interface OrderFacts {
  /** The settings file. */
  file: string;
  /** The hand-written middleware's MIDDLEWARE entry. */
  name: string;
  line: number;
  /** The first entry above it that can answer first, and whether its answer is known (a redirect). */
  above: { name: string; line: number; known: boolean } | null;
  /** django-cors-headers' CorsMiddleware also listed, and its line. */
  corsheaders: { line: number } | null;
  /** A project middleware below it named for authentication (an API key, a token): it may refuse a preflight. */
  authBelow?: { name: string; line: number } | null;
}

const header = (hs: RespHeader[], name: string) => hs.find((h) => h.name.toLowerCase() === name);

export function checkHand(
  probe: Probe,
  origins: { listed: string[]; stranger: string },
  order: OrderFacts[],
): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const seen = new Set<string>();
  const add = (
    code: string,
    severity: "error" | "warning",
    file: string,
    line: number,
    key: Key,
    params = {},
  ) => {
    const k = `${code}:${file}:${line}`;
    if (seen.has(k)) return;
    seen.add(k);
    const words: Words = { key, params };
    out.push({ code, severity, file, line, words });
  };
  for (const origin of [origins.stranger, ...origins.listed]) {
    const pre = probe("OPTIONS", origin, [["Access-Control-Request-Method", "GET"]]);
    const age = pre && header(pre.resp.headers, "access-control-max-age");
    if (age?.site && Number(age.value) > MAX_AGE_CAP.chromium)
      add("django-mw-max-age", "warning", age.site.file, age.site.line, "config.django.mw.check.max-age", {
        value: age.value,
      });
    const get = probe("GET", origin, []);
    if (!get) continue;
    const acao = header(get.resp.headers, "access-control-allow-origin");
    const acac = header(get.resp.headers, "access-control-allow-credentials");
    if (!acao?.site) continue;
    const creds = acac?.value.trim().toLowerCase() === "true";
    // A literal with a path or a trailing slash (a FRONTEND_URL setting): equal to no Origin.
    const path = /^(https?:\/\/[^/\s]+)\/\S*$/.exec(acao.value.trim());
    if (path && acao.site.src?.kind === "lit")
      add(
        "django-mw-origin-path",
        "error",
        acao.site.src.file,
        acao.site.src.at.line,
        "config.django.mw.check.origin-path",
        {
          value: acao.value.trim(),
          origin: path[1] as string,
        },
      );
    if (acao.value.trim() === "*" && creds)
      add(
        "django-mw-any-credentials",
        "error",
        acao.site.file,
        // Where the `*` is written (a module constant, a getattr default), which is what changes.
        acao.site.src?.kind === "lit" && acao.site.src.file === acao.site.file
          ? acao.site.src.at.line
          : acao.site.line,
        "config.django.mw.check.any-credentials",
        {
          line: acac?.site?.line ?? 0,
        },
      );
    if (acao.value === origin && acao.site.reflected) {
      if (origin === origins.stranger && creds)
        add(
          "django-mw-reflect-credentials",
          "error",
          acao.site.file,
          acao.site.line,
          "config.django.mw.check.reflect-credentials",
          { line: acac?.site?.line ?? 0 },
        );
      const vary = header(get.resp.headers, "vary");
      if (!vary?.value.split(",").some((v) => ["origin", "*"].includes(v.trim().toLowerCase())))
        add("django-mw-no-vary", "warning", acao.site.file, acao.site.line, "config.django.mw.check.no-vary");
    }
  }
  // The middleware adds its headers to what the view answers, the preflight included, and an
  // authentication middleware of the project runs below it: a preflight carries no credentials
  // (https://fetch.spec.whatwg.org/#cors-preflight-fetch), so that answer is likely a 401.
  const auth = order.find((o) => o.authBelow)?.authBelow;
  for (const origin of origins.listed) {
    const pre = auth ? probe("OPTIONS", origin, [["Access-Control-Request-Method", "PUT"]]) : null;
    const call = pre?.resp.fromView ? pre.resp.viewCall : null;
    if (auth && call && header(pre?.resp.headers ?? [], "access-control-allow-origin"))
      add(
        "django-mw-preflight-passed-on",
        "warning",
        call.file,
        call.stmt.line,
        "config.django.mw.check.preflight-passed-on",
        { name: auth.name, line: auth.line },
      );
  }
  for (const o of order) {
    if (o.above)
      add(
        "django-mw-order",
        o.above.known ? "error" : "warning",
        o.file,
        o.line,
        o.above.known ? "config.django.mw.check.order" : "config.django.mw.check.order-unknown",
        { name: o.name, above: o.above.name, line: o.above.line },
      );
    if (o.corsheaders)
      add(
        "django-mw-two-layers",
        "warning",
        o.file,
        Math.max(o.line, o.corsheaders.line),
        "config.django.mw.check.two-layers",
        {
          name: o.name,
          line: o.line,
        },
      );
  }
  return out;
}

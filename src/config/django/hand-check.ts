/**
 * `check --config` on a hand-written Django CORS middleware: each rule with its English and Korean
 * words (spread into the catalogues, src/i18n/messages/*-config-python.ts). The rules read the
 * answers `hand.ts` computes for a few probe requests (passed in, so this file imports no code and
 * the catalogues that read its words stay small) and MIDDLEWARE's order.
 */
import type { HeaderList } from "../../engine";
import type { ConfigFinding, Words } from "../types";
import type { Answered, RespHeader } from "./hand";

/** The rules' words in English, the source; Korean below (HAND_CHECK_KO). */
export const HAND_CHECK_EN = {
  "config.django.mw.check.max-age":
    "Access-Control-Max-Age: {value} is above Chromium's cap of 7200 s (Firefox: 86400 s): the preflight is cached 2 hours at most and sent again after; not an error, the larger value is not honoured",
  "config.django.mw.check.any-credentials":
    "Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true (line {line}): browsers refuse every call that sends cookies or Authorization; send back the allowed origins instead of *",
  "config.django.mw.check.reflect-credentials":
    "any request's Origin is sent back as Access-Control-Allow-Origin with Access-Control-Allow-Credentials: true (line {line}): every website can read this API with the user's cookies; compare the origin with a list first",
  "config.django.mw.check.no-vary":
    "Access-Control-Allow-Origin is the request's own Origin but Vary: Origin is not set: a cache can hand one site's answer to another; add patch_vary_headers(response, (\"Origin\",))",
  "config.django.mw.check.order":
    "{name} comes after {above} (line {line}), which can answer first (a redirect, a static file) without the CORS headers: put {name} at the top of MIDDLEWARE",
  "config.django.mw.check.order-unknown":
    "{name} comes after {above} (line {line}): a response that middleware makes itself (401, 403, a redirect) gets no CORS headers; put {name} above it",
  "config.django.mw.check.two-layers":
    "{name} (line {line}) and django-cors-headers' CorsMiddleware both set the CORS headers: on each response the outer one's values win, and the one that runs first answers the preflight; keep one of them",
} as const;

export const HAND_CHECK_KO: Record<keyof typeof HAND_CHECK_EN, string> = {
  "config.django.mw.check.max-age":
    "Access-Control-Max-Age: {value}는 Chromium의 상한 7200초(Firefox: 86400초)보다 큽니다: 프리플라이트는 최대 2시간만 캐시되고 그 뒤 다시 보내집니다. 오류는 아니며, 더 큰 값이 적용되지 않을 뿐입니다",
  "config.django.mw.check.any-credentials":
    "Access-Control-Allow-Origin: *와 Access-Control-Allow-Credentials: true(줄 {line})를 함께 보냅니다: 쿠키나 Authorization을 보내는 호출은 브라우저가 모두 거부합니다. * 대신 허용할 출처를 돌려보내세요",
  "config.django.mw.check.reflect-credentials":
    "어떤 요청의 Origin이든 Access-Control-Allow-Origin으로 돌려보내면서 Access-Control-Allow-Credentials: true(줄 {line})를 보냅니다: 모든 웹사이트가 사용자의 쿠키로 이 API를 읽을 수 있습니다. 먼저 출처를 목록과 비교하세요",
  "config.django.mw.check.no-vary":
    "Access-Control-Allow-Origin이 요청의 Origin 그대로인데 Vary: Origin이 없습니다: 캐시가 한 사이트의 응답을 다른 사이트에 줄 수 있습니다. patch_vary_headers(response, (\"Origin\",))를 추가하세요",
  "config.django.mw.check.order":
    "{name}이(가) {above}(줄 {line}) 뒤에 있습니다. 그 미들웨어가 CORS 헤더 없이 먼저 응답할 수 있습니다(리다이렉트, 정적 파일): {name}을(를) MIDDLEWARE 맨 위로 옮기세요",
  "config.django.mw.check.order-unknown":
    "{name}이(가) {above}(줄 {line}) 뒤에 있습니다: 그 미들웨어가 직접 만든 응답(401, 403, 리다이렉트)에는 CORS 헤더가 붙지 않습니다. {name}을(를) 그 위로 옮기세요",
  "config.django.mw.check.two-layers":
    "{name}(줄 {line})과 django-cors-headers의 CorsMiddleware가 둘 다 CORS 헤더를 설정합니다: 응답마다 바깥쪽 값이 이기고, 먼저 실행되는 쪽이 프리플라이트에 응답합니다. 하나만 남기세요",
};

type Key = keyof typeof HAND_CHECK_EN;

/** Chromium's cap on Access-Control-Max-Age (https://source.chromium.org/chromium/chromium/src/+/main:services/network/public/cpp/cors/preflight_result.cc). */
const CHROMIUM_MAX_AGE = 7200;

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
}

const header = (hs: RespHeader[], name: string) => hs.find((h) => h.name.toLowerCase() === name);

export function checkHand(
  files: { file: string },
  probe: Probe,
  origins: { listed: string[]; stranger: string },
  order: OrderFacts[],
): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const seen = new Set<string>();
  const add = (code: string, severity: "error" | "warning", file: string, line: number, key: Key, params = {}) => {
    const k = `${code}:${file}:${line}`;
    if (seen.has(k)) return;
    seen.add(k);
    const words: Words = { key, params };
    out.push({ code, severity, file, line, words });
  };
  for (const origin of [origins.stranger, ...origins.listed]) {
    const pre = probe("OPTIONS", origin, [["Access-Control-Request-Method", "GET"]]);
    const age = pre && header(pre.resp.headers, "access-control-max-age");
    if (age?.site && Number(age.value) > CHROMIUM_MAX_AGE)
      add("django-mw-max-age", "warning", age.site.file, age.site.line, "config.django.mw.check.max-age", {
        value: age.value,
      });
    const get = probe("GET", origin, []);
    if (!get) continue;
    const acao = header(get.resp.headers, "access-control-allow-origin");
    const acac = header(get.resp.headers, "access-control-allow-credentials");
    if (!acao?.site) continue;
    const creds = acac?.value.trim().toLowerCase() === "true";
    if (acao.value.trim() === "*" && creds)
      add("django-mw-any-credentials", "error", acao.site.file, acao.site.line, "config.django.mw.check.any-credentials", {
        line: acac?.site?.line ?? 0,
      });
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
      add("django-mw-two-layers", "warning", o.file, Math.max(o.line, o.corsheaders.line), "config.django.mw.check.two-layers", {
        name: o.name,
        line: o.line,
      });
  }
  return out;
}

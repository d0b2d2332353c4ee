/**
 * One typed message catalogue for every word CORS Lens shows, in English and Korean. Pure: the
 * engine, the report, the CLI and the pages all format through it; the language is a parameter
 * (the browser's UI language, the terminal's LANG, or the user's choice), never a global.
 */
import { formatMessage, type Params } from "./format";
import { en } from "./messages/en";
import { ko } from "./messages/ko";

export type { Params } from "./format";
export type Lang = "en" | "ko";
export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, params?: Params) => string;

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ko };

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "ko";
}

/**
 * The first candidate naming a language CORS Lens speaks: BCP 47 tags (`ko-KR`, from
 * `i18n.getUILanguage()` or `navigator.language`) or POSIX locales (`ko_KR.UTF-8`, from LANG).
 * "C" and "POSIX" say nothing; English when nothing matches.
 */
export function pickLang(...candidates: ReadonlyArray<string | null | undefined>): Lang {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const primary = candidate
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}

const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
    const catalogue = CATALOGUES[lang];
    t = (key, params) => formatMessage(catalogue[key] ?? en[key], params, lang);
    translators.set(lang, t);
  }
  return t;
}

/** English, for callers that name no language (tests, the JSON contract's defaults). */
export const tEn: Translate = translator("en");

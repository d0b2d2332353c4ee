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
/** Formats one catalogue message; `lang` is the language it speaks, for the rooms' own words. */
export interface Translate {
  (key: MessageKey, params?: Params): string;
  readonly lang: Lang;
}

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
    t = Object.assign(
      (key: MessageKey, params?: Params) => formatMessage(catalogue[key] ?? en[key], params, lang),
      { lang },
    );
    translators.set(lang, t);
  }
  return t;
}

/**
 * A room's words in one language: exactly the English table's keys (a missing or an extra key is a
 * compile error where the table is declared with this type).
 */
export type Translation<T> = { readonly [K in keyof T]: string };

/** Every language's table of one room: English is the source, each other language a `Translation` of it. */
export type RoomTables<T> = { readonly en: T } & { readonly [L in Exclude<Lang, "en">]: Translation<T> };

/** A room's words for one language: a key of its English table, formatted like the catalogue's. */
export type RoomTranslate<K extends string> = (key: K, params?: Params) => string;

/** The words of a room, per language; `tables` for the tests that check every room like the catalogue. */
export interface RoomWords<K extends string> {
  (lang: Lang): RoomTranslate<K>;
  readonly tables: { readonly [L in Lang]: { readonly [P in K]: string } };
}

/**
 * The words a cause's or a finding's file keeps beside its code (English at the top of the file,
 * each other language in a typed file beside it), formatted as the catalogue's are: the same ICU
 * subset, English where a language lacks a key, one formatter per language kept.
 */
export function roomTranslator<const T extends Readonly<Record<string, string>>>(
  tables: RoomTables<T>,
): RoomWords<keyof T & string> {
  type K = keyof T & string;
  const made = new Map<Lang, RoomTranslate<K>>();
  const english: Readonly<Record<K, string>> = tables.en;
  const words = (lang: Lang): RoomTranslate<K> => {
    let t = made.get(lang);
    if (!t) {
      const table: Partial<Record<K, string>> = tables[lang];
      t = (key, params) => formatMessage(table[key] ?? english[key], params, lang);
      made.set(lang, t);
    }
    return t;
  };
  return Object.assign(words, { tables });
}

/** English, for callers that name no language (tests, the JSON contract's defaults). */
export const tEn: Translate = translator("en");

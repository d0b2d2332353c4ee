/**
 * The pages' words: one translator for the panel and the popup, given by a context so every
 * component reads the same language, and switched live when the user picks another one.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { isLang, type Lang, pickLang, type Translate, tEn } from "../../i18n";

export const I18n = createContext<Translate>(tEn);

export function useT(): Translate {
  return useContext(I18n);
}

/** The language setting: "auto" follows the browser's UI language. */
export type LangSetting = "auto" | Lang;

export const LANG_SETTING_KEY = "lang";

export function langSettingOf(value: unknown): LangSetting {
  return isLang(value) ? value : "auto";
}

export function resolveLang(setting: LangSetting, uiLanguage: string): Lang {
  return setting === "auto" ? pickLang(uiLanguage) : setting;
}

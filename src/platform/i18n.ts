import { browser } from "./browser";

/** The browser's UI language (`i18n.getUILanguage()`: "ko", "en-US" …). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

import { browser } from "./browser";

/**
 * Adds the "CORS Lens" panel to DevTools. The paths are absolute: Firefox resolves relative ones
 * against the devtools page (`src/devtools/src/devtools/panel.html`, "File not found"), Chrome
 * against the extension root (MDN `devtools.panels.create`; Gecko
 * `browser/components/extensions/parent/ext-devtools-panels.js` resolves with the page's URL).
 */
export async function createDevtoolsPanel(title: string): Promise<void> {
  await browser.devtools.panels.create(title, "/icons/icon-32.png", "/src/devtools/panel.html");
}

/** The tab DevTools inspects, or null when the panel page is opened outside DevTools (a tab). */
export function inspectedTabId(): number | null {
  const devtools = (browser as { devtools?: { inspectedWindow?: { tabId?: number } } }).devtools;
  return devtools?.inspectedWindow?.tabId ?? null;
}

export type Theme = "light" | "dark";

interface ThemeApi {
  themeName?: string;
  /** Firefox (and the polyfill's shape). */
  onThemeChanged?: { addListener(listener: (name: string) => void): void };
  /** Chrome's own (`chrome.devtools.panels.setThemeChangeHandler`, Chrome 99+); no event there. */
  setThemeChangeHandler?: (handler: (name: string) => void) => void;
}

function themeApi(): ThemeApi | null {
  const chromePanels = (globalThis as { chrome?: { devtools?: { panels?: ThemeApi } } }).chrome?.devtools
    ?.panels;
  if (chromePanels?.setThemeChangeHandler) return chromePanels;
  return (browser as { devtools?: { panels?: ThemeApi } }).devtools?.panels ?? null;
}

const themeOf = (name: string): Theme => (name === "dark" ? "dark" : "light");

/** DevTools' theme ("default" or "dark"); null outside DevTools. */
export function devtoolsTheme(): Theme | null {
  const name = themeApi()?.themeName;
  return name === undefined ? null : themeOf(name);
}

/** Calls `listener` whenever the user switches DevTools' theme; false outside DevTools. */
export function onDevtoolsThemeChange(listener: (theme: Theme) => void): boolean {
  const api = themeApi();
  if (api?.setThemeChangeHandler) {
    api.setThemeChangeHandler((name) => listener(themeOf(name)));
    return true;
  }
  if (api?.onThemeChanged) {
    api.onThemeChanged.addListener((name) => listener(themeOf(name)));
    return true;
  }
  return false;
}

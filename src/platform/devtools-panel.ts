import { browser } from "./browser";

/** Adds the "CORS Lens" panel to DevTools. The page path is relative to the extension root. */
export async function createDevtoolsPanel(title: string): Promise<void> {
  await browser.devtools.panels.create(title, "icons/icon-32.png", "src/devtools/panel.html");
}

/** The tab DevTools inspects, or null when the panel page is opened outside DevTools (a tab). */
export function inspectedTabId(): number | null {
  const devtools = (browser as { devtools?: { inspectedWindow?: { tabId?: number } } }).devtools;
  return devtools?.inspectedWindow?.tabId ?? null;
}

/** DevTools' theme ("default" or "dark"); null outside DevTools. */
export function devtoolsTheme(): "light" | "dark" | null {
  const devtools = (browser as { devtools?: { panels?: { themeName?: string } } }).devtools;
  const name = devtools?.panels?.themeName;
  if (name === undefined) return null;
  return name === "dark" ? "dark" : "light";
}

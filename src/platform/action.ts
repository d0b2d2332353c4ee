/** The toolbar button: its badge and title, per tab or for every tab (tabId null). */
import { browser } from "./browser";

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export function setBadge(tabId: number | null, badge: Badge): void {
  const where = tabId === null ? {} : { tabId };
  // A tab that closed meanwhile rejects: nothing to show it on any more.
  const ignore = () => undefined;
  void browser.action.setBadgeText({ ...where, text: badge.text }).catch(ignore);
  void browser.action.setBadgeBackgroundColor({ ...where, color: badge.color }).catch(ignore);
  void browser.action.setTitle({ ...where, title: badge.title }).catch(ignore);
}

/** The tab the popup belongs to: the active tab of the current window. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

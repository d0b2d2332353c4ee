/**
 * The toolbar button in real Chromium and Firefox: the badge counts the tab's blocked requests of a
 * lab run, the popup lists them by cause, pausing unregisters every webRequest listener (the
 * browser says so) and nothing is recorded, resuming records again.
 */
import { describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import type { RecordingReply, StatusReply } from "../../src/protocol/messages";
import type { ReportDocument } from "../../src/report/report";
import { launchChromiumWithExtension } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { launchFirefoxWithExtension } from "./helpers/firefox";
import { FAILURES } from "./helpers/panel-dom";
import { resultsPath } from "./helpers/paths";
import { tabIdOf } from "./helpers/report";

type Ext = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
/** Runs in an extension page: a runtime message to the background. */
const send = (message: unknown): Promise<unknown> =>
  (
    (globalThis as unknown as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome
  ).runtime.sendMessage(message);

/** Runs in an extension page: the badge text the browser shows for a tab. */
const badgeText = (tabId: number): Promise<string> =>
  (
    (globalThis as unknown as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome
  ).action.getBadgeText({ tabId });

/** Reads the popup page: the summary line and the groups' count, title and host. */
function readPopup() {
  return {
    summary: document.querySelector(".summary")?.textContent ?? "",
    groups: [...document.querySelectorAll(".groups li")].map((li) => ({
      count: Number.parseInt(li.querySelector(".count")?.textContent ?? "0", 10),
      title: li.querySelector(".title")?.textContent ?? "",
    })),
    recording: document.querySelector('[role="switch"]')?.getAttribute("aria-checked") === "true",
  };
}

/** Waits for the tab's report to hold the lab run's failures and the badge to count them. */
async function labRunOnBadge(
  ask: (message: unknown) => Promise<unknown>,
  badge: () => Promise<string>,
  tabId: number,
) {
  let last: ReportDocument | null = null;
  const report = await waitFor(async () => {
    last = (await ask({ type: "cors-lens/report", tabId })) as ReportDocument;
    return last.exchanges.filter((x) => x.verdict === "blocked").length >= FAILURES.length ? last : null;
  }, "the report to hold the lab run").catch((error: Error) => {
    // Say what the report held instead: which request went missing or got another verdict.
    const seen = (last as ReportDocument | null)?.exchanges.map((x) => `${x.url} ${x.verdict}`);
    throw new Error(`${error.message}; the report held:\n${(seen ?? []).join("\n")}`);
  });
  const blocked = report.exchanges.filter((x) => x.verdict === "blocked").length;
  expect(blocked).toBe(FAILURES.length);
  await waitFor(async () => (await badge()) === String(blocked), `the badge to say ${blocked}`);
  return { report, blocked };
}

/**
 * Runs in the popup: each heading, label and control whose text does not fit its own box
 * (scrollWidth > clientWidth) or that reaches past the popup's visible width (cut at the edge).
 */
function overflowing() {
  const visible = document.documentElement.clientWidth;
  return [...document.querySelectorAll("h1, label, button, input, .note, .hint, .summary, .groups li > span")]
    .map((el) => ({
      what: `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ""} "${(el.textContent || (el as HTMLInputElement).placeholder || "").trim().slice(0, 40)}"`,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      right: Math.ceil(el.getBoundingClientRect().right),
      visible,
    }))
    .filter((c) => c.scrollWidth > c.clientWidth || c.right > c.visible);
}

type Storage = { storage: { local: { set(v: unknown): Promise<void>; remove(k: string): Promise<void> } } };
/** Runs in an extension page: the panel's language choice, which the popup follows (null: the browser's). */
const setLang = (lang: string | null): Promise<void> => {
  const local = (globalThis as unknown as { chrome: Storage }).chrome.storage.local;
  return lang === null ? local.remove("lang") : local.set({ lang });
};

const run = (id: string) =>
  (globalThis as unknown as { runScenario(id: string): Promise<unknown> }).runScenario(id);
const EVENTS = ["onSendHeaders", "onHeadersReceived", "onBeforeRedirect", "onCompleted", "onErrorOccurred"];

describe("the toolbar badge and popup, and the recording switch", () => {
  it("in Chromium", async () => {
    const lab = await startLab();
    const chromium = await launchChromiumWithExtension();
    try {
      const page = await chromium.context.newPage();
      await page.goto(`${lab.page}/`);
      for (const id of [...FAILURES, "credentials-ok"]) await page.evaluate(run, id);
      const extPage = await chromium.context.newPage();
      await extPage.goto(`chrome-extension://${chromium.extensionId}/src/devtools/panel.html`);
      const tabId = await tabIdOf(extPage, `${lab.page}/*`);
      const { report, blocked } = await labRunOnBadge(
        (m) => extPage.evaluate(send, m),
        () => extPage.evaluate(badgeText, tabId),
        tabId,
      );

      const popup = await chromium.context.newPage();
      await popup.goto(`chrome-extension://${chromium.extensionId}/src/popup/popup.html?tabId=${tabId}`);
      const view = await waitFor(async () => {
        const v = await popup.evaluate(readPopup);
        return v.groups.length > 0 ? v : null;
      }, "the popup to list the failures");
      expect(view.summary).toBe(`${blocked} requests blocked in this tab`);
      expect(view.groups.reduce((n, g) => n + g.count, 0)).toBe(blocked);
      expect(view.groups.map((g) => g.title)).toEqual(
        expect.arrayContaining(["Wildcard origin with credentials", "Request header x-api-key not allowed"]),
      );

      for (const scheme of ["light", "dark"] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.setViewportSize({ width: 340, height: 440 });
        await popup.screenshot({ path: resultsPath(`popup-chromium-${scheme}.png`) });
      }
      // Keyboard: the switch is reachable with Tab and toggles with Space, like a native one.
      await popup.keyboard.press("Tab");
      expect(await popup.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("switch");

      // Pause from the popup's switch: the browser then has none of our listeners.
      await popup.keyboard.press("Space");
      await waitFor(async () => !(await popup.evaluate(readPopup)).recording, "the switch to say paused");
      const worker = await chromium.worker();
      const listeners = () =>
        worker.evaluate(
          (names) =>
            names.map((n) =>
              (
                globalThis as unknown as {
                  chrome: { webRequest: Record<string, { hasListeners(): boolean }> };
                }
              ).chrome.webRequest[n]?.hasListeners(),
            ),
          EVENTS,
        );
      expect(await listeners()).toEqual([false, false, false, false, false]);
      await waitFor(async () => (await extPage.evaluate(badgeText, tabId)) === "off", "the badge to say off");

      // Paused, at the popup's 340 px, in both languages: every label and control fits (the paused
      // label was cut to "Pausec" by the scroll bar of a popup taller than the window).
      for (const lang of ["en", "ko"] as const) {
        await popup.evaluate(setLang, lang);
        await popup.reload();
        await waitFor(
          async () =>
            (await popup.evaluate(() => document.documentElement.lang)) === lang &&
            (await popup.evaluate(readPopup)).groups.length > 0,
          `the popup in ${lang}`,
        );
        await popup.setViewportSize({ width: 340, height: 440 });
        const label = await popup.textContent(".switch");
        expect(label).toBe(lang === "en" ? "Paused" : "일시 중지");
        await popup.screenshot({ path: resultsPath(`popup-chromium-paused-${lang}.png`) });
        expect(await popup.evaluate(overflowing), lang).toEqual([]);
      }
      await popup.evaluate(setLang, null);
      await popup.reload();
      await page.evaluate(run, "acao-missing");
      const paused = (await extPage.evaluate(send, { type: "cors-lens/status" })) as StatusReply;
      expect(paused.recording).toBe(false);
      expect(paused.exchanges).toBe(report.exchanges.length);

      // Resume through the runtime message automation uses.
      const reply = (await extPage.evaluate(send, {
        type: "cors-lens/recording",
        on: true,
      })) as RecordingReply;
      expect(reply).toEqual({ type: "cors-lens/recording", on: true, hosts: null });
      expect(await listeners()).toEqual([true, true, true, true, true]);
      await page.evaluate(run, "acao-missing");
      await waitFor(async () => {
        const s = (await extPage.evaluate(send, { type: "cors-lens/status" })) as StatusReply;
        return s.exchanges === report.exchanges.length + 1 ? s : null;
      }, "the request after resuming to be recorded");
      await waitFor(
        async () => (await extPage.evaluate(badgeText, tabId)) === String(blocked + 1),
        "the badge to count it",
      );

      // Narrowed from the popup's hosts field to another API host: the lab API's requests are no
      // longer dispatched to CORS Lens at all; cleared again, they are.
      await popup.reload();
      await popup.fill("#hosts", "localhost");
      await popup.press("#hosts", "Enter");
      await waitFor(
        async () => ((await popup.textContent(".hosts .note")) ?? "").startsWith("Recording only localhost"),
        "the popup to say it records localhost only",
      );
      const narrowed = (await extPage.evaluate(send, { type: "cors-lens/recording" })) as RecordingReply;
      expect(narrowed.hosts).toEqual(["localhost"]);
      const before = ((await extPage.evaluate(send, { type: "cors-lens/status" })) as StatusReply).exchanges;
      await page.evaluate(run, "acao-missing");
      await page.evaluate(run, "credentials-ok");
      // Then a request to localhost, which is recorded: once it is, the two before it would have
      // been too (the browser dispatches a tab's events in order), had they been dispatched at all.
      await page.evaluate(run, "credentials-no-cookie-wildcard");
      const counted = await waitFor(async () => {
        const s = (await extPage.evaluate(send, { type: "cors-lens/status" })) as StatusReply;
        return s.exchanges > before ? s.exchanges : null;
      }, "the request to localhost to be recorded");
      expect(counted).toBe(before + 1);
      await extPage.evaluate(send, { type: "cors-lens/recording", hosts: null });
      await page.evaluate(run, "acao-missing");
      await waitFor(async () => {
        const s = (await extPage.evaluate(send, { type: "cors-lens/status" })) as StatusReply;
        return s.exchanges === before + 2 ? s : null;
      }, "every host to be recorded again");
    } finally {
      await chromium.close();
      await lab.close();
    }
  });

  it("in Firefox", async () => {
    const lab = await startLab();
    const firefox = await launchFirefoxWithExtension();
    try {
      const page = await firefox.browser.newPage();
      await page.goto(`${lab.page}/`);
      for (const id of [...FAILURES, "credentials-ok"]) await page.evaluate(run, id);
      const extPage = await firefox.openExtensionPage("src/devtools/panel.html");
      // Firefox's match patterns take no port (observed in Firefox 153): find the lab's tab by URL.
      const tabId = (await extPage.evaluate(
        async (prefix) =>
          (
            await (
              globalThis as unknown as {
                browser: { tabs: { query(q: unknown): Promise<Array<{ id: number; url?: string }>> } };
              }
            ).browser.tabs.query({})
          ).find((t) => t.url?.startsWith(prefix))?.id ?? null,
        `${lab.page}/`,
      )) as number;
      const { report, blocked } = await labRunOnBadge(
        (m) => extPage.evaluate(send, m),
        () => extPage.evaluate(badgeText, tabId),
        tabId,
      );
      const popup = await firefox.openExtensionPage(`src/popup/popup.html?tabId=${tabId}`);
      const view = await waitFor(async () => {
        const v = await popup.evaluate(readPopup);
        return v.groups.length > 0 ? v : null;
      }, "the popup to list the failures");
      expect(view.groups.reduce((n, g) => n + g.count, 0)).toBe(blocked);
      await popup.evaluate(() => document.querySelector<HTMLElement>('[role="switch"]')?.click());
      await waitFor(async () => !(await popup.evaluate(readPopup)).recording, "the switch to say paused");
      await page.evaluate(run, "acao-missing");
      const paused = (await extPage.evaluate(send, { type: "cors-lens/status" })) as StatusReply;
      // `recording` is the browser's own hasListener() on each of our listeners.
      expect(paused.recording).toBe(false);
      expect(paused.exchanges).toBe(report.exchanges.length);
      await waitFor(async () => (await extPage.evaluate(badgeText, tabId)) === "off", "the badge to say off");
      await extPage.evaluate(send, { type: "cors-lens/recording", on: true });
      await page.evaluate(run, "acao-missing");
      await waitFor(async () => {
        const s = (await extPage.evaluate(send, { type: "cors-lens/status" })) as StatusReply;
        return s.recording && s.exchanges === report.exchanges.length + 1 ? s : null;
      }, "the request after resuming to be recorded");
    } finally {
      await firefox.close();
      await lab.close();
    }
  });
});

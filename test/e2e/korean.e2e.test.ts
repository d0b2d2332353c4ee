/**
 * CORS Lens in Korean where a Korean user sees it: Chromium started in Korean (`--lang=ko`), its
 * real DevTools, the panel following the browser's language — the list, the cause, the evidence,
 * the fix's comments — with Chromium's and Firefox's names untouched, light and dark; the panel's
 * language setting switching it back to English live.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { type DevtoolsSession, openCorsLensPanel, waitFor } from "./helpers/devtools";
import { FAILURES, readDetail, readList } from "./helpers/panel-dom";
import { resultsPath } from "./helpers/paths";

type Lab = Awaited<ReturnType<typeof startLab>>;
const HANGUL = /[\uac00-\ud7a3]/;

async function runFailures(session: DevtoolsSession) {
  for (const id of FAILURES)
    await session.page.evaluate(
      (s) => (globalThis as unknown as { runScenario(id: string): Promise<unknown> }).runScenario(s),
      id,
    );
  return waitFor(async () => {
    const v = await session.panel.evaluate(readList);
    return v.blocked >= FAILURES.length ? v : null;
  }, "the panel to list the lab's failures");
}

/** Opens the detail of the row whose cause is the wildcard-with-credentials one (by its code). */
async function openWildcard(session: DevtoolsSession) {
  await session.panel.evaluate(() => {
    const row = [...document.querySelectorAll<HTMLElement>(".row")].find((r) =>
      r.querySelector(".url .path")?.textContent?.includes("seed-django-wildcard-credentials"),
    );
    row?.click();
  });
  return waitFor(() => session.panel.evaluate(readDetail), "the detail");
}

describe.each(["light", "dark"] as const)("the panel in Korean Chromium, %s", (theme) => {
  let lab: Lab;
  let session: DevtoolsSession;
  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it("speaks Korean: list, cause, evidence and fix; the browsers' names as the console says them", async () => {
    lab = await startLab();
    session = await openCorsLensPanel(`${lab.page}/`, { dock: "bottom", theme, lang: "ko" });
    expect(
      await session.panel.evaluate(() =>
        (
          globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }
        ).chrome.i18n.getUILanguage(),
      ),
    ).toMatch(/^ko/);
    const list = await runFailures(session);
    expect(list.causes).toEqual(
      expect.arrayContaining(["자격 증명과 함께 쓴 와일드카드 출처", "허용되지 않은 요청 헤더: x-api-key"]),
    );
    const chrome = await session.panel.evaluate(() => ({
      lang: document.documentElement.lang,
      toolbar: document.querySelector(".toolbar")?.getAttribute("aria-label") ?? "",
      counts: document.querySelector(".counts")?.textContent ?? "",
      header: [...document.querySelectorAll(".list-header span")].map((s) => s.textContent).join(" "),
    }));
    expect(chrome).toMatchObject({ lang: "ko", toolbar: "CORS Lens 도구 모음" });
    expect(chrome.counts).toMatch(/개 차단/);
    expect(chrome.header).toContain("원인");

    const detail = await openWildcard(session);
    expect(detail.title).toBe("자격 증명과 함께 쓴 와일드카드 출처");
    expect(detail.message).toMatch(HANGUL);
    expect(detail.requiredVsSent).toMatch(/요구.*전송/);
    const rest = await session.panel.evaluate(() => ({
      headings: [...document.querySelectorAll(".detail h3")].map((h) => h.textContent ?? ""),
      snippet: document.querySelector(".fixes pre.snippet")?.textContent ?? "",
      chromium: document.querySelector(".browser-words .who code")?.textContent ?? "",
      where: document.querySelector(".fix-where")?.textContent ?? "",
    }));
    expect(rest.headings).toEqual(
      expect.arrayContaining(["수정 방법", "근거", "타임라인", "브라우저 메시지"]),
    );
    expect(rest.snippet).toMatch(HANGUL); // the fix's comments
    expect(rest.where).toMatch(/^위치: /);
    expect(rest.chromium).toBe("WildcardOriginNotAllowed");
    await session.panel.evaluate(() => document.querySelector(".detail")?.scrollTo(0, 0));
    await session.page.bringToFront();
    const shot = await session.devtools.screenshot({ path: resultsPath(`panel-chromium-ko-${theme}.png`) });
    expect(shot.length).toBeGreaterThan(10_000);
  });

  it.runIf(theme === "light")("switches to English from its language setting, live, and back", async () => {
    const pick = (value: string) =>
      session.panel.evaluate((v) => {
        const select = document.querySelector<HTMLSelectElement>(
          '.toolbar select[aria-label^="언어"], .toolbar select[aria-label^="Language"]',
        );
        if (!select) return false;
        select.value = v;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        return true;
      }, value);
    expect(await pick("en")).toBe(true);
    const english = await waitFor(async () => {
      const v = await session.panel.evaluate(readList);
      return v.causes.includes("Wildcard origin with credentials") ? v : null;
    }, "the list in English");
    expect(english.blocked).toBeGreaterThanOrEqual(FAILURES.length);
    expect(await session.panel.evaluate(() => document.querySelector(".detail .cause h2")?.textContent)).toBe(
      "Wildcard origin with credentials",
    );
    expect(await pick("auto")).toBe(true);
    await waitFor(async () => {
      const v = await session.panel.evaluate(readList);
      return v.causes.includes("자격 증명과 함께 쓴 와일드카드 출처") ? v : null;
    }, "the list in Korean again");
  });
});

import type { Frame } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { type DevtoolsSession, openCorsLensPanel, waitFor } from "./helpers/devtools";
import { launchFirefoxWithExtension } from "./helpers/firefox";
import { resultsPath } from "./helpers/paths";

type Lab = Awaited<ReturnType<typeof startLab>>;
const FAILURES = [
  "seed-django-wildcard-credentials",
  "seed-django-missing-header",
  "preflight-401-auth-first",
  "seed-django-500-masked",
];

interface PanelView {
  rows: number;
  blocked: number;
  causes: string[];
}

/** What the panel shows, read from its DOM (runs inside the panel). */
function readList(): PanelView {
  const rows = [...document.querySelectorAll(".row")];
  return {
    rows: rows.length,
    blocked: rows.filter((r) => r.getAttribute("data-verdict") === "blocked").length,
    causes: rows.map((r) => r.querySelector(".cause")?.textContent ?? ""),
  };
}

interface DetailView {
  title: string;
  failingRows: string[];
  fixTabs: number;
  message: string;
}

function readDetail(): DetailView | null {
  const detail = document.querySelector(".detail");
  if (!detail) return null;
  return {
    title: detail.querySelector(".cause h2")?.textContent ?? "",
    failingRows: [...detail.querySelectorAll("table.evidence tr.failing th")].map(
      (th) => th.textContent ?? "",
    ),
    fixTabs: detail.querySelectorAll(".fixes [role=tab]").length,
    message: detail.querySelector(".cause .message")?.textContent ?? "",
  };
}

function clickRowWithCause(text: string): boolean {
  const row = [...document.querySelectorAll<HTMLElement>(".row")].find((r) =>
    r.querySelector(".cause")?.textContent?.includes(text),
  );
  row?.click();
  return row !== undefined;
}

describe("the CORS Lens panel in real DevTools (Chromium)", () => {
  let lab: Lab;
  let session: DevtoolsSession;
  let panel: Frame;

  beforeAll(async () => {
    lab = await startLab();
    session = await openCorsLensPanel(`${lab.page}/`);
    panel = session.panel;
    for (const id of FAILURES)
      await session.page.evaluate(
        (s) => (globalThis as unknown as { runScenario(id: string): Promise<unknown> }).runScenario(s),
        id,
      );
  });
  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it("lists the inspected tab's blocked requests with their cause", async () => {
    const view = await waitFor(async () => {
      const v = await panel.evaluate(readList);
      return v.blocked >= FAILURES.length ? v : null;
    }, "the panel to list the lab's failures");
    expect(view.causes).toEqual(
      expect.arrayContaining([
        "Wildcard origin with credentials",
        "Request header x-api-key not allowed",
        "Preflight has no Access-Control-Allow-Origin",
        "No Access-Control-Allow-Origin header",
      ]),
    );
  });

  it("shows the cause, the failing evidence row and the fixes, in light and dark", async () => {
    expect(await panel.evaluate(clickRowWithCause, "x-api-key")).toBe(true);
    const detail = await waitFor(() => panel.evaluate(readDetail), "the detail view");
    expect(detail.title).toBe("Request header x-api-key not allowed");
    expect(detail.failingRows).toEqual(["Access-Control-Allow-Headers"]);
    expect(detail.message).toContain("accept, accept-encoding, authorization, content-type");
    expect(detail.fixTabs).toBeGreaterThanOrEqual(13);
    await session.devtools.screenshot({ path: resultsPath("panel-chromium-light.png") });
    await panel.evaluate(() => {
      document.documentElement.dataset.theme = "dark";
    });
    await session.devtools.screenshot({ path: resultsPath("panel-chromium-dark.png") });
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(32, 33, 36)");
  });
});

describe("the CORS Lens panel page in Firefox", () => {
  it("lists and explains the same failures", async () => {
    const lab = await startLab();
    const firefox = await launchFirefoxWithExtension();
    try {
      const labPage = await firefox.browser.newPage();
      await labPage.goto(`${lab.page}/`);
      for (const id of FAILURES)
        await labPage.evaluate(
          (s) => (globalThis as unknown as { runScenario(id: string): Promise<unknown> }).runScenario(s),
          id,
        );
      const panel = await firefox.openExtensionPage("src/devtools/panel.html");
      const view = await waitFor(async () => {
        const v = await panel.evaluate(readList);
        return v.blocked >= FAILURES.length ? v : null;
      }, "the Firefox panel to list the failures");
      expect(view.causes).toEqual(
        expect.arrayContaining(["Wildcard origin with credentials", "Request header x-api-key not allowed"]),
      );
      expect(await panel.evaluate(clickRowWithCause, "x-api-key")).toBe(true);
      const detail = await waitFor(() => panel.evaluate(readDetail), "the detail view");
      expect(detail.failingRows).toEqual(["Access-Control-Allow-Headers"]);
      await panel.screenshot({ path: resultsPath("panel-firefox.png") });
    } finally {
      await firefox.close();
      await lab.close();
    }
  });
});

/**
 * The panel where users use it: Chromium's real DevTools docked right at 500 px (light and dark, from
 * DevTools' own theme setting) and docked bottom. Asserts on what the panel laid out, not on our state.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { type DevtoolsLayout, type DevtoolsSession, openCorsLensPanel, waitFor } from "./helpers/devtools";
import {
  clickMakePatch,
  clickRowWithCause,
  FAILURES,
  labNginxConf,
  pasteConfig,
  readDetail,
  readLayout,
  readList,
  readPatch,
} from "./helpers/panel-dom";
import { ROOT, resultsPath } from "./helpers/paths";

type Lab = Awaited<ReturnType<typeof startLab>>;

const LAYOUTS: Array<{ name: string; layout: DevtoolsLayout; narrow: boolean }> = [
  { name: "right-500-light", layout: { dock: "right", sideWidth: 500, theme: "light" }, narrow: true },
  { name: "right-500-dark", layout: { dock: "right", sideWidth: 500, theme: "dark" }, narrow: true },
  { name: "bottom-light", layout: { dock: "bottom", theme: "light" }, narrow: false },
];

describe.each(LAYOUTS)(
  "the CORS Lens panel in real Chromium DevTools, docked $name",
  ({ name, layout, narrow }) => {
    let lab: Lab;
    let session: DevtoolsSession;

    beforeAll(async () => {
      lab = await startLab();
      session = await openCorsLensPanel(`${lab.page}/`, layout);
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

    it("lists the inspected tab's blocked requests with their endpoint and cause, uncut", async () => {
      const view = await waitFor(async () => {
        const v = await session.panel.evaluate(readList);
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
      expect(view.paths).toEqual(expect.arrayContaining(FAILURES.map((id) => `/s/${id}`)));
      const layoutNow = await session.panel.evaluate(readLayout);
      if (layout.sideWidth) expect(layoutNow.width).toBeLessThanOrEqual(layout.sideWidth);
      expect(layoutNow.toolbarRows).toBe(1);
      // Every endpoint and every cause is fully visible, not ellipsized.
      expect(layoutNow.cutPaths).toEqual([]);
      expect(layoutNow.cutCauses).toEqual([]);
      expect(layoutNow.cutCounts).toBeNull();
      expect(layoutNow.narrow).toBe(narrow);
    });

    it.runIf(narrow)("keeps the other controls one click away, in a menu that fits the dock", async () => {
      await session.panel.evaluate(() =>
        document.querySelector<HTMLElement>('[aria-label="More controls"]')?.click(),
      );
      const menu = await waitFor(
        () =>
          session.panel.evaluate(() => {
            const el = document.querySelector<HTMLElement>("#toolbar-menu");
            // The menu moves the focus into itself as it opens.
            if (!el?.contains(document.activeElement)) return null;
            const r = el.getBoundingClientRect();
            return {
              left: r.left,
              right: r.right,
              controls: [...el.querySelectorAll("button, label")].map((c) => c.textContent?.trim() ?? ""),
              focused: el.contains(document.activeElement),
            };
          }),
        "the More menu",
      );
      expect(menu.left).toBeGreaterThanOrEqual(0);
      expect(menu.right).toBeLessThanOrEqual(layout.sideWidth ?? Number.POSITIVE_INFINITY);
      expect(menu.controls).toEqual(
        expect.arrayContaining(["Warnings", "Group by cause", "Export report", "Export HAR", "Open HAR…"]),
      );
      expect(menu.focused).toBe(true);
      await session.devtools.keyboard.press("Escape");
      await waitFor(
        () => session.panel.evaluate(() => document.querySelector("#toolbar-menu") === null),
        "Esc to close the menu",
      );
    });

    it("opens the failure with the failing check and the fix on the first screen, in DevTools' theme", async () => {
      expect(await session.panel.evaluate(clickRowWithCause, "x-api-key")).toBe(true);
      const detail = await waitFor(() => session.panel.evaluate(readDetail), "the detail view");
      expect(detail.title).toBe("Request header x-api-key not allowed");
      expect(detail.requiredVsSent).toMatch(
        /^Access-Control-Allow-Headers: required content-type,x-api-key, sent accept, /,
      );
      expect(detail.failingRows).toEqual(["Access-Control-Allow-Headers"]);
      expect(detail.stackOptions).toBeGreaterThanOrEqual(13);
      expect(detail.chromiumSentence).toContain(
        "has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
      );
      // The failing check and the start of the fix are within the detail's first screen.
      expect(detail.requiredVsSentTop).toBeLessThan(detail.visibleHeight);
      expect(detail.fixTop).toBeLessThan(detail.visibleHeight);
      // Origins wrap only between tokens, never inside one.
      expect(detail.originLines).toBe(1);
      expect(detail.theme).toBe(layout.theme ?? "light");
      expect(detail.background).toBe(layout.theme === "dark" ? "rgb(32, 33, 36)" : "rgb(255, 255, 255)");
      await session.devtools.screenshot({ path: resultsPath(`panel-chromium-${name}.png`) });
    });

    // A fix that imports a library the user's project may not have says what to install, in the
    // real DevTools panel too (the CLI's run of such a fix: test/fixes/config-install.fixes.test.ts).
    it("names what to install with a fix that needs a library (Express: npm install cors)", async () => {
      expect(await session.panel.evaluate(clickRowWithCause, "x-api-key")).toBe(true);
      await waitFor(() => session.panel.evaluate(readDetail), "the detail view");
      expect(await session.panel.select('select[aria-label="Server stack"]', "express")).toEqual(["express"]);
      const install = await waitFor(
        () => session.panel.evaluate(() => document.querySelector(".fix-install")?.textContent ?? null),
        "the install line",
      );
      expect(install).toBe(
        "If your project does not have cors yet (the app stops at start-up without it): npm install cors",
      );
      // Only the detail scrolls: the panel page itself never does (its toolbar and list stay).
      const [scrollHeight, clientHeight] = await session.panel.evaluate(() => [
        document.documentElement.scrollHeight,
        document.documentElement.clientHeight,
      ]);
      expect(scrollHeight).toBe(clientHeight);
      await session.panel.evaluate(() => document.querySelector(".fix-install")?.scrollIntoView());
      await session.devtools.screenshot({ path: resultsPath(`panel-chromium-${name}-install.png`) });
      // FastAPI's CORSMiddleware comes with Starlette: no install line.
      await session.panel.select('select[aria-label="Server stack"]', "fastapi");
      await waitFor(
        () => session.panel.evaluate(() => document.querySelector(".fix-install") === null || null),
        "no install line for FastAPI",
      );
    });

    // "Paste your config" (#23): the configuration readers load on first use inside DevTools' page
    // (a chunk of the extension's own), and the patch is made from the requests the panel holds.
    it.runIf(!narrow)("makes the patch for a pasted nginx configuration, in the panel", async () => {
      await waitFor(
        () => session.panel.evaluate(clickRowWithCause, "x-api-key").then((ok) => ok || null),
        "the x-api-key row",
      );
      await waitFor(
        () => session.panel.evaluate(pasteConfig, labNginxConf(lab.page)).then((ok) => ok || null),
        "the Paste your config form",
      );
      await waitFor(() => session.panel.evaluate(clickMakePatch).then((ok) => ok || null), "Make the patch");
      const shown = await waitFor(() => session.panel.evaluate(readPatch), "the patch");
      expect(shown.error).toBeNull();
      expect(shown.diff).toMatch(/^\+\s*add_header Access-Control-Allow-Headers "[^"]*x-api-key/im);
      expect(shown.diff).not.toMatch(/^[-+]\s*# the lab's API/m);
      expect(shown.rows.some((r) => r.includes("/s/") && r.includes(lab.page))).toBe(true);
      // The readers are a chunk of their own, which the panel's first script does not hold: the
      // patch above came from loading it on demand.
      const assets = join(ROOT, "dist/chrome/assets");
      const chunks = readdirSync(assets).filter((f) => f.endsWith(".js"));
      const panelChunk = chunks.find((f) => /^panel-/.test(f)) as string;
      const configChunk = chunks.find((f) => /^config-fix-/.test(f)) as string;
      expect(readFileSync(join(assets, configChunk), "utf8")).toContain("add_header");
      expect(readFileSync(join(assets, panelChunk), "utf8")).not.toContain("add_header");
      await session.panel.evaluate(() => document.querySelector(".config-verdict")?.scrollIntoView());
      await session.devtools.screenshot({ path: resultsPath(`panel-chromium-${name}-config.png`) });
    });

    it("follows a live switch of DevTools' theme", async () => {
      const next = layout.theme === "dark" ? "default" : "dark";
      // What DevTools' Settings → Appearance → Theme does (devtools-frontend `ui-theme` setting).
      // A string, so that vitest's transform leaves DevTools' own `import()` alone.
      await session.devtools.evaluate(`(async () => {
        const common = await import("devtools://devtools/bundled/core/common/common.js");
        common.Settings.Settings.instance().moduleSetting("ui-theme").set(${JSON.stringify(next)});
      })()`);
      const expected = next === "dark" ? "rgb(32, 33, 36)" : "rgb(255, 255, 255)";
      await waitFor(
        () =>
          session.panel.evaluate((bg) => getComputedStyle(document.body).backgroundColor === bg, expected),
        `the panel to repaint in DevTools' ${next} theme`,
      );
      await session.devtools.screenshot({ path: resultsPath(`panel-chromium-${name}-switched.png`) });
    });

    it("keeps Esc and Ctrl+F for itself while it has something to do with them", async () => {
      // First, that the drawer check sees a drawer: Esc in DevTools' own UI opens and closes it.
      await session.devtools.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (const open of [true, false])
        await waitFor(
          async () => {
            if ((await session.devtools.evaluate(devtoolsShows, "drawer-tabbed-pane")) === open) return true;
            await session.devtools.keyboard.press("Escape");
            return waitFor(
              async () => (await session.devtools.evaluate(devtoolsShows, "drawer-tabbed-pane")) === open,
              "the drawer to toggle",
              3_000,
            ).catch(() => null);
          },
          `DevTools' own Esc to ${open ? "open" : "close"} its drawer`,
        );
      // Real key events into DevTools (CDP Input), with the focus in the panel's list.
      await session.panel.evaluate(() => document.querySelector<HTMLElement>(".list")?.focus());
      expect(await session.panel.evaluate(() => document.querySelector(".detail") !== null)).toBe(true);
      await session.devtools.keyboard.press("Escape");
      await waitFor(
        () => session.panel.evaluate(() => document.querySelector(".detail") === null),
        "Esc to close the detail",
      );
      expect(await session.devtools.evaluate(devtoolsShows, "drawer-tabbed-pane")).toBe(false);
      await session.devtools.keyboard.down("Control");
      await session.devtools.keyboard.press("f");
      await session.devtools.keyboard.up("Control");
      await waitFor(
        () =>
          session.panel.evaluate(
            () => document.activeElement?.getAttribute("aria-label") === "Filter by URL, method or cause",
          ),
        "Ctrl+F to focus the panel's filter",
      );
      expect(await session.devtools.evaluate(devtoolsShows, "search-bar")).toBe(false);
      // Tab moves on to the next control, which shows a focus ring.
      await session.devtools.keyboard.press("Tab");
      const focused = await session.panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          label: el?.closest("label")?.textContent?.trim() ?? el?.getAttribute("aria-label") ?? "",
          outline: style?.outlineStyle ?? "none",
          width: style?.outlineWidth ?? "0px",
        };
      });
      expect(focused.label).toBe("Blocked only");
      expect(focused.outline).toBe("solid");
      expect(focused.width).toBe("2px");
      // Still no drawer: none of the keys above leaked to DevTools, not even late.
      expect(await session.devtools.evaluate(devtoolsShows, "drawer-tabbed-pane")).toBe(false);
    });
  },
);

/**
 * Whether an element of DevTools' own UI with `className` is shown, shadow roots included; runs in
 * DevTools' page. `drawer-tabbed-pane`: the console drawer Esc toggles; `search-bar`: its Ctrl+F bar.
 */
function devtoolsShows(className: string): boolean {
  const find = (root: Document | ShadowRoot): boolean =>
    [...root.querySelectorAll<HTMLElement>("*")].some(
      (el) =>
        (el.classList.contains(className) && el.offsetHeight > 0) ||
        (el.shadowRoot ? find(el.shadowRoot) : false),
    );
  return find(document);
}

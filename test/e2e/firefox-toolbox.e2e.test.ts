/**
 * The panel in Firefox's real DevTools toolbox (not the panel page in a tab): docked bottom and
 * right, light and dark, under Xvfb. What the panel rendered is read from its accessibility tree and
 * from screenshots of the window; keys are real X key events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { waitFor } from "./helpers/devtools";
import { FIREFOX_EXTENSION_UUID } from "./helpers/firefox";
import {
  type AccessibleNode,
  type FirefoxToolbox,
  flatten,
  launchFirefoxToolbox,
  type ToolboxOptions,
  textOf,
} from "./helpers/firefox-toolbox";
import { FAILURES } from "./helpers/panel-dom";
import { resultsPath } from "./helpers/paths";
import { dominantColour } from "./helpers/png";

type Lab = Awaited<ReturnType<typeof startLab>>;

const BACKGROUND = { light: "rgb(255, 255, 255)", dark: "rgb(32, 33, 36)" };

const LAYOUTS: Array<{ name: string; options: ToolboxOptions }> = [
  { name: "bottom-light", options: { host: "bottom", theme: "light" } },
  { name: "right-dark", options: { host: "right", theme: "dark", sideWidth: 500 } },
];

/** The list's options (role "option", which Gecko's a11y names "listbox option"), by accessible name. */
function options(tree: AccessibleNode): string[] {
  const list = flatten(tree).find((n) => n.role === "listbox" && n.name === "Cross-origin requests");
  return list
    ? flatten(list)
        .filter((n) => n.role === "listbox option")
        .map((n) => n.name ?? textOf(n))
    : [];
}

describe.each(LAYOUTS)(
  "the CORS Lens panel in Firefox's real toolbox, docked $name",
  ({ name, options: layout }) => {
    let lab: Lab;
    let firefox: FirefoxToolbox;

    beforeAll(async () => {
      lab = await startLab();
      firefox = await launchFirefoxToolbox(`${lab.page}/`, layout);
      // The user runs the failing scenarios from the lab page, as in the README.
      await waitFor(
        () => firefox.inPage<boolean>("return document.querySelectorAll('button[data-run]').length > 0;"),
        "the lab page in Firefox",
      );
      for (const id of FAILURES)
        await firefox.inPage(
          `document.querySelector('button[data-run="' + args[0] + '"]').click();
         for (let i = 0; i < 100; i++) {
           const cell = document.querySelector('tr[data-scenario="' + args[0] + '"] .outcome');
           if (cell && cell.textContent) return cell.textContent;
           await new Promise((r) => setTimeout(r, 100));
         }
         throw new Error("scenario did not finish");`,
          [id],
        );
    });
    afterAll(async () => {
      await firefox?.close();
      await lab?.close();
    });

    it("opens the panel page itself in the CORS Lens tool, not Firefox's File not found", async () => {
      expect(await firefox.selectCorsLens()).toBe(
        `moz-extension://${FIREFOX_EXTENSION_UUID}/src/devtools/panel.html`,
      );
      const tree = await waitFor(async () => {
        const t = await firefox.panelTree();
        return flatten(t).some((n) => n.role === "toolbar" && n.name === "CORS Lens controls") ? t : null;
      }, "the panel's controls in the toolbox");
      expect(flatten(tree).find((n) => n.role === "document")?.name).toBe("CORS Lens");
    });

    it("lists the tab's blocked requests with their endpoint and cause", async () => {
      const rows = await waitFor(async () => {
        const o = options(await firefox.panelTree());
        return o.filter((t) => t.startsWith("blocked")).length >= FAILURES.length ? o : null;
      }, "the toolbox panel to list the lab's failures");
      for (const id of FAILURES) expect(rows.some((r) => r.includes(`/s/${id}`))).toBe(true);
      const all = rows.join("\n");
      for (const cause of [
        "Wildcard origin with credentials",
        "Request header x-api-key not allowed",
        "Preflight has no Access-Control-Allow-Origin",
        "No Access-Control-Allow-Origin header",
      ])
        expect(all).toContain(cause);
    });

    it("opens a failure with the failing check, the fix and Firefox's own words", async () => {
      expect(await firefox.clickAccessible("listbox option", "x-api-key")).toBe(true);
      const detail = await waitFor(async () => {
        const t = flatten(await firefox.panelTree());
        return t.some((n) => n.role === "heading" && n.name === "Request header x-api-key not allowed")
          ? t
          : null;
      }, "the detail of the x-api-key failure");
      const text = detail
        .filter((n) => n.role === "text leaf")
        .map((n) => n.name ?? "")
        .join("");
      expect(text).toContain("Access-Control-Allow-Headers: required content-type,x-api-key, sent accept,");
      expect(text).toContain(
        "(Reason: header ‘x-api-key’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).",
      );
      expect(detail.some((n) => n.role === "link" && (n.name ?? "").startsWith("Reason: header"))).toBe(true);
      expect(detail.some((n) => n.role === "combobox" && n.name === "Server stack")).toBe(true);
    });

    it("names what to install with a fix that needs a library, the stack picked from the keyboard", async () => {
      expect(await firefox.focusAccessible("combobox", "Server stack")).toBe(true);
      // The only stack whose title starts with E: Express (cors package).
      firefox.pressKey("e");
      const install = await waitFor(async () => {
        const t = flatten(await firefox.panelTree());
        return t.find(
          (n) => n.role === "text leaf" && (n.name ?? "").startsWith("If your project does not have"),
        )?.name;
      }, "the install line");
      expect(install).toBe(
        "If your project does not have cors yet (the app stops at start-up without it): npm install cors",
      );
    });

    it("Esc closes the detail and stays in the panel; Ctrl+F focuses the panel's filter", async () => {
      expect(await firefox.focusAccessible("listbox", "Cross-origin requests")).toBe(true);
      firefox.pressKey("Escape");
      await waitFor(async () => {
        const t = flatten(await firefox.panelTree());
        return !t.some((n) => n.role === "heading" && n.name === "Request header x-api-key not allowed");
      }, "Esc to close the detail");
      // The panel keeps the toolbox and the focus. (Firefox's toolbox also toggles its split console
      // on every Esc keypress, whatever the panel did with the keydown: devtools/client/framework/
      // toolbox.js `_splitConsoleOnKeypress` offers extension panels no way to claim the key.)
      expect(await firefox.currentTool()).toBe("CORS Lens");
      if (await firefox.splitConsoleOpen()) firefox.pressKey("Escape");
      await waitFor(async () => !(await firefox.splitConsoleOpen()), "the split console to close again");
      expect(await firefox.focusAccessible("listbox", "Cross-origin requests")).toBe(true);
      firefox.pressKey("ctrl+f");
      await waitFor(async () => {
        const t = flatten(await firefox.panelTree());
        return t.some(
          (n) => n.role === "searchbox" && n.name === "Filter by URL, method or cause" && n.focused,
        );
      }, "Ctrl+F to focus the filter");
      expect(await firefox.currentTool()).toBe("CORS Lens");
    });

    it("paints in the toolbox's theme, and follows a live theme switch", async () => {
      await firefox.clickAccessible("listbox option", "x-api-key");
      const first = await firefox.screenshot(resultsPath(`panel-firefox-toolbox-${name}.png`));
      expect(first.panel.width).toBeGreaterThan(300);
      if (layout.sideWidth) expect(first.panel.width).toBeLessThanOrEqual(layout.sideWidth + 1);
      expect(dominantColour(first.pixels, first.panel)).toBe(BACKGROUND[layout.theme]);
      const other = layout.theme === "light" ? "dark" : "light";
      await firefox.setTheme(other);
      const switched = await waitFor(async () => {
        const shot = await firefox.screenshot(resultsPath(`panel-firefox-toolbox-${name}-switched.png`));
        return dominantColour(shot.pixels, shot.panel) === BACKGROUND[other] ? shot : null;
      }, `the panel to repaint in ${other}`);
      expect(switched.panel.width).toBe(first.panel.width);
    });
  },
);

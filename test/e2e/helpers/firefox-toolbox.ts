/**
 * Firefox's real DevTools toolbox with the built add-on, in a real window under Xvfb: the add-on
 * is installed into the profile as an .xpi, Firefox opens the toolbox with `--devtools`, and
 * Marionette reaches the toolbox in Firefox's chrome.
 *
 * The panel's document lives in the extension process, out of the chrome's reach; its rendered
 * content is read through the accessibility tree the parent process keeps of every document (the
 * same tree screen readers get), and its pixels through a screenshot of the window.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GECKO_ID } from "../../../scripts/manifest-for";
import { waitFor } from "./devtools";
import { FIREFOX_EXTENSION_UUID } from "./firefox";
import { connectMarionette, type Marionette } from "./marionette";
import { DIST_FIREFOX, FIREFOX_BIN, ROOT, requireFile, requireFirefox } from "./paths";
import { decodePng, type Pixels } from "./png";

export const XVFB_BIN = "/usr/bin/Xvfb";
export const XDOTOOL_BIN = "/usr/bin/xdotool";

/** One node of the panel's accessibility tree. */
export interface AccessibleNode {
  role: string;
  name: string | null;
  selected: boolean;
  focused: boolean;
  children: AccessibleNode[];
}

export interface ToolboxOptions {
  host: "bottom" | "right";
  theme: "light" | "dark";
  /** Width of a right-docked toolbox, CSS px (`devtools.toolbox.sidebar.width`). */
  sideWidth?: number;
}

export interface FirefoxToolbox {
  marionette: Marionette;
  /** Runs an async function body in the inspected page. */
  inPage<T>(body: string, args?: unknown[]): Promise<T>;
  /** Selects the CORS Lens tool in the toolbox; returns the URL its panel frame shows. */
  selectCorsLens(): Promise<string>;
  /** The panel document's accessibility tree. */
  panelTree(): Promise<AccessibleNode>;
  /** Clicks the first accessible whose role is `role` and whose name contains `name` (a11y action). */
  clickAccessible(role: string, name: string): Promise<boolean>;
  /** Gives keyboard focus to the first accessible of `role` whose name contains `name`. */
  focusAccessible(role: string, name: string): Promise<boolean>;
  /** Presses keys in the focused window, as a user would (xdotool, X events). */
  pressKey(key: string): void;
  /** Whether the toolbox's split console is shown (Firefox toggles it on Esc). */
  splitConsoleOpen(): Promise<boolean>;
  /** The label of the toolbox's selected tool. */
  currentTool(): Promise<string | null>;
  setTheme(theme: "light" | "dark"): Promise<void>;
  /** A screenshot of the whole Firefox window, saved to `path`; with the panel's rectangle in it. */
  screenshot(
    path: string,
  ): Promise<{ pixels: Pixels; panel: { x: number; y: number; width: number; height: number } }>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts Xvfb on a display it picks itself (`-displayfd`). */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(XVFB_BIN, ["-displayfd", "3", "-screen", "0", "1400x900x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let text = "";
    const fd = xvfb.stdio[3];
    fd?.on("data", (d: Buffer) => {
      text += d.toString();
      if (text.includes("\n")) resolve(`:${text.trim()}`);
    });
    xvfb.once("exit", (code) => reject(new Error(`Xvfb exited (${code})`)));
    setTimeout(() => reject(new Error("Xvfb did not report its display")), 10_000);
  });
  return { display, process: xvfb };
}

function buildXpi(dist: string, into: string): string {
  execFileSync(
    join(ROOT, "node_modules/.bin/web-ext"),
    [
      "build",
      "--source-dir",
      dist,
      "--artifacts-dir",
      into,
      "--overwrite-dest",
      "--filename",
      "cors-lens.zip",
    ],
    { stdio: "ignore" },
  );
  return join(into, "cors-lens.zip");
}

function writeProfile(dir: string, xpi: string, marionettePort: number, options: ToolboxOptions): void {
  mkdirSync(join(dir, "extensions"));
  copyFileSync(xpi, join(dir, "extensions", `${GECKO_ID}.xpi`));
  const prefs: Record<string, string | number | boolean> = {
    "xpinstall.signatures.required": false,
    "extensions.autoDisableScopes": 0,
    "extensions.enabledScopes": 15,
    "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    "devtools.toolbox.host": options.host,
    "devtools.theme": options.theme,
    "devtools.everOpened": true,
    "devtools.toolbox.sidebar.width": options.sideWidth ?? 500,
    "marionette.port": marionettePort,
    "browser.shell.checkDefaultBrowser": false,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.aboutwelcome.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.reportingpolicy.firstRun": false,
    "app.update.disabledForTesting": true,
    "browser.tabs.warnOnClose": false,
  };
  writeFileSync(
    join(dir, "user.js"),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join("\n"),
  );
}

/** The toolbox of the selected tab and the CORS Lens tool in it; shared by every chrome script. */
const TOOLBOX = `
  const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
  const { gDevTools } = require("devtools/client/framework/devtools");
  const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);
  const tool = toolbox && toolbox.getAdditionalTools().find((t) => t.label === "CORS Lens");
  const frame = tool && toolbox.doc.getElementById("toolbox-panel-iframe-" + tool.id);
  const panelBrowser = frame && frame.contentDocument && frame.contentDocument.querySelector("browser");
`;

const WALK = `
  // Held on the window: the accessibility service shuts down when its last consumer lets go, and
  // its tree of the panel would be built anew (and empty for a while) on every call.
  const svc = window.__corsLensA11y || (window.__corsLensA11y =
    Cc["@mozilla.org/accessibilityService;1"].getService(Ci.nsIAccessibilityService));
  const walk = (a, budget) => {
    const state = {}, extra = {};
    a.getState(state, extra);
    let name = null;
    try { name = a.name; } catch {}
    const node = { role: svc.getStringRole(a.role), name, children: [],
      selected: (state.value & Ci.nsIAccessibleStates.STATE_SELECTED) !== 0,
      focused: (state.value & Ci.nsIAccessibleStates.STATE_FOCUSED) !== 0 };
    for (let c = a.firstChild; c && budget.left-- > 0; c = c.nextSibling) node.children.push(walk(c, budget));
    return node;
  };
  const find = (a, role, name) => {
    let n = null;
    try { n = a.name; } catch {}
    if (svc.getStringRole(a.role) === role && (n || "").includes(name)) return a;
    for (let c = a.firstChild; c; c = c.nextSibling) { const f = find(c, role, name); if (f) return f; }
    return null;
  };
  let root = null;
  for (let i = 0; i < 50 && panelBrowser && !(root && root.firstChild); i++) {
    root = svc.getAccessibleFor(panelBrowser);
    if (!(root && root.firstChild)) await new Promise((r) => setTimeout(r, 100));
  }
`;

export async function launchFirefoxToolbox(
  url: string,
  options: ToolboxOptions,
  dist = DIST_FIREFOX,
): Promise<FirefoxToolbox> {
  requireFirefox();
  requireFile(XVFB_BIN, "Xvfb", "Run `node scripts/setup.mjs test` as root, or `apt-get install xvfb`.");
  requireFile(
    XDOTOOL_BIN,
    "xdotool",
    "Run `node scripts/setup.mjs test` as root, or `apt-get install xdotool`.",
  );
  const work = mkdtempSync(join(tmpdir(), "cors-lens-firefox-toolbox-"));
  const profile = join(work, "profile");
  mkdirSync(profile);
  const port = await freePort();
  writeProfile(profile, buildXpi(dist, work), port, options);
  const xvfb = await startXvfb();
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: xvfb.display };
  delete env.MOZ_HEADLESS;
  const firefox = spawn(
    FIREFOX_BIN,
    ["--no-remote", "--profile", profile, "--marionette", "--remote-allow-system-access", "--devtools", url],
    { env, stdio: "ignore" },
  );
  const stop = async () => {
    const exited = new Promise((r) => firefox.once("exit", r));
    firefox.kill("SIGTERM");
    const timer = setTimeout(() => firefox.kill("SIGKILL"), 5_000);
    if (firefox.exitCode === null) await exited;
    clearTimeout(timer);
    xvfb.process.kill();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const marionette = await connectMarionette(port);
    await marionette.send("WebDriver:NewSession", { capabilities: {} });
    /** Clicks (the accessible's default action) or focuses the first match of role and name. */
    const actOn = (role: string, name: string, how: "click" | "focus") =>
      marionette.run<boolean>(
        "chrome",
        `${TOOLBOX}${WALK}
        const target = root && find(root, args[0], args[1]);
        if (!target) return false;
        if (args[2] === "click") target.doAction(0);
        else { window.focus(); target.takeFocus(); }
        return true;`,
        [role, name, how],
      );
    const toolbox: FirefoxToolbox = {
      marionette,
      inPage: (body, args = []) => marionette.run("content", body, args),
      async selectCorsLens() {
        return waitFor(
          () =>
            marionette.run<string | null>(
              "chrome",
              `${TOOLBOX}
              if (!tool) return null;
              await toolbox.selectTool(tool.id);
              const b = toolbox.doc.getElementById("toolbox-panel-iframe-" + tool.id)?.contentDocument?.querySelector("browser");
              return b && b.currentURI && b.currentURI.spec !== "about:blank" ? b.currentURI.spec : null;`,
            ),
          "Firefox's toolbox to offer the CORS Lens tool",
          30_000,
        );
      },
      panelTree: () =>
        marionette.run<AccessibleNode>(
          "chrome",
          `${TOOLBOX}${WALK}
          if (!root) throw new Error("no accessible for the CORS Lens panel");
          return walk(root, { left: 4000 });`,
        ),
      clickAccessible: (role, name) => actOn(role, name, "click"),
      focusAccessible: (role, name) => actOn(role, name, "focus"),
      pressKey(key) {
        execFileSync(XDOTOOL_BIN, ["key", "--clearmodifiers", key], { env });
      },
      splitConsoleOpen: () =>
        marionette.run<boolean>("chrome", `${TOOLBOX} return !!(toolbox && toolbox.splitConsole);`),
      currentTool: () =>
        marionette.run<string | null>(
          "chrome",
          `${TOOLBOX} return toolbox && (toolbox.currentToolId === (tool && tool.id) ? tool.label : toolbox.currentToolId);`,
        ),
      async setTheme(theme) {
        await marionette.run("chrome", `Services.prefs.setCharPref("devtools.theme", args[0]);`, [theme]);
      },
      async screenshot(path) {
        const panel = await marionette.run<{ x: number; y: number; width: number; height: number }>(
          "chrome",
          `${TOOLBOX}
          // The panel's rectangle in the window: its <browser>, inside the tool's frame, inside the toolbox's.
          let x = 0, y = 0;
          for (let el = panelBrowser; el; ) {
            const r = el.getBoundingClientRect();
            x += r.left; y += r.top;
            const win = el.ownerDocument && el.ownerDocument.defaultView;
            el = (win && (win.frameElement || (win.browsingContext && win.browsingContext.embedderElement))) || null;
          }
          const r = panelBrowser.getBoundingClientRect();
          return { x, y, width: r.width, height: r.height };`,
        );
        const { value } = await marionette.send<{ value: string }>("WebDriver:TakeScreenshot", {
          full: false,
        });
        const png = Buffer.from(value, "base64");
        writeFileSync(path, png);
        return { pixels: decodePng(png), panel };
      },
      async close() {
        try {
          marionette.close();
        } finally {
          await stop();
        }
      },
    };
    return toolbox;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** All nodes of a tree, depth first. */
export function flatten(node: AccessibleNode): AccessibleNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

/** The text of a subtree, as a screen reader would read it in order. */
export function textOf(node: AccessibleNode): string {
  if (node.role === "text leaf") return node.name ?? "";
  return node.children.map(textOf).join("");
}

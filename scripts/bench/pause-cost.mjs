// Issue #25: what a paused CORS Lens costs, and which remedy removes it. The page-overhead burst
// (burst-server.mjs) timed by the page, configurations interleaved round-robin, in Chromium (no
// extension; paused; copies of dist/chrome without webRequest, with it optional and not granted,
// granted at runtime, removed, reloaded, restarted: see chromiumCost) and in Firefox (no extension;
// paused; recording). Then the functional questions: does an optional webRequest granted at run
// time deliver events without a reload, after chrome.runtime.reload(), after a browser restart?
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { startBurstServer } from "./burst-server.mjs";
import { CHROMIUM_FLAGS, summary } from "./util.mjs";

const TARGET = 1.02;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Without the webRequest API the background's top level would throw (browser.webRequest is
// undefined) and the worker would never register: this prelude, imported first, gives it inert
// events so the copy runs as CORS Lens does paused (no real listener either way).
// Chromium 156 has a native \`browser\` namespace beside \`chrome\` (the polyfill uses it): both get it.
const STUB = `for (const ns of [globalThis.chrome, globalThis.browser]) {
  if (!ns || ns.webRequest) continue;
  const event = () => ({ addListener() {}, removeListener() {}, hasListener: () => false });
  ns.webRequest = { onSendHeaders: event(), onHeadersReceived: event(), onBeforeRedirect: event(), onCompleted: event(), onErrorOccurred: event() };
}
`;
// An extension page whose buttons request and remove the permission: a Playwright click is a real
// user gesture (chrome.permissions.request refuses without one).
const GRANT_HTML = `<!doctype html><meta charset="utf-8"><button id="g">grant</button><button id="r">remove</button><pre id="o"></pre><script src="pause-bench-grant.js"></script>`;
const GRANT_JS = `const o = document.getElementById("o");
const show = (p) => p.then((v) => { o.textContent = String(v); }, (e) => { o.textContent = "error: " + e.message; });
document.getElementById("g").onclick = () => show(chrome.permissions.request({ permissions: ["webRequest"] }));
document.getElementById("r").onclick = () => show(chrome.permissions.remove({ permissions: ["webRequest"] }));
`;

/** A copy of dist/chrome with webRequest dropped ("absent") or made optional ("optional"). */
function variant(root, kind) {
  const dir = mkdtempSync(join(tmpdir(), `cors-lens-pause-${kind}-`));
  cpSync(join(root, "dist/chrome"), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  manifest.permissions = manifest.permissions.filter((p) => p !== "webRequest");
  if (kind === "optional") manifest.optional_permissions = ["webRequest"];
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  const loader = join(dir, manifest.background.service_worker);
  writeFileSync(join(dir, "pause-bench-stub.js"), STUB);
  writeFileSync(loader, `import "./pause-bench-stub.js";\n${readFileSync(loader, "utf8")}`);
  writeFileSync(join(dir, "pause-bench-grant.html"), GRANT_HTML);
  writeFileSync(join(dir, "pause-bench-grant.js"), GRANT_JS);
  return dir;
}

/** Chromium in a fresh (or given) profile; developer mode on, else chrome.runtime.reload() leaves a
 * --load-extension extension disabled (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION, seen in Chromium 156). */
async function launchChromium(extensionDir, profile = mkdtempSync(join(tmpdir(), "cors-lens-pause-"))) {
  mkdirSync(join(profile, "Default"), { recursive: true });
  try {
    readFileSync(join(profile, "Default/Preferences"));
  } catch {
    writeFileSync(
      join(profile, "Default/Preferences"),
      JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
    );
  }
  const args = [
    ...CHROMIUM_FLAGS,
    ...(extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : []),
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: false, // --headless=new is in CHROMIUM_FLAGS
    args,
  });
  if (extensionDir && context.serviceWorkers().length === 0) await context.waitForEvent("serviceworker");
  const id = extensionDir ? new URL(context.serviceWorkers()[0].url()).host : null;
  return {
    context,
    id,
    profile,
    newPage: () => context.newPage(),
    close: async (keepProfile = false) => {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function extensionPage(b, path) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.id}/${path}`);
  return page;
}

async function pauseChromium(b) {
  const page = await extensionPage(b, "src/devtools/panel.html");
  const reply = await page.evaluate(() =>
    chrome.runtime.sendMessage({ type: "cors-lens/recording", on: false }),
  );
  if (reply?.on !== false) throw new Error(`CORS Lens did not pause: ${JSON.stringify(reply)}`);
  await page.close();
}

/** Clicks the grant page's button; returns what chrome.permissions answered. */
async function click(b, button) {
  const page = await extensionPage(b, "pause-bench-grant.html");
  await page.click(button);
  await page.waitForFunction(() => document.getElementById("o").textContent !== "", null, {
    timeout: 15_000,
  });
  const answer = await page.textContent("#o");
  await page.close();
  return answer;
}

async function apiPermissions(b) {
  const page = await extensionPage(b, "src/devtools/panel.html");
  const all = await page.evaluate(() => chrome.permissions.getAll());
  await page.close();
  return all.permissions.join("+") || "none";
}

async function reloadChromium(b) {
  const page = await extensionPage(b, "pause-bench-grant.html");
  const back = b.context.waitForEvent("serviceworker", { timeout: 30_000 });
  page.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the page closes with it
  await back;
  await sleep(500);
}

/** Puppeteer's Firefox, optionally with the Firefox build installed (as the e2e tests do). */
async function launchFirefox(root, withExtension) {
  const manifest = JSON.parse(readFileSync(join(root, "dist/firefox/manifest.json"), "utf8"));
  const uuid = "5d1f7e0a-cc0e-4b5e-9d1a-c0c5c0de1e25";
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: "/usr/bin/firefox-esr",
    headless: true,
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({
        [manifest.browser_specific_settings.gecko.id]: uuid,
      }),
    },
  });
  if (withExtension) await browser.installExtension(join(root, "dist/firefox"));
  const extensionCall = async (fn, arg) => {
    const page = await browser.newPage();
    // With system access, goto() on a moz-extension:// URL never resolves: fire it and poll.
    page.goto(`moz-extension://${uuid}/src/devtools/panel.html`).catch(() => undefined);
    for (let i = 0; ; i++) {
      const ready = await page
        .evaluate(() => location.protocol === "moz-extension:" && document.readyState === "complete")
        .catch(() => false);
      if (ready) break;
      if (i > 200) throw new Error("the extension page never loaded");
      await sleep(100);
    }
    await sleep(300);
    const value = await page.evaluate(fn, arg);
    await page.close();
    return value;
  };
  return { browser, newPage: () => browser.newPage(), close: () => browser.close(), extensionCall };
}

/** Round-robin bursts over `targets`; returns per size the summary of each configuration. */
async function interleave(server, targets, { rounds, sizes, log }) {
  let tag = 0;
  const burst = async (t, n) => {
    const page = await t.newPage();
    await page.goto(`${server.page}/`);
    const ms = await page.evaluate(
      ([api, count, id]) => globalThis.burst(api, count, id),
      [server.api, n, `t${tag++}`],
    );
    await page.close();
    return ms;
  };
  const out = {};
  for (const n of sizes) {
    for (const t of targets) await burst(t, Math.min(n, 600)); // warm-up
    const times = targets.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < targets.length; i++) times[i].push(await burst(targets[i], n));
      log(`N=${n} round ${r + 1}: ${times.map((t) => t.at(-1).toFixed(0)).join(" / ")} ms`);
    }
    out[n] = times.map((t) => summary(t));
  }
  return out;
}

function rowsOf(browserName, configs, results, sizes) {
  const rows = [];
  for (const n of sizes) {
    const none = results[n][0].median;
    configs.forEach((c, i) => {
      const r = results[n][i];
      const ratio = r.median / none;
      rows.push({
        bench: `pause cost, ${browserName}, N=${n}`,
        what: `${c.name}${c.state ? ` [${c.state}]` : ""}`,
        value: `${r.median.toFixed(0)} ms (${r.min.toFixed(0)}–${r.max.toFixed(0)})`,
        ratio:
          i === 0
            ? "1.00×"
            : `${ratio.toFixed(2)}× none${c.target ? ` (target ≤ ${TARGET}× ${ratio <= TARGET ? "✔" : "✘"})` : ""}`,
      });
    });
  }
  return rows;
}

async function chromiumCost(root, server, opts) {
  const dirs = { absent: variant(root, "absent"), optional: variant(root, "optional") };
  const lens = join(root, "dist/chrome");
  // steps, in order: grant (a click on chrome.permissions.request), remove (chrome.permissions.remove),
  // reload (chrome.runtime.reload()), restart (the browser closed and opened on the same profile).
  const configs = [
    { name: "A. no extension", dir: null },
    { name: "B. CORS Lens paused (as today)", dir: lens, target: true },
    { name: "C. paused, no webRequest in the manifest", dir: dirs.absent, target: true },
    { name: "D. paused, webRequest optional, not granted", dir: dirs.optional, target: true },
    { name: "E1. optional: grant", dir: dirs.optional, steps: ["grant"] },
    { name: "E2. optional: grant, remove", dir: dirs.optional, steps: ["grant", "remove"], target: true },
    {
      name: "E3. optional: grant, remove, reload",
      dir: dirs.optional,
      steps: ["grant", "remove", "reload"],
      target: true,
    },
    // Loaded with the permission granted (as after a grant and a browser restart), then removed.
    { name: "F1. optional: grant, restart", dir: dirs.optional, steps: ["grant", "restart"] },
    {
      name: "F2. optional: grant, restart, remove",
      dir: dirs.optional,
      steps: ["grant", "restart", "remove"],
      target: true,
    },
    {
      name: "F3. optional: grant, restart, remove, reload",
      dir: dirs.optional,
      steps: ["grant", "restart", "remove", "reload"],
      target: true,
    },
    {
      name: "F4. optional: grant, restart, remove, restart",
      dir: dirs.optional,
      steps: ["grant", "restart", "remove", "restart"],
      target: true,
    },
  ];
  const browsers = [];
  try {
    for (const c of configs) {
      let b = await launchChromium(c.dir);
      browsers.push(b);
      if (!c.dir) continue;
      const done = [];
      for (const step of c.steps ?? []) {
        if (step === "grant") done.push(`request → ${await click(b, "#g")}`);
        if (step === "remove") done.push(`remove → ${await click(b, "#r")}`);
        if (step === "reload") {
          await reloadChromium(b);
          done.push("reloaded");
        }
        if (step === "restart") {
          await b.close(true);
          b = await launchChromium(c.dir, b.profile);
          browsers[browsers.length - 1] = b;
          done.push("restarted");
        }
      }
      await pauseChromium(b);
      done.push(`paused; API permissions: ${await apiPermissions(b)}`);
      c.state = done.join(", ");
      opts.log(`${c.name}: ${c.state}`);
    }
    const results = await interleave(server, browsers, opts);
    return rowsOf("Chromium", configs, results, opts.sizes);
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined);
    for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  }
}

async function firefoxCost(root, server, opts) {
  const configs = [
    { name: "A. no extension", ext: false },
    { name: "B. CORS Lens paused", ext: true, pause: true, target: true },
    { name: "C. CORS Lens recording", ext: true },
  ];
  const browsers = [];
  try {
    for (const c of configs) {
      const f = await launchFirefox(root, c.ext);
      browsers.push(f);
      if (!c.ext) continue;
      const state = await f.extensionCall(async (pause) => {
        const b = globalThis.browser;
        const reply = pause ? await b.runtime.sendMessage({ type: "cors-lens/recording", on: false }) : null;
        const hosts = await b.permissions.contains({ origins: ["<all_urls>"] });
        return { reply, hosts };
      }, Boolean(c.pause));
      if (c.pause && state.reply?.on !== false)
        throw new Error(`CORS Lens did not pause in Firefox: ${JSON.stringify(state.reply)}`);
      c.state = `<all_urls> host permission ${state.hosts ? "granted" : "NOT granted"}`;
      opts.log(`Firefox ${c.name}: ${c.state}`);
    }
    const results = await interleave(server, browsers, opts);
    return rowsOf("Firefox", configs, results, opts.sizes);
  } finally {
    for (const f of browsers) await f.close().catch(() => undefined);
  }
}

/**
 * A tiny extension with an optional webRequest and an onCompleted counter, added at the top level
 * when the API is there and again on permissions.onAdded: do page requests reach it after a run-time
 * grant, after chrome.runtime.reload(), after a browser restart? And, for contrast, the same
 * extension with webRequest required.
 */
async function functional(server, log) {
  const probe = (required) => {
    const dir = mkdtempSync(join(tmpdir(), "cors-lens-pause-probe-"));
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify({
        manifest_version: 3,
        name: "probe",
        version: "1.0",
        ...(required ? { permissions: ["webRequest"] } : { optional_permissions: ["webRequest"] }),
        host_permissions: ["<all_urls>"],
        background: { service_worker: "sw.js" },
      }),
    );
    writeFileSync(
      join(dir, "sw.js"),
      `let count = 0; let added = false;
const l = () => { count++; };
function add() {
  if (added || !chrome.webRequest) return;
  chrome.webRequest.onCompleted.addListener(l, { urls: ["<all_urls>"] });
  added = true;
}
add();
chrome.permissions.onAdded.addListener(add);
chrome.runtime.onMessage.addListener((m, _s, reply) => {
  if (m === "count") reply({ count, listening: added && !!chrome.webRequest && chrome.webRequest.onCompleted.hasListener(l) });
});
`,
    );
    writeFileSync(join(dir, "pause-bench-grant.html"), GRANT_HTML);
    writeFileSync(join(dir, "pause-bench-grant.js"), GRANT_JS);
    return dir;
  };
  const count = async (b) => {
    const page = await extensionPage(b, "pause-bench-grant.html");
    const c = await page.evaluate(() => chrome.runtime.sendMessage("count"));
    await page.close();
    return c;
  };
  /** 20 page requests; the events the probe counted for them, and whether its listener is on. */
  const seen = async (b) => {
    const before = (await count(b)).count;
    const page = await b.newPage();
    await page.goto(`${server.page}/`);
    await page.evaluate(([api]) => globalThis.burst(api, 20, `f${Math.random()}`), [server.api]);
    await page.close();
    await sleep(500);
    const after = await count(b);
    return `${after.count - before} events for 20 requests (listener registered: ${after.listening})`;
  };
  const rows = [];
  const row = (what, value) => {
    log(`${what}: ${value}`);
    rows.push({ bench: "optional webRequest, Chromium", what, value, ratio: "" });
  };
  for (const required of [true, false]) {
    const dir = probe(required);
    let b = await launchChromium(dir);
    const label = required ? "required webRequest" : "optional webRequest";
    try {
      if (!required) {
        row(`${label}: permissions.request after a click`, await click(b, "#g"));
        row(`${label}: granted, no reload`, await seen(b));
      } else row(`${label}: at load`, await seen(b));
      await reloadChromium(b);
      row(`${label}: after chrome.runtime.reload()`, await seen(b));
      const profile = b.profile;
      await b.close(true);
      b = await launchChromium(dir, profile);
      row(`${label}: after a browser restart (same profile)`, await seen(b));
      if (!required) {
        row(`${label}: permissions.remove`, await click(b, "#r"));
        row(`${label}: removed, no reload`, await seen(b));
        row(`${label}: permissions.request again`, await click(b, "#g"));
        row(`${label}: granted again, no reload`, await seen(b));
      }
    } finally {
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export async function pauseCost(root, { rounds = 5, sizes = [600, 3000] } = {}) {
  const log = (line) => process.stderr.write(`[pause] ${line}\n`);
  const opts = { rounds, sizes, log };
  const server = await startBurstServer();
  try {
    const rows = [];
    if (!process.env.PAUSE_SKIP_FUNCTIONAL) rows.push(...(await functional(server, log)));
    rows.push(...(await chromiumCost(root, server, opts)));
    rows.push(...(await firefoxCost(root, server, opts)));
    return rows;
  } finally {
    await server.close();
  }
}

/**
 * A printed fix that imports a CORS library the project does not have: pasted as printed, the app
 * would not start. `fix` must say so, with the install command; and what it prints must be enough —
 * the patch applied with `patch -p1`, the printed command run as printed (the real npm, the real
 * registry), the app started — for the browser to allow the call it blocked.
 *
 * The project is written as such projects are: its own package.json without cors, its framework
 * installed above it (a workspace's node_modules), so Node resolves express and not cors.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from "../../scripts/chromium-flags.mjs";
import { ROOT } from "../e2e/helpers/paths";
import { freePort, startProcess } from "./harness";

const APP = `const express = require("express");

const app = express();
app.use(express.json());

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));
app.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));

app.listen(Number(process.env.PORT));
`;

describe("cors-lens fix --config: a library the patch imports and the project lacks", () => {
  let dir = "";
  let browser: Browser;
  let pageServer: Server;
  let pageOrigin = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cors-lens-install-"));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(ROOT, "node_modules/express"), join(dir, "node_modules/express"));
    mkdirSync(join(dir, "api"));
    writeFileSync(
      join(dir, "api/package.json"),
      `${JSON.stringify({ name: "api", version: "1.0.0", private: true, main: "server.js" }, null, 2)}\n`,
    );
    writeFileSync(join(dir, "api/server.js"), APP);
    const port = await freePort();
    pageOrigin = `http://localhost:${port}`;
    pageServer = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end("<!doctype html><title>page</title>");
    });
    await new Promise<void>((resolve) => pageServer.listen(port, "127.0.0.1", resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The page's POST from its own origin, in Chromium: what the browser decided. */
  async function pageCall(apiPort: number): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(`${pageOrigin}/`);
      return await page.evaluate(async (url) => {
        try {
          const r = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: '{"name":"a"}',
          });
          return `allowed ${r.status}`;
        } catch (error) {
          return `blocked ${String(error)}`;
        }
      }, `http://127.0.0.1:${apiPort}/api/items`);
    } finally {
      await page.close();
    }
  }

  it("says which package and how to install it; the patch, the printed command, and the app starts and passes", async () => {
    const api = join(dir, "api");
    const port = await freePort();
    const before = await startProcess(process.execPath, ["server.js"], port, {
      cwd: api,
      env: { ...process.env, PORT: String(port) },
    });
    let fix: { code: number | null; out: string; err: string };
    try {
      expect(await pageCall(port)).toMatch(/^blocked/);
      // As the user runs it: in the app's folder, the built CLI, the request probed now.
      const run = spawnSync(
        process.execPath,
        [
          join(ROOT, "dist/cli/cors-lens.mjs"),
          "fix",
          "--config",
          "server.js",
          "--url",
          `http://127.0.0.1:${port}/api/items`,
          "--origin",
          pageOrigin,
          "--method",
          "POST",
          "--header",
          "Content-Type: application/json",
        ],
        { cwd: api, encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "C" } },
      );
      fix = { code: run.status, out: run.stdout, err: run.stderr };
    } finally {
      await before.stop();
    }
    expect(fix.code, fix.err).toBe(0);
    expect(fix.out).toContain('+const cors = require("cors");');
    expect(fix.err).toMatch(/server\.js:2: needs cors, which no dependency list beside this file declares/);
    const install = /^before starting the patched app: (.+)$/m.exec(fix.err)?.[1];
    expect(install).toBe("npm install cors");

    // The diff as printed, with the tool it names.
    const patched = spawnSync("patch", ["-p1"], { cwd: api, input: fix.out, encoding: "utf8" });
    expect(patched.status, patched.stdout + patched.stderr).toBe(0);
    expect(readFileSync(join(api, "server.js"), "utf8")).toContain('require("cors")');

    // Pasted without the install: the app does not start.
    const crash = spawnSync(process.execPath, ["server.js"], {
      cwd: api,
      env: { ...process.env, PORT: String(await freePort()) },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(crash.status).not.toBe(0);
    expect(crash.stderr).toContain("Cannot find module 'cors'");

    // The printed command, run as printed in the app's folder: then it starts and the call passes.
    execFileSync("sh", ["-c", install as string], { cwd: api, stdio: "pipe", timeout: 180_000 });
    expect(JSON.parse(readFileSync(join(api, "package.json"), "utf8")).dependencies).toHaveProperty("cors");
    const after = await startProcess(process.execPath, ["server.js"], port, {
      cwd: api,
      env: { ...process.env, PORT: String(port) },
    });
    try {
      expect(await pageCall(port)).toBe("allowed 201");
    } finally {
      await after.stop();
    }
  }, 240_000);
});

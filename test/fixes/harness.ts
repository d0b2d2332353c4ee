/**
 * The real-server fix suite's moving parts: a real server process from a config file, the page
 * that calls it from another origin in real Chromium with the built extension, and CORS Lens's
 * own report of what happened (the `cors-lens/report` message, as a user's automation gets it).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import type { Page } from "playwright-core";
import type { Fix, Stack } from "../../src/engine";
import type { ReportDocument, ReportExchange } from "../../src/report/report";
import { type ChromiumWithExtension, launchChromiumWithExtension } from "../e2e/helpers/chromium";
import { openExtensionPage, reportFor, tabIdOf } from "../e2e/helpers/report";
import { PAGE_REQUESTS, type PageRequest, type RequestName } from "./page";

/** Ports handed out by this process: each server of a suite gets its own for the whole run. */
const handedOut = new Set<number>();

/**
 * A free port below Linux's ephemeral range (32768–60999): a server stopped and started again on
 * its port (the patched file) must find it free, and a port from the ephemeral range can be taken
 * in between as the local end of any outgoing connection (the browser's, the harness's) — seen on a
 * loaded machine as "That port is already in use".
 */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error("no free port between 20000 and 32000");
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export interface Running {
  stop(): Promise<void>;
  /** What the server printed, for a failure message. */
  log(): string;
}

/** Spawns a server and waits until it answers HTTP on `port` (any status). */
export async function startProcess(
  command: string,
  args: string[],
  port: number,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Running> {
  // A server still answering on the port (a previous one still exiting) would pass the readiness
  // poll below in place of this one, which then fails to bind: the old file would be tested as the
  // new one. Wait for the port to be free first.
  for (const until = Date.now() + 10_000; await answers(port); ) {
    if (Date.now() > until)
      throw new Error(`port ${port} still answers (a previous server): not starting ${command}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  let output = "";
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (exited !== null) throw new Error(`${command} exited with ${exited} before listening:\n${output}`);
    if (await answers(port)) break;
    if (Date.now() > deadline) {
      kill(child);
      throw new Error(`${command} did not answer on port ${port}:\n${output}`);
    }
    // Polled often: a real-server suite starts hundreds of servers, each waited for.
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    log: () => output,
    stop: async () => {
      if (exited !== null) return;
      const gone = new Promise<void>((r) => child.once("exit", () => r()));
      kill(child);
      // Gone for sure: a server that outlives its stop keeps the port (see above); SIGKILL after 5 s.
      if (
        (await Promise.race([
          gone.then(() => true),
          new Promise((r) => setTimeout(() => r(false), 5000)),
        ])) === false
      ) {
        kill(child, "SIGKILL");
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      }
    },
  };
}

function kill(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/**
 * Whether an HTTP server answers on the port: a HEAD on a connection of its own, closed after. Never
 * the shared keep-alive pool: Django 3.2's runserver sends a body with its answer to HEAD (with
 * Content-Length, the connection kept alive; runserver strips it since Django 5.0,
 * https://code.djangoproject.com/ticket/28054), and a pooled connection then handed those bytes to the
 * next request on it as the start of its answer ("Parse Error: Expected HTTP/": set 16's correct
 * Django app, three full runs).
 */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const head = { host: "127.0.0.1", port, path: "/", method: "HEAD", timeout: 1000, agent: false } as const;
    const req = httpRequest(head, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/** The installed version of a Debian package, or null when it is not installed. */
export function debVersion(pkg: string): string | null {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const r = spawnSync("dpkg-query", ["-W", "-f=${Status} ${Version}", pkg], { encoding: "utf8" });
  if (r.status !== 0 || !r.stdout.startsWith("install ok installed")) return null;
  return r.stdout.split(" ").at(-1) ?? null;
}

export interface Outcome {
  name: RequestName;
  /**
   * The browser let the page read the response (fetch resolved), whatever its status, and every
   * header the call `reads` (../page.ts).
   */
  allowed: boolean;
  status: number | null;
  error: string | null;
}

/** The page origin (localhost) and the API (127.0.0.1) differ: every call is cross-origin. */
export class Browser {
  private constructor(
    private readonly chromium: ChromiumWithExtension,
    private readonly extensionPage: Page,
    private readonly page: Page,
    private readonly pageServer: Server,
    private readonly pagePort: number,
  ) {}

  static async launch(): Promise<Browser> {
    const pagePort = await freePort();
    const pageServer = createHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>CORS Lens fix test page</title><h1>app</h1>");
    });
    await new Promise<void>((r) => pageServer.listen(pagePort, "127.0.0.1", () => r()));
    const chromium = await launchChromiumWithExtension();
    const extensionPage = await openExtensionPage(chromium.context, chromium.extensionId);
    const page = await chromium.context.newPage();
    return new Browser(chromium, extensionPage, page, pageServer, pagePort);
  }

  get pageOrigin(): string {
    return `http://localhost:${this.pagePort}`;
  }

  private runs = 0;

  /**
   * Loads the page afresh (the tab's history starts over) and makes every request of the page,
   * one after another, each URL marked with the run so no preflight cache carries over.
   */
  async runPage(
    api: string,
    requests: readonly PageRequest[] = PAGE_REQUESTS,
  ): Promise<{ outcomes: Outcome[]; report: ReportDocument; urls: Map<RequestName, string> }> {
    const run = ++this.runs;
    await this.page.goto(`${this.pageOrigin}/?run=${run}`);
    const urls = new Map(
      requests.map((r) => [r.name, `${api}${r.path}${r.path.includes("?") ? "&" : "?"}run=${run}`]),
    );
    const outcomes = await this.page.evaluate(
      async (list) => {
        const out = [];
        for (const r of list) {
          try {
            const res = await fetch(r.url, {
              method: r.method,
              headers: r.headers,
              credentials: r.credentials,
              ...(r.body === null ? {} : { body: r.body }),
            });
            await res.text().catch(() => "");
            const hidden = (r.reads ?? []).filter((h) => res.headers.get(h) === null);
            out.push(
              hidden.length === 0
                ? { name: r.name, allowed: true, status: res.status, error: null }
                : {
                    name: r.name,
                    allowed: false,
                    status: res.status,
                    error: `unreadable: ${hidden.join(", ")}`,
                  },
            );
          } catch (e) {
            out.push({ name: r.name, allowed: false, status: null, error: String(e) });
          }
        }
        return out;
      },
      requests.map((r) => ({ ...r, url: urls.get(r.name) as string })),
    );
    const tabId = await tabIdOf(this.extensionPage, `${this.pageOrigin}/*`);
    // The background pairs and stores events as they come: wait until every request is there.
    let report = await reportFor(this.extensionPage, tabId);
    for (
      let i = 0;
      i < 200 && !requests.every((r) => exchangeFor(report, urls.get(r.name) as string, r.method));
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
      report = await reportFor(this.extensionPage, tabId);
    }
    return { outcomes: outcomes as Outcome[], report, urls };
  }

  async close(): Promise<void> {
    await this.chromium.close();
    await new Promise<void>((r) => this.pageServer.close(() => r()));
  }
}

/** The report's exchange for the page's request to `url` (the actual request, not its preflight). */
export function exchangeFor(report: ReportDocument, url: string, method: string): ReportExchange | undefined {
  return report.exchanges.filter((x) => sameUrl(x.url, url) && x.method === method).at(-1);
}

/** The report's URL for this one: equal, or equal but for query values the report redacts (a presigned URL's signature). */
function sameUrl(reported: string, url: string): boolean {
  if (reported === url) return true;
  if (!reported.includes("<redacted>")) return false;
  const parts = reported.split("<redacted>").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[^&#]*")}$`).test(url);
}

/** The fix CORS Lens gives for this stack on the exchange's first cause. */
export function fixFor(exchange: ReportExchange | undefined, stack: Stack): Fix | undefined {
  return exchange?.causes[0]?.fixes.find((f) => f.stack === stack);
}

/**
 * A real report CORS Lens had never seen: a GitHub issue or Q&A thread where someone was blocked
 * by CORS and the accepted answer names the server's mistake, rebuilt on the server software it
 * names (the app or config as its author wrote it, cut to the part that matters, plus the page's
 * routes), with the page calling it from another origin.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CauseCode, Fix, Stack } from "../../../src/engine";
import type { AppShape } from "../apply-printed";
import { freePort, type Running, startProcess } from "../harness";
import type { PageRequest, RequestName } from "../page";
import { nginxProxyStack } from "../stacks/nginx";
import { type Form, startNode } from "../stacks/node-common";
import { splitFiles, startPython } from "../stacks/python-common";

/** A measure of the Must show that this report fails today, and why (printed in the tally). */
export type Measure = "blocked" | "named" | "contradiction" | "allowed" | "crash" | "kept";

export interface Report {
  /** The thread, and where the accepted answer is. */
  url: string;
  /** Short, for the table. */
  id: string;
  /** The fix CORS Lens gives for this stack is the one applied (the stack the answer's change is in). */
  stack: Stack;
  /** The accepted answer's server-side mistake, in one line. */
  mistake: string;
  /** The cause's message must match every one of these to name that mistake (decided per case). */
  names: RegExp[];
  /** Words that would contradict this case's evidence, beyond the checks every case gets. */
  contradicts?: RegExp[];
  /** The request of the report (a page request, or one of `extra`). */
  target: RequestName;
  /** Requests of the report the page does not make by itself. */
  extra?: PageRequest[];
  /** Chromium's failed check CORS Lens must name. */
  expect: CauseCode[];
  config(origin: string): string;
  start(config: string, port: number, dir: string): Promise<Running>;
  /** How the app is written, for applying the printed change or snippet (apply-printed.ts). */
  shape?: AppShape;
  form?: Form;
  /** Where the printed `where` says to paste (stacks without a shape, or a change the shape cannot apply). */
  apply?(config: string, fix: Fix): string;
  /** The measures CORS Lens fails on this report, each with why: asserted to fail, and tallied. */
  known?: Partial<Record<Measure, string>>;
}

/** A request of the report beyond the page's own (its name is the report's word for it). */
export function request(
  name: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body: string | null = null,
  credentials: "omit" | "include" = "omit",
): PageRequest {
  return { name: name as RequestName, method, path, headers, credentials, body };
}

/**
 * An app behind nginx: the config holds the app's file and nginx.conf (`# === file:` parts); the
 * app runs on a port of its own, nginx proxies /api/ to it (UPSTREAM in nginx.conf).
 */
export function nginxInFront(app: "node-cjs" | "node-esm" | "python" | "puma", appFile: string) {
  return async (config: string, port: number, dir: string): Promise<Running> => {
    const parts = splitFiles(config);
    const appPort = await freePort();
    const source = parts.get(appFile) ?? "";
    const upstream =
      app === "python"
        ? await startPython(config, [appFile], appPort, dir)
        : app === "puma"
          ? await startPuma(source, appPort, dir)
          : await startNode(app === "node-esm" ? "esm" : "cjs")(source, appPort, dir);
    const file = join(dir, "nginx.conf");
    writeFileSync(
      file,
      (parts.get("nginx.conf") ?? "")
        .replaceAll("DIR", dir)
        .replaceAll("PORT", String(port))
        .replaceAll("UPSTREAM", `127.0.0.1:${appPort}`),
    );
    let proxy: Running;
    try {
      proxy = await startProcess(
        "/usr/sbin/nginx",
        ["-p", dir, "-c", file, "-e", join(dir, "error.log")],
        port,
      );
    } catch (error) {
      await upstream.stop();
      throw error;
    }
    return {
      log: () => `${proxy.log()}\n${upstream.log()}`,
      stop: async () => {
        await proxy.stop();
        await upstream.stop();
      },
    };
  };
}

/** nginx's frame around a report's location blocks (paths are the scratch directory's). */
export function nginxConf(locations: string): string {
  return `daemon off;
pid DIR/nginx.pid;
error_log DIR/error.log;
events {}
http {
  access_log off;
  client_body_temp_path DIR/body;
  proxy_temp_path DIR/proxy;
  fastcgi_temp_path DIR/fastcgi;
  uwsgi_temp_path DIR/uwsgi;
  scgi_temp_path DIR/scgi;
  server {
    listen 127.0.0.1:PORT;
${locations}
  }
}
`;
}

export async function startPuma(source: string, port: number, dir: string): Promise<Running> {
  const file = join(dir, "config.ru");
  writeFileSync(file, source);
  return startProcess("/usr/bin/puma", ["-b", `tcp://127.0.0.1:${port}`, "-t", "1:2", file], port, {
    cwd: dir,
  });
}

/** A bcrypt hash for Caddy's basicauth, made by Caddy itself. */
export function caddyHash(password: string): string {
  const r = spawnSync("/usr/bin/caddy", ["hash-password", "--plaintext", password], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim().split("\n").at(-1) as string;
}

/**
 * The nginx fix where it says ("At the top of every location block of the API, replacing its
 * add_header Access-Control-* lines"): the suite's nginx applier, after the reader also takes out
 * the lines that quote the header's name (`add_header 'Access-Control-Allow-Origin' '*'`), which
 * are add_header Access-Control-* lines all the same.
 */
export function applyNginx(config: string, fix: Fix): string {
  const unquoted = config.replace(/^[ \t]*add_header\s+['"]Access-Control-[^\n]*\n/gm, "");
  return nginxProxyStack.apply?.(unquoted, fix, "duplicate-proxy") ?? unquoted;
}

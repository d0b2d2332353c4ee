import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../e2e/helpers/paths";
import { startProcess } from "../harness";
import { BAD_BODY, movedRequest } from "../page";
import type { StackCase } from "../stack";

/** The installed npm packages' versions ("express 5.3.0, cors 2.8.6"), or null when one is missing. */
export function npmVersions(...packages: string[]): string | null {
  const found = packages.map((pkg) => {
    try {
      // Read from disk: some packages' export maps hide their package.json.
      const file = join(ROOT, "node_modules", pkg, "package.json");
      return `${pkg} ${(JSON.parse(readFileSync(file, "utf8")) as { version: string }).version}`;
    } catch {
      return null;
    }
  });
  return found.every((f) => f !== null) ? found.join(", ") : null;
}

/** Runs a CommonJS server file with the project's node_modules. */
export function startNode(source: string, port: number, dir: string) {
  const file = join(dir, "server.cjs");
  writeFileSync(file, source);
  return startProcess(process.execPath, [file], port, {
    env: { NODE_PATH: join(ROOT, "node_modules"), PORT: String(port) },
  });
}

/** An auth check that answers 401 for writes without an API key: the preflight has no key. */
export const NEEDS_KEY = 'req.path.startsWith("/api/items/") && !req.headers["x-api-key"]';

/** How one Node CORS middleware spells its options, and the app code that breaks it. */
export interface NodeStackShape {
  /** The app with `before` (code ahead of the CORS middleware) and the middleware's options. */
  app(before: string, options: string): string;
  methods: string;
  headers: string;
  /** An auth check registered ahead of CORS (401 without an API key, see NEEDS_KEY). */
  auth: string;
  /** An old /api/v1/ prefix redirected (308) to /api/, ahead of CORS. */
  redirect: string;
  /** What answers a malformed JSON body before CORS runs: code ahead of it, and/or an option. */
  badBody: { before: string; option?: string };
}

const ALL_METHODS = '["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]';

/** The six common misconfigurations, spelt in one Node middleware's terms. */
export function nodeCases(s: NodeStackShape): StackCase[] {
  return [
    {
      name: "wildcard-credentials",
      target: "me",
      config: () => s.app("", '{ origin: "*", credentials: true }'),
      expect: ["wildcard-origin-with-credentials"],
    },
    {
      name: "header-missing",
      target: "update",
      config: (o) =>
        s.app("", `{ origin: "${o}", ${s.methods}: ${ALL_METHODS}, ${s.headers}: ["content-type"] }`),
      expect: ["header-not-allowed"],
    },
    {
      name: "method-missing",
      target: "remove",
      config: (o) => s.app("", `{ origin: "${o}", ${s.methods}: ["GET", "HEAD", "POST", "PUT", "PATCH"] }`),
      expect: ["method-not-allowed"],
    },
    {
      name: "preflight-auth",
      target: "update",
      config: (o) => s.app(s.auth, `{ origin: "${o}" }`),
      expect: ["preflight-status-not-ok", "missing-allow-origin"],
    },
    {
      name: "preflight-redirect",
      target: "moved",
      extra: [movedRequest("/api/v1/items/1")],
      config: (o) => s.app(s.redirect, `{ origin: "${o}" }`),
      expect: ["preflight-redirected"],
    },
    {
      name: "error-no-cors",
      target: "bad-body",
      extra: [BAD_BODY],
      config: (o) => s.app(s.badBody.before, `{ origin: "${o}"${s.badBody.option ?? ""} }`),
      expect: ["missing-allow-origin"],
    },
  ];
}

export const PROXY_ONLY = { "duplicate-proxy": "a proxy case: see nginx in front of an app" } as const;

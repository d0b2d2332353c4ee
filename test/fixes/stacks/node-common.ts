import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../e2e/helpers/paths";
import type { AppShape } from "../apply-printed";
import { startProcess } from "../harness";
import { BAD_BODY, movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";

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

export type Form = "esm" | "cjs";

/**
 * Runs a server file with the project's node_modules, as an ES module or a CommonJS file. ES
 * modules ignore NODE_PATH, so the file is written inside the project (a scratch folder under
 * node_modules/.cache), where `import "express"` resolves as in the user's own project.
 */
export function startNode(form: Form) {
  return (source: string, port: number, dir: string) => {
    const scratch = join(ROOT, "node_modules", ".cache", "cors-lens-fixes");
    mkdirSync(scratch, { recursive: true });
    const file = form === "esm" ? join(scratch, `server-${port}.mjs`) : join(dir, "server.cjs");
    writeFileSync(file, source);
    return startProcess(process.execPath, [file], port, {
      env: { NODE_PATH: join(ROOT, "node_modules"), PORT: String(port) },
    });
  };
}

/** An auth check that answers 401 for writes without an API key: the preflight has no key. */
export const NEEDS_KEY = 'req.path.startsWith("/api/items/") && !req.headers["x-api-key"]';

/** How one Node CORS middleware spells its options, and the app code that breaks it. */
export interface NodeStackShape {
  /**
   * The app as its users write it in `form`: the packages imported at the top as the READMEs
   * show, `before` (code ahead of the CORS middleware), the middleware with `options`; no CORS
   * middleware and no import of it where `options` is null.
   */
  app(form: Form, before: string, options: string | null): string;
  methods: string;
  headers: string;
  /** An auth check registered ahead of CORS (401 without an API key, see NEEDS_KEY). */
  auth: string;
  /** An old /api/v1/ prefix redirected (308) to /api/, ahead of CORS. */
  redirect: string;
  /** What answers a malformed JSON body before CORS runs: code ahead of it, and/or an option. */
  badBody: { before: string; option?: string };
  /** The middleware's `origin` option accepts a list. */
  originList: boolean;
  /** The middleware takes its lists as comma-joined strings too (cors, @fastify/cors). */
  stringLists?: boolean;
  /** Options every starting set-up adds where the library's defaults are narrow (@fastify/cors: GET, HEAD, POST). */
  broaden?: string;
}

const ALL_METHODS = '["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]';

/**
 * The common misconfigurations, spelt in one Node middleware's terms, each broader than the page
 * needs (a second origin, an extra header the page never sent, exposed headers): a fix must keep
 * all of it. Plus an app with no CORS at all, its printed set-up pasted once and twice.
 */
export function nodeCases(s: NodeStackShape, form: Form): StackCase[] {
  const origins = (o: string) =>
    `${s.originList ? `["${o}", "https://admin.example"]` : `"${o}"`}${s.broaden ?? ""}`;
  return [
    {
      name: "wildcard-credentials",
      target: "me",
      config: () => s.app(form, "", `{ origin: "*", credentials: true, ${s.methods}: ${ALL_METHODS} }`),
      expect: ["wildcard-origin-with-credentials"],
    },
    {
      name: "header-missing",
      target: "update",
      config: (o) =>
        s.app(
          form,
          "",
          `{ origin: ${origins(o).replace(s.broaden ?? "\u0000", "")}, ${s.methods}: ${ALL_METHODS}, ${s.headers}: ["content-type", "x-trace-id"] }`,
        ),
      expect: ["header-not-allowed"],
    },
    {
      name: "method-missing",
      target: "remove",
      config: (o) =>
        s.app(
          form,
          "",
          `{ origin: ${origins(o).replace(s.broaden ?? "\u0000", "")}, ${s.methods}: ["GET", "HEAD", "POST", "PUT", "PATCH"] }`,
        ),
      expect: ["method-not-allowed"],
    },
    {
      name: "preflight-auth",
      target: "update",
      config: (o) => s.app(form, s.auth, `{ origin: ${origins(o)} }`),
      expect: ["preflight-status-not-ok", "missing-allow-origin"],
    },
    {
      name: "preflight-redirect",
      target: "moved",
      extra: [movedRequest("/api/v1/items/1")],
      config: (o) => s.app(form, s.redirect, `{ origin: ${origins(o)} }`),
      expect: ["preflight-redirected"],
    },
    {
      name: "error-no-cors",
      target: "bad-body",
      extra: [BAD_BODY],
      config: (o) => s.app(form, s.badBody.before, `{ origin: ${origins(o)}${s.badBody.option ?? ""} }`),
      expect: ["missing-allow-origin"],
    },
    ...(s.stringLists
      ? [
          {
            name: "header-missing-string" as const,
            target: "update" as const,
            config: (o: string) =>
              s.app(
                form,
                "",
                `{ origin: "${o}", ${s.methods}: "GET,HEAD,POST,PUT,PATCH,DELETE", ${s.headers}: "Content-Type,X-Trace-Id" }`,
              ),
            expect: ["header-not-allowed" as const],
          },
        ]
      : []),
    ...(s.originList
      ? [
          {
            name: "origin-missing" as const,
            target: "list" as const,
            config: () =>
              s.app(
                form,
                "",
                `{ origin: ["https://admin.example", "https://staging.example"], ${s.methods}: ${ALL_METHODS} }`,
              ),
            expect: ["missing-allow-origin" as const],
            bare: true,
          },
        ]
      : []),
    {
      name: "no-cors",
      target: "list",
      config: () => s.app(form, "", null),
      expect: ["missing-allow-origin"],
      bare: true,
    },
    {
      name: "no-cors-twice",
      target: "update",
      config: () => s.app(form, "", null),
      expect: ["missing-allow-origin"],
      times: 2,
      bare: true,
    },
  ];
}

/** One Node stack in one module system: its cases, the printed fix applied by its shape. */
export function nodeStack(
  base: Omit<StackUnderTest, "cases" | "start" | "label" | "form" | "shape" | "broad"> & {
    label: string;
    shape: AppShape;
    cases: (form: Form) => StackCase[];
  },
  form: Form,
): StackUnderTest {
  return {
    ...base,
    label: `${base.label} (${form === "esm" ? "ES module" : "CommonJS"})`,
    form,
    shape: base.shape,
    broad: true,
    cases: base.cases(form),
    start: startNode(form),
  };
}

/** The routes every Node app serves: the page's, and a second resource the page never called while recorded. */
export const PROXY_ONLY = { "duplicate-proxy": "a proxy case: see nginx in front of an app" } as const;

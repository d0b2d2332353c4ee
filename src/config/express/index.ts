/** Express apps (`app.js`, `server.ts`, `.mjs`, `.cjs`): reader (answers and allowance), checker and patcher. */
import type { Allowance, ConfigFile, ConfigFinding, HopRequest, ReadConfig, Words } from "../types";
import { STRANGER_ORIGIN } from "../whatif";
import { checkExpress } from "./check";
import { isFastify, readFastify } from "./fastify";
import { answer, type ExpressApp, FASTIFY_METHODS, MAKER, readExpress } from "./model";

export { PREFLIGHT_UNKNOWN, patchExpress } from "./patch";

export interface ExpressConfig extends ReadConfig {
  format: "express" | "hono" | "koa" | "fastify";
  app: ExpressApp;
}

/** A stand-in for "any origin" (a `*`, `origin: true`, a function): kept only where it was allowed. */
/** The URL the standard requests use: the model does not depend on the host or port. */
const BASE = "http://localhost:3000";

export function readExpressConfig(files: readonly ConfigFile[]): ExpressConfig {
  // The file that makes the app; the others are named in a note (routers in other files are not followed).
  const main =
    files.find((f) =>
      /\bexpress\s*\(|\bRouter\s*\(|new\s+(Hono|Koa)\b|\b[Ff]astify\s*\(|["'`]fastify["'`]\s*\)\s*\(/.test(
        f.text,
      ),
    ) ?? (files[0] as ConfigFile);
  const app = isFastify(main.text) ? readFastify(main.path, main.text) : readExpress(main.path, main.text);
  const notes: Words[] = files
    .filter((f) => f !== main)
    .map((f) => ({
      key: app.dialect === "fastify" ? "config.fastify.note.other-file" : "config.express.note.other-file",
      params: { file: f.path },
    }));
  if (!app.app)
    notes.push({
      key: app.dialect === "fastify" ? "config.fastify.note.no-app" : "config.express.note.no-app",
      params: { file: main.path, maker: MAKER[app.dialect] },
    });
  return {
    format: app.dialect,
    app,
    notes,
    answer: (request: HopRequest) => answer(app, request),
    allowance: () => allowanceOf(app),
    check: (): ConfigFinding[] => checkExpress(app),
  };
}

/** The app sets CORS: a cors() use, or an Access-Control-* header set by hand. */
export function setsCors(app: ExpressApp): boolean {
  return app.corsUses.length > 0 || /["'`]access-control-allow-/i.test(app.text);
}

/** The places and origins to try: over-generous on purpose (only those allowed before are kept). */
function allowanceOf(app: ExpressApp): Allowance[] {
  if (!setsCors(app)) return [];
  const origins = new Set<string>([STRANGER_ORIGIN]);
  for (const m of app.text.matchAll(/["'`](https?:\/\/[A-Za-z0-9.-]+(?::\d+)?)["'`]/g))
    origins.add(m[1] as string);
  const methods = new Set<string>();
  const headers = new Set<string>();
  let credentials = /credentials\s*:\s*true|["'`]access-control-allow-credentials["'`]\s*,\s*["'`]true/i.test(
    app.text,
  );
  for (const { use } of app.corsUses) {
    if ("key" in use.options) continue;
    const v = use.options.values;
    const m = v.get(app.dialect === "express" || app.dialect === "fastify" ? "methods" : "allowMethods");
    const list = (x: unknown) =>
      Array.isArray(x) ? x.map(String) : typeof x === "string" ? x.split(",").map((s) => s.trim()) : [];
    const defaults =
      app.dialect === "fastify" ? FASTIFY_METHODS : ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"];
    for (const x of m === undefined ? defaults : list(m)) if (x) methods.add(x.toUpperCase());
    for (const x of list(v.get("allowedHeaders") ?? v.get("headers") ?? v.get("allowHeaders")))
      if (x) headers.add(x);
    if (v.get("credentials") === true) credentials = true;
  }
  for (const m of app.text.matchAll(
    /["'`]access-control-allow-(methods|headers)["'`]\s*,\s*["'`]([^"'`]*)["'`]/gi,
  ))
    for (const x of (m[2] as string).split(",").map((s) => s.trim()))
      if (x)
        (lower(m[1] as string) === "methods" ? methods : headers).add(
          lower(m[1] as string) === "methods" ? x.toUpperCase() : x,
        );
  const paths = new Set<string>();
  const visit = (layers: ExpressApp["app"] extends infer S ? S : never, prefix: string) => {
    if (!layers) return;
    for (const l of layers.layers) {
      const src = l.path.source;
      if (!src.startsWith("/")) continue;
      const p = `${prefix}${src === "/" ? "" : src}`
        .replace(/\{[^}]*\}/g, "")
        .replace(/:\w+\??/g, "1")
        .replace(/\*\w*/g, "x")
        .replace(/\(\.\*\)/g, "x");
      if (l.methods !== null && !/[()[\]\\]/.test(p)) paths.add(p || "/");
      for (const h of l.handlers) if (h.kind === "router") visit(h.router, p);
    }
  };
  visit(app.app, "");
  if (paths.size === 0) paths.add("/");
  return [...paths].slice(0, 6).map((p) => ({
    url: `${BASE}${p}`,
    origins: [...origins],
    methods: [...methods],
    headers: [...headers],
    credentials,
  }));
}

const lower = (s: string) => s.toLowerCase();

import { createServer, type Server } from "node:http";
import type { Running } from "../harness";
import { freePort } from "../harness";
import type { StackCase } from "../stack";

/**
 * The application behind a proxy (nginx, Apache, Caddy): the page's routes, a 500 on /api/fail,
 * and, when `ownCors`, its own hand-written CORS headers for `origin` (the app half of a duplicate).
 */
export async function startUpstream(
  ownCors: string | null,
): Promise<{ port: number; close(): Promise<void> }> {
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (ownCors) {
      res.setHeader("Access-Control-Allow-Origin", ownCors);
      res.setHeader("Vary", "Origin");
      if (req.method === "OPTIONS") {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        res.setHeader("Access-Control-Allow-Headers", "content-type, x-api-key");
        res.writeHead(204).end();
        return;
      }
    }
    req.resume();
    if (path === "/api/fail") return void res.writeHead(500, { "content-type": "text/plain" }).end("boom");
    if (req.method === "DELETE") return void res.writeHead(204).end();
    res
      .writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" })
      .end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The config's first line names what the app behind the proxy does: `# app: own-cors ORIGIN` or `# app: plain`. */
export function appLine(ownCors: string | null): string {
  return ownCors ? `# app: own-cors ${ownCors}` : "# app: plain";
}

export function ownCorsOf(config: string): string | null {
  return /^# app: own-cors (\S+)/m.exec(config)?.[1] ?? null;
}

/** Starts the app the config's first line describes, then the proxy in front of it; stops both. */
export async function behindProxy(
  config: string,
  startProxy: (upstream: string) => Promise<Running>,
): Promise<Running> {
  const app = config.startsWith("# app: none") ? null : await startUpstream(ownCorsOf(config));
  let proxy: Running;
  try {
    proxy = await startProxy(`127.0.0.1:${app?.port ?? 9}`);
  } catch (error) {
    await app?.close();
    throw error;
  }
  return {
    log: proxy.log,
    stop: async () => {
      await proxy.stop();
      await app?.close();
    },
  };
}

/** What a proxy's hand-written CORS lines may get wrong: the origin and credentials, the lists. */
export interface CorsLines {
  origin?: string;
  credentials?: boolean;
  methods?: string;
  allow?: string;
}

/**
 * The three cases of a server whose CORS is its own header lines (nginx, Apache, Caddy): `*` with
 * credentials, a missing request header, a missing method — each from the stack's own config.
 */
export function corsLineCases(config: (origin: string, lines: CorsLines) => string): StackCase[] {
  return [
    {
      name: "wildcard-credentials",
      target: "me",
      config: (o) => config(o, { origin: "*", credentials: true }),
      expect: ["wildcard-origin-with-credentials"],
    },
    {
      name: "header-missing",
      target: "update",
      config: (o) => config(o, { allow: "content-type" }),
      expect: ["header-not-allowed"],
    },
    {
      name: "method-missing",
      target: "remove",
      config: (o) => config(o, { methods: "GET, POST, PUT, PATCH" }),
      expect: ["method-not-allowed"],
    },
  ];
}

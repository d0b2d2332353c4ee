/**
 * A patched Express, Koa or Hono app run as printed on the real packages (node_modules), in this
 * process: the app's text must end with `module.exports = app;` (or the app object) instead of
 * listening.
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

const need = createRequire(import.meta.url);

/** The printed text run as printed: its module.exports served on a free port. */
export async function serve(text: string, dialect: string): Promise<{ url: string; close: () => void }> {
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "process", text)(need, module, { env: {} });
  const app = module.exports as unknown as {
    callback?: () => Parameters<typeof createServer>[1];
    fetch?: (r: Request) => Promise<Response>;
  };
  const handler: Parameters<typeof createServer>[1] =
    dialect === "koa"
      ? (app.callback?.() as Parameters<typeof createServer>[1])
      : dialect === "hono"
        ? async (req, res) => {
            const r = await (app.fetch as (r: Request) => Promise<Response>)(
              new Request(`http://h${req.url}`, {
                method: req.method,
                headers: req.headers as Record<string, string>,
              }),
            );
            res.writeHead(r.status, Object.fromEntries(r.headers));
            res.end(Buffer.from(await r.arrayBuffer()));
          }
        : (app as unknown as Parameters<typeof createServer>[1]);
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/**
 * A patched Express app run as printed on the real express and cors packages (node_modules), in
 * this process: the app's text must end with `module.exports = app;` instead of listening.
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

const need = createRequire(import.meta.url);

/** The Allow-Origin the app answers a GET from `origin` with, ORIGIN deployed as `deployed`. */
export async function allowOrigin(
  text: string,
  deployed: string | undefined,
  origin: string,
): Promise<string | null> {
  const env: Record<string, string> = deployed === undefined ? {} : { ORIGIN: deployed };
  const module = { exports: {} as unknown };
  new Function("require", "module", "process", text)(need, module, { env });
  const server = createServer(module.exports as Parameters<typeof createServer>[1]);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/items`, { headers: { Origin: origin } });
    return res.headers.get("access-control-allow-origin");
  } finally {
    server.close();
  }
}

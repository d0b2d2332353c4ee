import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { send } from "./config-real";
import { freePort, startProcess } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "cors-lens-harness-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A server that answers as Django 3.2's runserver does behind CommonMiddleware: a HEAD's answer with
 * Content-Length and its body all the same, written after the headers (a WSGI server writes them
 * apart), the connection kept alive; one request at a time per connection.
 */
const HEAD_WITH_BODY = `
const net = require("node:net");
const body = "<!doctype html><h1>Not Found</h1>".repeat(5);
net.createServer((socket) => {
  let buffered = "";
  let busy = Promise.resolve();
  socket.on("error", () => {});
  socket.on("data", (d) => {
    buffered += d;
    for (let end; (end = buffered.indexOf("\\r\\n\\r\\n")) >= 0; ) {
      const head = buffered.slice(0, end);
      buffered = buffered.slice(end + 4);
      busy = busy.then(async () => {
        const isHead = head.startsWith("HEAD ");
        const text = isHead ? body : '{"ok":true}';
        socket.write("HTTP/1.1 " + (isHead ? "404 Not Found" : "200 OK") + "\\r\\nContent-Length: " + Buffer.byteLength(text) + "\\r\\n\\r\\n");
        await new Promise((r) => setTimeout(r, 50));
        socket.write(text);
      });
    }
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

describe("the harness's own requests", () => {
  it("a server's readiness poll leaves no connection behind for the calls (runserver answers HEAD with a body)", async () => {
    const script = join(dir, "head-with-body.cjs");
    writeFileSync(script, HEAD_WITH_BODY);
    const port = await freePort();
    const running = await startProcess(process.execPath, [script], port, { env: { PORT: String(port) } });
    try {
      // Sent at once, as the suites do: on a pooled connection its answer would start with the
      // readiness HEAD's late body ("Parse Error: Expected HTTP/").
      const r = await send("GET", `http://127.0.0.1:${port}/api/items`, [
        ["Origin", "http://localhost:5173"],
      ]);
      expect(r.status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});

/**
 * A minimal Marionette client (Firefox's own remote protocol: `length:json` packets over TCP;
 * commands `[0, id, name, params]`, replies `[1, id, error, result]`). Used to reach Firefox's
 * chrome, where the DevTools toolbox lives: WebDriver BiDi sees only content.
 * https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html
 */
import { connect, type Socket } from "node:net";

export interface Marionette {
  send<T = unknown>(name: string, params?: Record<string, unknown>): Promise<T>;
  /** Runs `body` (an async function body; `arguments` hold `args`) and returns its value. */
  run<T>(context: "chrome" | "content", body: string, args?: unknown[], timeoutMs?: number): Promise<T>;
  close(): void;
}

async function connectWithRetry(port: number, timeoutMs: number): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1");
        socket.once("connect", () => resolve(socket));
        socket.once("error", reject);
      });
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`Marionette did not listen on port ${port}: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function connectMarionette(port: number, timeoutMs = 30_000): Promise<Marionette> {
  const socket = await connectWithRetry(port, timeoutMs);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let buffer = Buffer.alloc(0);
  let greeted: () => void = () => undefined;
  const greeting = new Promise<void>((resolve) => {
    greeted = resolve;
  });
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(58);
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString("ascii"));
      if (buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString("utf8")) as unknown;
      buffer = buffer.subarray(colon + 1 + length);
      if (!Array.isArray(packet)) {
        greeted();
        continue;
      }
      const [, id, error, result] = packet as [
        number,
        number,
        { error: string; message: string } | null,
        unknown,
      ];
      const waiter = pending.get(id);
      pending.delete(id);
      if (error) waiter?.reject(new Error(`Marionette ${error.error}: ${error.message}`));
      else waiter?.resolve(result);
    }
  });
  socket.on("close", () => {
    for (const waiter of pending.values()) waiter.reject(new Error("Marionette connection closed"));
    pending.clear();
  });
  await greeting;
  let nextId = 1;
  const send = <T>(name: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const body = Buffer.from(JSON.stringify([0, id, name, params]), "utf8");
      socket.write(`${body.length}:`);
      socket.write(body);
    });
  let context: string | null = null;
  return {
    send,
    async run<T>(wanted: "chrome" | "content", body: string, args: unknown[] = [], timeoutMs = 30_000) {
      if (context !== wanted) {
        await send("Marionette:SetContext", { value: wanted });
        context = wanted;
      }
      const script = `const done = arguments[arguments.length - 1];
        (async (...args) => { ${body} })(...Array.from(arguments).slice(0, -1))
          .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error: String(error) + " @ " + String(error && error.stack) }));`;
      const reply = await send<{ value: { ok: boolean; value?: T; error?: string } }>(
        "WebDriver:ExecuteAsyncScript",
        {
          script,
          args,
          scriptTimeout: timeoutMs,
        },
      );
      if (!reply.value.ok) throw new Error(`script failed in ${wanted}: ${reply.value.error}`);
      return reply.value.value as T;
    },
    close: () => socket.destroy(),
  };
}

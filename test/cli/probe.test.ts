/**
 * `cors-lens probe` against the lab on loopback: what it sends (the browser's preflight), where it
 * stops, its verdicts and exit codes, and one-line messages when nothing answers.
 */
import {
  type AddressInfo,
  createServer as createNetServer,
  type Server as NetServer,
  type Socket,
} from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { nodeSend } from "../../src/cli/probe";
import { runProbe } from "../../src/cli/probe-command";
import type { ReportDocument } from "../../src/report/report";

type Lab = Awaited<ReturnType<typeof startLab>>;
let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab?.close());

async function probeCli(...args: string[]) {
  let out = "";
  let err = "";
  const code = await runProbe(
    args,
    nodeSend,
    (s) => (out += s),
    (s) => (err += s),
    false,
  );
  return { code, out, err };
}
const at = (id: string) => `${lab.api}/s/${id}?n=probe`;

describe("cors-lens probe", () => {
  it("sends the browser's preflight and names the missing header, with the fix", async () => {
    const before = lab.log.length;
    const r = await probeCli(
      at("seed-django-missing-header"),
      "--origin",
      lab.page,
      "--method",
      "PUT",
      "--header",
      "Content-Type: application/json",
      "--header",
      "X-Api-Key: k-123",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "Chromium: blocked: Request header x-api-key not allowed (HeaderDisallowedByPreflightResponse)",
    );
    expect(r.out).toContain(
      "Firefox: blocked: Request header x-api-key not allowed (CORSMissingAllowHeaderFromPreflight2)",
    );
    expect(r.out).toContain(
      "Access-Control-Allow-Headers: required content-type,x-api-key, sent accept, accept-encoding",
    );
    // From one preflight, the seed's copy of django-cors-headers' defaults reads as that package: said as a guess.
    expect(r.out).toContain(
      "Probably: django-cors-headers, from Access-Control-Allow-Methods: DELETE, GET, OPTIONS, PATCH, POST, PUT",
    );
    expect(r.out).toContain("Fix (Django (django-cors-headers)):");
    // Only the preflight went out: after a failed preflight the browser sends nothing else.
    const sent = lab.log.slice(before);
    expect(sent.map((l) => l.method)).toEqual(["OPTIONS"]);
  });

  it("--expect sets the exit code; --format json prints the report document", async () => {
    const ok = await probeCli(
      at("acao-echo-no-vary"),
      "--origin",
      lab.page,
      "--expect",
      "allowed",
      "--format",
      "json",
    );
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.out) as ReportDocument;
    expect(report.source).toEqual({ kind: "probe", url: at("acao-echo-no-vary"), origin: lab.page });
    expect(report.exchanges.map((x) => x.verdict)).toEqual(["allowed"]);
    const wrong = await probeCli(at("acao-missing"), "--origin", lab.page, "--expect", "allowed");
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain(
      "Chromium: blocked: No Access-Control-Allow-Origin header (MissingAllowOriginHeader)",
    );
    const expectedBlock = await probeCli(at("acao-missing"), "--origin", lab.page, "--expect", "blocked");
    expect(expectedBlock.code).toBe(0);
  });

  it("says in one line when nothing answers, and rejects bad input with exit 2", async () => {
    const refused = await probeCli(`${lab.closed}/x`, "--origin", lab.page);
    expect(refused).toMatchObject({ code: 2, out: "" });
    expect(refused.err).toMatch(/^cors-lens probe: 127\.0\.0\.1:\d+: connection refused\n$/);
    const tls = await probeCli(at("acao-missing").replace("http:", "https:"), "--origin", lab.page);
    expect(tls.code).toBe(2);
    expect(tls.err).toMatch(/^cors-lens probe: 127\.0\.0\.1:\d+: TLS error \(EPROTO\)\n$/);
    for (const args of [
      [at("acao-missing")],
      [at("acao-missing"), "--origin", `${lab.page}/app`],
      ["ftp://x/", "--origin", lab.page],
      [at("acao-missing"), "--origin", lab.page, "--expect", "maybe"],
      [at("acao-missing"), "--origin", lab.page, "--bogus"],
    ]) {
      const r = await probeCli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.split("\n").length, r.err).toBe(2);
    }
  });
});

/**
 * Hostile servers on loopback, raw TCP so that each answers exactly as badly as named: every run of
 * `probe` ends within `--timeout` + 1 s (measured around the in-process call, so node's start-up
 * and the module load are not counted), exit 2, one line on stderr, nothing on stdout, and no
 * connection of it left open.
 */
describe("cors-lens probe against hostile servers", () => {
  const TIMEOUT_S = 1;
  const servers: NetServer[] = [];
  const stops: Array<() => void> = [];
  afterAll(async () => {
    for (const stop of stops) stop();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  type Answer = (socket: Socket, head: string, base: string) => void;
  /** A server that reads each request's head and answers it with `answer`; `open` counts its connections. */
  async function hostile(answer: Answer): Promise<{ base: string; open: () => number }> {
    const sockets = new Set<Socket>();
    let base = "";
    const server = createNetServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
      let head = "";
      const onData = (chunk: Buffer) => {
        head += chunk.toString("latin1");
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        const first = head.slice(0, end);
        head = head.slice(end + 4);
        answer(socket, first, base);
      };
      socket.on("data", onData);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    servers.push(server);
    stops.push(() => {
      for (const s of sockets) s.destroy();
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, open: () => sockets.size };
  }

  /** Writes `text` a byte at a time every 500 ms (forever, for the endless ones), until the socket closes. */
  function trickle(socket: Socket, text: () => string, prefix = ""): void {
    if (prefix) socket.write(prefix);
    const timer = setInterval(() => {
      if (socket.destroyed) clearInterval(timer);
      else socket.write(text());
    }, 500);
    socket.on("close", () => clearInterval(timer));
    stops.push(() => clearInterval(timer));
  }
  const CORS = "Access-Control-Allow-Origin: *\r\n";
  const OK = `HTTP/1.1 200 OK\r\n${CORS}`;
  const pathOf = (head: string) => head.split(" ")[1] ?? "/";

  const endlessBody: Answer = (socket) => {
    socket.write(`${OK}Transfer-Encoding: chunked\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, "a");
    const frame = Buffer.concat([
      Buffer.from(`${chunk.length.toString(16)}\r\n`),
      chunk,
      Buffer.from("\r\n"),
    ]);
    const pump = () => {
      while (!socket.destroyed && socket.write(frame)) {}
    };
    socket.on("drain", pump);
    pump();
  };
  const bodyTrickle: Answer = (socket) =>
    trickle(socket, () => "1\r\na\r\n", `${OK}Transfer-Encoding: chunked\r\n\r\n`);
  const headerTrickle: Answer = (socket) => trickle(socket, () => "a", `${OK}X-Slow: `);

  interface Case {
    name: string;
    answer: Answer;
    args?: (base: string) => string[];
    path?: string;
    /** What the one line says: the timeout, unless the server fails faster another way. */
    says?: RegExp;
  }
  const within = new RegExp(`no complete answer within ${TIMEOUT_S} s\\n$`);
  const CASES: Case[] = [
    { name: "accepts, never answers", answer: () => undefined },
    {
      name: "status line, a byte every 500 ms",
      answer: (socket) => {
        const line = `${OK}\r\n`;
        let i = 0;
        trickle(socket, () => line[i++ % line.length] as string);
      },
    },
    { name: "a header value, a byte every 500 ms", answer: headerTrickle },
    {
      name: "slowloris: a header line every 500 ms",
      answer: (socket) => {
        let n = 0;
        trickle(socket, () => `X-Slow-${n++}: a\r\n`, OK);
      },
    },
    {
      name: "a 10 MB header",
      answer: (socket) => socket.end(`${OK}X-Big: ${"a".repeat(10 * 1024 * 1024)}\r\n\r\n`),
      says: /headers are larger than 256 KiB|no complete answer within/,
    },
    { name: "a body byte every 500 ms, never ending", answer: bodyTrickle },
    {
      name: "an endless body, as fast as it goes",
      answer: endlessBody,
      says: /body is longer than 8 MiB; not read further\n$|no complete answer within/,
    },
    {
      name: "Content-Length 1000, 10 bytes sent, then nothing",
      answer: (socket) => socket.write(`${OK}Content-Length: 1000\r\n\r\n0123456789`),
    },
    {
      name: "102 Processing every 200 ms, forever",
      answer: (socket) => {
        const timer = setInterval(() => {
          if (!socket.destroyed) socket.write("HTTP/1.1 102 Processing\r\n\r\n");
        }, 200);
        socket.on("close", () => clearInterval(timer));
        stops.push(() => clearInterval(timer));
      },
    },
    {
      name: "redirects to itself",
      answer: (socket, head) =>
        socket.write(`HTTP/1.1 302 Found\r\n${CORS}Location: ${pathOf(head)}\r\nContent-Length: 0\r\n\r\n`),
      says: /more than 20 redirects/,
    },
    {
      name: "an endless redirect chain, 150 ms a hop",
      answer: (socket, head) => {
        const n = Number(pathOf(head).split("/").at(-1)) || 0;
        const timer = setTimeout(
          () =>
            socket.write(
              `HTTP/1.1 307 Temporary Redirect\r\n${CORS}Location: /r/${n + 1}\r\nContent-Length: 0\r\n\r\n`,
            ),
          150,
        );
        stops.push(() => clearTimeout(timer));
      },
      path: "/r/0",
    },
    {
      name: "a redirect to a body that trickles",
      answer: (socket, head) =>
        pathOf(head) === "/slow"
          ? bodyTrickle(socket, head, "")
          : socket.write(
              `HTTP/1.1 307 Temporary Redirect\r\n${CORS}Location: /slow\r\nContent-Length: 0\r\n\r\n`,
            ),
    },
    {
      name: "a preflight answered a header byte every 500 ms",
      answer: headerTrickle,
      args: () => ["--method", "PUT", "--header", "X-Api-Key: k"],
    },
    {
      name: "a preflight allowed, then the request's body trickles",
      answer: (socket, head) =>
        head.startsWith("OPTIONS ")
          ? socket.write(
              `HTTP/1.1 204 No Content\r\n${CORS}Access-Control-Allow-Methods: PUT\r\nAccess-Control-Allow-Headers: x-api-key\r\n\r\n`,
            )
          : bodyTrickle(socket, head, ""),
      args: () => ["--method", "PUT", "--header", "X-Api-Key: k"],
    },
    {
      // Each answer alone comes in time; the scan's 8 requests together do not.
      name: "--security: every answer after 40 % of the timeout",
      answer: (socket) => {
        const timer = setTimeout(
          () => socket.write(`${OK}Content-Length: 2\r\n\r\n{}`),
          TIMEOUT_S * 1000 * 0.4,
        );
        stops.push(() => clearTimeout(timer));
      },
      args: () => ["--security"],
    },
  ];

  it(`ends every run within --timeout ${TIMEOUT_S} + 1 s, exit 2, one line, no connection left open`, async () => {
    expect(CASES.length).toBe(15);
    const times: string[] = [];
    for (const c of CASES) {
      const server = await hostile(c.answer);
      const url = `${server.base}${c.path ?? "/api"}`;
      const started = performance.now();
      const r = await probeCli(
        url,
        "--origin",
        "https://app.example.com",
        "--timeout",
        String(TIMEOUT_S),
        ...(c.args?.(url) ?? []),
      );
      const elapsed = performance.now() - started;
      times.push(`${(elapsed / 1000).toFixed(3)} s  ${c.name}: ${r.err.trim()}`);
      expect(r.code, c.name).toBe(2);
      expect(r.out, c.name).toBe("");
      expect(r.err, c.name).toMatch(/^cors-lens probe: [^\n]+\n$/);
      expect(r.err, c.name).toMatch(c.says ?? within);
      expect(elapsed, `${c.name}: ${elapsed} ms`).toBeLessThanOrEqual(TIMEOUT_S * 1000 + 1000);
      // The probe destroyed what it opened: the server sees every connection closed.
      await vi.waitFor(() => expect(server.open(), c.name).toBe(0), { timeout: 5000, interval: 20 });
    }
    process.stdout.write(
      `probe against ${CASES.length} hostile servers, --timeout ${TIMEOUT_S}:\n${times.join("\n")}\n`,
    );
  }, 120_000);

  it("says so in Korean too, and bounds a network that never settles", async () => {
    const server = await hostile(bodyTrickle);
    let err = "";
    const code = await runProbe(
      [`${server.base}/api`, "--origin", "https://app.example.com", "--timeout", "0.5", "--lang", "ko"],
      nodeSend,
      () => undefined,
      (s) => (err += s),
      false,
      "ko",
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^cors-lens probe: 127\.0\.0\.1:\d+: 0\.5초 안에 완전한 응답이 없습니다\n$/);
    // A network layer that ignores the deadline is bounded all the same.
    err = "";
    const never = await runProbe(
      ["http://127.0.0.1:9/api", "--origin", "https://app.example.com", "--timeout", "0.2"],
      () => new Promise(() => undefined),
      () => undefined,
      (s) => (err += s),
      false,
    );
    expect(never).toBe(2);
    expect(err).toBe("cors-lens probe: 127.0.0.1:9: no complete answer within 0.2 s\n");
  });
});

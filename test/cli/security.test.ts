/**
 * `cors-lens probe --security` against loopback servers with one planted origin-check bug each, and
 * a correct one: each bug found (and named), nothing on the correct server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { nodeSend } from "../../src/cli/probe";
import { runProbe } from "../../src/cli/probe-command";

const PAGE = "https://app.example.com";

/** The origin checks real servers get wrong, each as a server would write it. */
const PLANTED: Record<string, (origin: string) => boolean> = {
  "reflects any origin": () => true,
  "null allowed": (o) => o === PAGE || o === "null",
  "startsWith check": (o) => o.startsWith(PAGE),
  "endsWith check": (o) => o.endsWith("example.com"),
  subdomains: (o) => o === PAGE || /^https:\/\/[a-z0-9-]+\.app\.example\.com$/.test(o),
  "unescaped dots": (o) => /^https:\/\/app.example.com$/.test(o),
  "http trusted": (o) => o === PAGE || o === "http://app.example.com",
  correct: (o) => o === PAGE,
};

const servers: Server[] = [];
async function serve(
  allows: (o: string) => boolean,
  credentials: boolean,
  wildcard = false,
): Promise<string> {
  const server = createServer((req, res) => {
    const origin = req.headers.origin ?? "";
    if (wildcard) res.setHeader("Access-Control-Allow-Origin", "*");
    else if (allows(origin)) res.setHeader("Access-Control-Allow-Origin", origin);
    if (credentials) res.setHeader("Access-Control-Allow-Credentials", "true");
    res.end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

async function security(url: string) {
  let out = "";
  const code = await runProbe(
    ["--security", url, "--origin", PAGE, "--format", "json"],
    nodeSend,
    (s) => (out += s),
    () => undefined,
    false,
  );
  return {
    code,
    findings: (JSON.parse(out) as { findings: Array<{ check: string; severity: string }> }).findings,
  };
}

describe("cors-lens probe --security", () => {
  it("finds each planted origin-check bug, with credentials as an error", async () => {
    const found: Record<string, string[]> = {};
    for (const [name, allows] of Object.entries(PLANTED)) {
      const { code, findings } = await security(await serve(allows, true));
      found[name] = findings.map((f) => `${f.check}:${f.severity}`);
      expect(code, name).toBe(name === "correct" ? 0 : 1);
    }
    expect(found).toEqual({
      "reflects any origin": [
        "arbitrary-origin:error",
        "null-origin:error",
        "suffix-look-alike:error",
        "prefix-look-alike:error",
        "subdomain:error",
        "unescaped-dot:error",
        "http-origin:error",
      ],
      "null allowed": ["null-origin:error"],
      "startsWith check": ["suffix-look-alike:error"],
      // Ends with "example.com": appxexample.com and the http: origin too.
      "endsWith check": [
        "prefix-look-alike:error",
        "subdomain:error",
        "unescaped-dot:error",
        "http-origin:error",
      ],
      subdomains: ["subdomain:error"],
      "unescaped dots": ["unescaped-dot:error"],
      "http trusted": ["http-origin:error"],
      correct: [],
    });
  });

  it("reports a reflected origin without credentials as a warning, and * with credentials", async () => {
    expect((await security(await serve(() => true, false))).findings[0]).toMatchObject({
      check: "arbitrary-origin",
      severity: "warning",
    });
    expect((await security(await serve(() => true, true, true))).findings.map((f) => f.check)).toEqual([
      "wildcard-with-credentials",
    ]);
  });
});

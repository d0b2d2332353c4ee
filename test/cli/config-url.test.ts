/** `cors-lens fix --config … --url`: the evidence probed now; what the user gets wrong is said, exit 2. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "cors-lens-url-"));
const site = join(dir, "site.conf");
writeFileSync(
  site,
  `server {\n    location / {\n        add_header Access-Control-Allow-Origin "https://app.example.com";\n        return 200;\n    }\n}\n`,
);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("cors-lens fix --config --url", () => {
  it.each([
    [["--url", "http://127.0.0.1:9/x"], /--origin/],
    [
      ["--har", "x.har", "--url", "http://127.0.0.1:9/x", "--origin", "https://a.example"],
      /--har or --url, not both/,
    ],
    [["--origin", "https://a.example"], /--origin describes the request to probe: pass --url URL with it/],
    [["--url", "example.com/x", "--origin", "https://a.example"], /example\.com\/x/],
    [
      ["--url", "http://127.0.0.1:9/x", "--origin", "https://a.example", "--header", "bad name: 1"],
      /bad name/,
    ],
    [[], /--har FILE\.har .*--url URL --origin ORIGIN/],
  ])("%j: exit 2 with what to pass", async (args, message) => {
    const r = await cli("fix", "--config", site, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });

  it("a server that does not answer: exit 2, the probe's words, no diff", async () => {
    const port = await closedPort();
    const r = await cli(
      "fix",
      "--config",
      site,
      "--url",
      `http://127.0.0.1:${port}/x`,
      "--origin",
      "https://b.example",
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cors-lens fix: the request could not be probed: .*127\.0\.0\.1/m);
    expect(r.out).toBe("");
  });

  it("a file it cannot read is said before any request is sent", async () => {
    const bad = join(dir, "bad.conf");
    writeFileSync(bad, "server {\n  location / {\n");
    const port = await closedPort();
    const r = await cli(
      "fix",
      "--config",
      bad,
      "--url",
      `http://127.0.0.1:${port}/x`,
      "--origin",
      "https://b.example",
    );
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/could not be probed/);
    expect(r.err).toMatch(/bad\.conf/);
  });
});

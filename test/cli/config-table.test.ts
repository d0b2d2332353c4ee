/**
 * `cors-lens fix --config`'s before/after table on a HAR that repeats one call on many paths: the
 * first rows of each kind are listed, the rest counted in one line; `--format json` keeps every row.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportHar } from "../../src/report/har-export";
import { recordedFrom } from "../config/recorded";
import { cli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "cors-lens-table-"));
const site = join(dir, "site.conf");
const text = `server {
    listen 80;
    server_name api.example.com;
    location /api/ {
        add_header Access-Control-Allow-Origin "https://other.example.com";
        proxy_pass http://127.0.0.1:3000;
    }
}
`;
writeFileSync(site, text);
const har = join(dir, "calls.har");
const paths = Array.from({ length: 12 }, (_, i) => ({ url: `http://api.example.com/api/items/${i}` }));
writeFileSync(har, JSON.stringify(exportHar(recordedFrom([{ path: site, text }], paths))));

describe("fix --config's table", () => {
  it("lists the first three alike rows and counts the other nine", async () => {
    const r = await cli("fix", "--config", site, "--har", har);
    expect(r.code).toBe(0);
    const rows = r.err.split("\n").filter((l) => l.startsWith("GET http://api.example.com/api/items/"));
    expect(rows).toHaveLength(3);
    expect(r.err).toContain(
      "… and 9 more requests like GET http://api.example.com/api/items/0 ← https://app.example.com: same method, origin, credentials and verdicts",
    );
    const json = JSON.parse((await cli("fix", "--config", site, "--har", har, "--format", "json")).out);
    expect(json.requests.filter((x: { source: string }) => x.source === "evidence")).toHaveLength(12);
  });
});

describe("fix --config's heading", () => {
  it("says no edit was found, not 'Nothing to change', when a blocked request stays blocked", async () => {
    // `*` without allow_credentials and a credentialed call: CORS Lens does not add credentials to `*`.
    const app = join(dir, "app.py");
    const py = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])
`;
    writeFileSync(app, py);
    const pyHar = join(dir, "py.har");
    const { prepareConfig } = await import("../../src/config");
    const { pythonGrammarBytes } = await import("../config/recorded");
    await prepareConfig([{ path: app, text: py }], pythonGrammarBytes);
    writeFileSync(
      pyHar,
      JSON.stringify(
        exportHar(
          recordedFrom(
            [{ path: app, text: py }],
            [{ url: "http://api.example.com/me", credentials: "include" }],
          ),
        ),
      ),
    );
    const r = await cli("fix", "--config", app, "--har", pyHar);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain("Nothing to change");
    expect(r.err).toContain("No change made: CORS Lens found no edit that lets the blocked requests through");
    const ok = await cli("fix", "--config", site, "--har", har);
    expect(ok.err).not.toContain("No change made");
  });
});

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

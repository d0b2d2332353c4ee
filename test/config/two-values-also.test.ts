/**
 * `check --har` on a request answered with two Allow-Origin values, one the server's and one the
 * application's behind it: the finding stands where `fix` hides the application's copy, and names
 * the server's own Allow-Origin line as the other half (`also`), in nginx, Apache and Caddy.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import type { ConfigFile } from "../../src/config/types";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "config.ru", text: "use Rack::Cors\n" }], grammarBytes);
});

/** The model's recording of one GET, with the application's own `*` added to the answer. */
function twoValues(file: ConfigFile, url: string) {
  return recordedFrom([file], [{ url, origin: PAGE }]).map((x) => ({
    ...x,
    hops: x.hops.map((h) => ({
      ...h,
      responseHeaders: [...h.responseHeaders, ["Access-Control-Allow-Origin", "*"] as [string, string]],
    })),
  }));
}

const lineOf = (text: string, part: string) => text.split("\n").findIndex((l) => l.includes(part)) + 1;

describe.each([
  [
    "nginx",
    "site.conf",
    `server {
    listen 8080;

    location /api/ {
        proxy_set_header Host $host;
        add_header Access-Control-Allow-Origin ${PAGE} always;
        proxy_pass http://127.0.0.1:9090;
    }
}
`,
    "http://h:8080/api/items",
  ],
  [
    "Apache",
    "site.conf",
    `<VirtualHost *:8080>
    Header always set Access-Control-Allow-Origin "${PAGE}"
    ProxyPass "/api/" "http://127.0.0.1:9090/"
    ProxyPassReverse "/api/" "http://127.0.0.1:9090/"
</VirtualHost>
`,
    "http://h:8080/api/items",
  ],
  [
    "Caddy",
    "Caddyfile",
    `:8080 {
	header Access-Control-Allow-Origin "${PAGE}"
	reverse_proxy 127.0.0.1:9090
}
`,
    "http://h:8080/api/items",
  ],
])("%s: two Allow-Origin values, the server's and the application's", (_name, path, text, url) => {
  it("names the server's own Allow-Origin line as the other half", () => {
    const file = { path, text };
    const { findings } = checkConfig([file], { evidence: twoValues(file, url) });
    const blocked = findings.filter((f) => f.code === "blocks-recorded-request");
    expect(blocked.length, JSON.stringify(findings)).toBeGreaterThan(0);
    const own = lineOf(text, "Access-Control-Allow-Origin");
    // Not where fix inserts its line (the block's first line, the proxy): the server's own header.
    expect(blocked.map((f) => f.line)).not.toContain(own);
    expect(blocked.flatMap((f) => f.also ?? [])).toContainEqual({ file: path, line: own });
  });
});

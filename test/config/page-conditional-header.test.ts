/**
 * A page that sends If-None-Match itself (a stored ETag) asks for it in its preflight, and the what-if
 * counts it as the script's (`unsafeNames`): every patcher now adds it to the allowed headers where the
 * server refused it. Before, the patchers took the browser-added view of the header (set 18's
 * django-saas-boilerplate#20 found it in the Django patchers) and their patch left the call refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://app.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "config.ru", text: "use Rack::Cors\n" }], grammarBytes);
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

const revalidate = {
  url: "http://h:8080/api/stations",
  origin: PAGE,
  headers: [["If-None-Match", '"abc"']] as Array<[string, string]>,
  asked: ["if-none-match"],
};

describe.each([
  [
    "nginx",
    "site.conf",
    `server {
    listen 8080;
    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin ${PAGE};
            add_header Access-Control-Allow-Headers "Content-Type";
            return 204;
        }
        add_header Access-Control-Allow-Origin ${PAGE} always;
        proxy_pass http://127.0.0.1:9090;
    }
}
`,
  ],
  [
    "Express",
    "app.js",
    `const express = require("express");
const cors = require("cors");
const app = express();
app.use(cors({ origin: "${PAGE}", allowedHeaders: ["Content-Type"] }));
app.get("/api/stations", (req, res) => res.json([]));
app.listen(8080);
`,
  ],
  [
    "rack-cors",
    "config.ru",
    `require 'rack/cors'
use Rack::Cors do
  allow do
    origins '${PAGE}'
    resource '/api/*', headers: ['Content-Type'], methods: [:get]
  end
end
run ->(env) { [200, { 'content-type' => 'application/json' }, ['[]']] }
`,
  ],
])("%s: the page's own If-None-Match refused at the preflight", (_name, path, text) => {
  it("is added to the allowed headers, and the call passes after", () => {
    const file = { path, text };
    const evidence = recordedFrom([file], [revalidate]);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect((r.files[0]?.after ?? "").toLowerCase()).toContain("if-none-match");
  });
});

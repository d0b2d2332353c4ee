/**
 * `check --har` where `fix` puts new lines in between two lines (headers at the top of a block, a
 * setting after the last one): the finding stands on the first new line's place and names the line
 * they follow too (`also`) — the block's opening, the setting they join — which is the line a reader
 * of the file looks at (set 18's akvo-rsr#4429 and plane#4929 marked those).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

const lineOf = (text: string, part: string) => text.split("\n").findIndex((l) => l.includes(part)) + 1;

describe("check --har names the line new lines follow", () => {
  it("nginx: headers put at the top of a location name the location's opening", () => {
    const text = `server {
    listen 8080;

    location /rest/ {
        proxy_pass http://127.0.0.1:9090;
    }
}
`;
    const file = { path: "site.conf", text };
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h:8080/rest/v1/project", origin: "https://partner.example.com" }],
    );
    const blocked = checkConfig([file], { evidence }).findings.filter(
      (f) => f.code === "blocks-recorded-request",
    );
    expect(blocked.length, JSON.stringify(blocked)).toBeGreaterThan(0);
    const opening = lineOf(text, "location /rest/");
    expect(blocked.map((f) => f.line)).not.toContain(opening);
    expect(blocked.flatMap((f) => f.also ?? [])).toContainEqual({ file: "site.conf", line: opening });
  });

  it("Django: a setting added after the last one names that one", () => {
    const text = `INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_CREDENTIALS = True
`;
    const file = { path: "settings.py", text };
    const evidence = recordedFrom(
      [file],
      [
        {
          url: "http://h/api/v1/issues",
          method: "POST",
          origin: "https://app.example.com",
          headers: [["X-API-Key", "k"]],
        },
      ],
    );
    const blocked = checkConfig([file], { evidence }).findings.filter(
      (f) => f.code === "blocks-recorded-request",
    );
    const last = lineOf(text, "CORS_ALLOW_CREDENTIALS");
    const named = blocked.flatMap((f) => [f.line, ...(f.also ?? []).map((a) => a.line)]);
    expect(named, JSON.stringify(blocked)).toContain(last);
  });
});

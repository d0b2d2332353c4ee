/**
 * `check` on held-out set 20's Django miss it had no rule for (test/fixes/HELDOUT20.md): an origin regex
 * copied with its quotes and Python's r prefix into the environment variable's value
 * (mozilla/network-pulse-api#334).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { quotedRegex } from "../../src/config/origin-regex";
import { pythonGrammarBytes as wasm } from "./recorded";

beforeAll(async () => {
  await prepareConfig([{ path: "settings.py", text: "CORS_ALLOWED_ORIGINS = []\n" }], wasm);
});

const SETTINGS = (regexes: string) => `import os

INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ORIGIN_ALLOW_ALL = False
${regexes}
CORS_ALLOW_CREDENTIALS = True
`;

describe("django-regex-quoted", () => {
  it("an env default holding r'…': named at the string and at the setting's line", () => {
    const text = SETTINGS(`CORS_ORIGIN_REGEX_WHITELIST = (os.environ.get(
    "CORS_ORIGIN_REGEX_WHITELIST", r"r'^(https?://)?localhost(:\\d+)?$'"
),)`);
    const found = checkConfig([{ path: "settings.py", text }]).findings.filter(
      (f) => f.code === "django-regex-quoted",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", line: 7, also: [{ file: "settings.py", line: 6 }] });
    expect(found[0]?.words).toEqual({
      key: "config.check.regex-quoted",
      params: { regex: "r'^(https?://)?localhost(:\\d+)?$'" },
    });
  });

  it("quoted with double quotes too; an unquoted pattern, or one with a quote inside only, is not", () => {
    const text = SETTINGS(
      `CORS_ALLOWED_ORIGIN_REGEXES = ['"^https://app\\\\.example\\\\.com$"', r"^https://app\\.example\\.com$"]`,
    );
    const codes = checkConfig([{ path: "settings.py", text }]).findings.map((f) => [f.code, f.line]);
    expect(codes.filter(([c]) => c === "django-regex-quoted")).toEqual([["django-regex-quoted", 6]]);
    expect(quotedRegex("^https://a'b\\.example$")).toBe(false);
    expect(quotedRegex("r'^x$'")).toBe(true);
    expect(quotedRegex("'^x$\"")).toBe(false);
  });
});

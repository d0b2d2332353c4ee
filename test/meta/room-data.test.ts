/**
 * The rooms' data read as data, where test/meta/rooms.test.ts reads source text (and so cannot run
 * under Stryker, whose sandbox holds instrumented text): each cause names checks that exist and
 * mention it, a failing row the evidence table has, links that open, and the words that name a
 * library's credentials option name the option its own fix writes.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/engine";
import { CAUSES } from "../../src/engine/causes";
import { LOCAL_NETWORK, WEB_DEV_CORS } from "../../src/engine/causes/spec";
import { CREDENTIALS_OPTION } from "../../src/engine/causes/words";
import { SERVER_STACKS } from "../../src/engine/fixes";
import { ROOT } from "../e2e/helpers/paths";
import { exchange, h, PAGE } from "../engine/build";
import { stackFix } from "../engine/stack-fixes";

const ENGINE = join(ROOT, "src/engine");

describe("each cause's room, as data", () => {
  it.each(Object.values(CAUSES).map((spec) => [spec.code, spec] as const))("%s", (code, spec) => {
    // The checks that emit it: files of the engine that mention the code as a string.
    expect(spec.emittedBy.length).toBeGreaterThan(0);
    for (const file of spec.emittedBy) {
      expect(file).toMatch(/^[a-z-]+(\/[a-z-]+)*\.ts$/);
      const path = join(ENGINE, file);
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, "utf8")).toContain(`"${code}"`);
    }
    expect(["header", "preflight-status", null]).toContain(spec.failingRow);
    if (spec.chromiumDocs) {
      expect(spec.chromiumDocs.url).toMatch(/^https:\/\/\S+$/);
      expect(spec.chromiumDocs.title.trim()).not.toBe("");
    }
  });

  it("the shared links open a page and say which", () => {
    for (const link of [WEB_DEV_CORS, LOCAL_NETWORK]) {
      expect(link.url).toMatch(/^https:\/\/[a-z.-]+\/\S+$/);
      expect(link.title.length).toBeGreaterThan(5);
    }
  });
});

describe("a library's credentials option, as the cause words name it", () => {
  // "credentials" is the situation whose fix turns credentials on: the option named in the words
  // must be the one the stack's own snippet writes, letter for letter (spacing aside).
  const squeeze = (s: string) => s.replace(/\s+/g, " ");
  it("names the option for each library that has one", () => {
    expect(Object.keys(CREDENTIALS_OPTION).sort()).toEqual(
      [
        "django-cors-headers",
        "express",
        "fastapi",
        "fastify",
        "flask-cors",
        "go-rs-cors",
        "hono",
        "koa",
        "rails",
      ].sort(),
    );
  });
  it.each(Object.entries(CREDENTIALS_OPTION))("%s: %s", (stack, option) => {
    expect(option).toMatch(/\S/);
    expect(squeeze(stackFix("credentials", stack).snippet)).toContain(squeeze(option as string));
  });
});

describe("each stack's change names its set-up", () => {
  // "methods": a set-up that answered and a method to add, which every stack with options changes.
  it.each(SERVER_STACKS.map((s) => [s]))("%s", (stack) => {
    for (const situation of ["methods", "headers"] as const) {
      const change = stackFix(situation, stack).change;
      if (change === null || change === undefined) continue;
      const setup = /^In (.+?), (add|set|replace)/.exec(change)?.[1] ?? "";
      expect(setup.replace(/[`\s]/g, ""), change).not.toBe("");
    }
  });
});

describe("each stack's fix, as its reader sees it", () => {
  // The title names the software (the panel's tab, the CLI's "Fix (…)"); the verified line the
  // versions the real-server suite ran. Pinned: a blank or swapped one would reach every user.
  const TITLES: Record<string, string> = {
    "generic-headers": "Response headers (any server)",
    express: "Express (cors package)",
    fastify: "Fastify (@fastify/cors)",
    koa: "Koa (@koa/cors)",
    hono: "Hono (hono/cors)",
    django: "Django (hand-written middleware)",
    "django-cors-headers": "Django (django-cors-headers)",
    fastapi: "FastAPI / Starlette",
    "flask-cors": "Flask (flask-cors)",
    nginx: "nginx",
    apache: "Apache httpd",
    caddy: "Caddy",
    s3: "AWS S3 bucket CORS",
    spring: "Spring",
    rails: "Rails / Rack (rack-cors)",
    aspnet: "ASP.NET Core",
    go: "Go (net/http, hand-written)",
    "go-rs-cors": "Go (rs/cors)",
    "gorilla-handlers": "Go (gorilla/handlers)",
    php: "PHP (header())",
    laravel: "Laravel (config/cors.php)",
    "aiohttp-cors": "aiohttp (aiohttp-cors)",
  };
  it.each(SERVER_STACKS.map((s) => [s]))("%s", (stack) => {
    const fix = stackFix("origin", stack);
    expect(fix.title).toBe(TITLES[stack]);
    if (fix.verified !== undefined && fix.verified !== null)
      expect(fix.verified).toMatch(/^[A-Za-z].*\d.* in Chromium \d+, by npm run test:fixes/);
  });

  it("the real-server suite's stacks all say what it ran", () => {
    const verified = SERVER_STACKS.filter((s) => stackFix("origin", s).verified);
    expect(verified.length).toBeGreaterThanOrEqual(16);
  });
});

describe("django-cors-headers: its default headers are never listed again", () => {
  // corsheaders/defaults.py `default_headers`: asked alone, each is already allowed by
  // `*default_headers`, so the fix adds nothing after it.
  it.each([
    "accept",
    "accept-encoding",
    "authorization",
    "content-type",
    "dnt",
    "origin",
    "user-agent",
    "x-csrftoken",
    "x-requested-with",
  ])("%s", (name) => {
    const x = exchange({
      origin: PAGE,
      method: "POST",
      preflight: {
        status: 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "POST",
          "Access-Control-Request-Headers",
          `${name},x-extra`,
        ),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "POST"),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const fix = diagnose(x).causes[0]?.fixes.find((f) => f.stack === "django-cors-headers");
    const line = fix?.snippet.split("\n").find((l) => l.startsWith("CORS_ALLOW_HEADERS")) ?? "";
    expect(line).toBe('CORS_ALLOW_HEADERS = [*default_headers, "x-extra"]');
  });
});

// S3 matches a rule by the request's method, POST included: a page's POST needs it listed even
// though a CORS answer never needs to list a safelisted method.
describe("S3: every method the page sends that a bucket rule takes is listed", () => {
  it.each(["PUT", "POST", "DELETE"])("%s", (method) => {
    const x = exchange({
      origin: PAGE,
      method,
      preflight: {
        status: 204,
        requestHeaders: h("Origin", PAGE, "Access-Control-Request-Method", method),
        headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "GET"),
      },
      response: null,
      error: "net::ERR_FAILED",
    });
    const fix = diagnose(x).causes[0]?.fixes.find((f) => f.stack === "s3");
    const rule = (JSON.parse(fix?.snippet ?? "[]") as Array<{ AllowedMethods: string[] }>)[0];
    expect(rule?.AllowedMethods).toContain(method);
    // The change adds what a preflight answer must list (POST never is).
    if (method !== "POST") expect(fix?.change).toContain(`"${method}"`);
  });
});

describe("Blink's console sentences keep their endings", () => {
  // third_party/blink/renderer/platform/loader/cors/cors_error_string.cc: a fetch()'s origin-value
  // errors end with the advice to send a valid value; an XMLHttpRequest's credentials errors with
  // what controls its credentials mode.
  it("fetch: the origin-value hint; XMLHttpRequest: the credentials-mode hint", () => {
    expect(CAUSES["allow-origin-mismatch"].chromiumConsole("https://a.example", "fetch")).toMatch(
      / Have the server send the header with a valid value\.$/,
    );
    expect(
      CAUSES["allow-origin-mismatch"].chromiumConsole("https://a.example", "XMLHttpRequest"),
    ).not.toMatch(/Have the server/);
    expect(CAUSES["allow-credentials-not-true"].chromiumConsole("", "XMLHttpRequest")).toMatch(
      / The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute\.$/,
    );
  });
});

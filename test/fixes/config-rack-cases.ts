/**
 * Broken rack-cors setups in a Rack config.ru, written the way Rack apps write them (situations
 * rebuilt from rack-cors' README, its source and its users' issues: cyu/rack-cors#23 and #30, no
 * text copied). {{ORIGIN}} is the page's origin. A Rails initializer's `allow` blocks are the same
 * DSL: those are proven by the unit tests and `ruby -c` (Rails itself is not installed here).
 */

import { CREATE, LIST, ME, REMOVE, UPDATE } from "./config-django-cases";
import type { PythonCase } from "./config-python-real";

const APP = `
run lambda { |env|
  if env["REQUEST_METHOD"] == "DELETE"
    [204, {}, []]
  else
    [200, { "content-type" => "application/json" }, ['{"ok":true}']]
  end
}
`;

/** An API-key check written as Rack apps write one: it answers 401 itself, preflights included. */
const REQUIRE_KEY = `class RequireKey
  def initialize(app)
    @app = app
  end

  def call(env)
    if env["PATH_INFO"].start_with?("/api/items/") && env["HTTP_X_API_KEY"].nil?
      return [401, { "content-type" => "application/json" }, ['{"error":"unauthorized"}']]
    end
    @app.call(env)
  end
end

use RequireKey
`;

/** config.ru: Rack::Cors with one allow block (its lines: origins on 6, the first resource on 7). */
function ru(allow: string, before = ""): string {
  return `require "json"
require "rack/cors"
${before}
use Rack::Cors do
  allow do
${allow}
  end
end
${APP}`;
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const GATED = ru(
  `    origins "{{ORIGIN}}"\n    resource "*", headers: :any, methods: :any`,
  `\n${REQUIRE_KEY}`,
);

export const RACK_CASES: PythonCase[] = [
  {
    name: "an origin written with a trailing slash (never equal to an Origin)",
    text: ru(`    origins "{{ORIGIN}}/"\n    resource "*", headers: :any, methods: [:get, :post]`),
    calls: [LIST, CREATE],
    check: { code: "rack-cors-origin-path", line: 6 },
  },
  {
    name: "a resource without methods: preflights for GET only",
    text: ru(`    origins "{{ORIGIN}}"\n    resource "/api/*", headers: :any`),
    calls: [LIST, UPDATE, REMOVE],
    check: { code: "rack-cors-methods-default", line: 7 },
  },
  {
    name: "method: (a typo rack-cors ignores) instead of methods:",
    text: ru(`    origins "{{ORIGIN}}"\n    resource "*", headers: :any, method: [:get, :post, :delete]`),
    calls: [LIST, REMOVE],
    check: { code: "rack-cors-unknown-option", line: 7 },
  },
  {
    name: "methods in upper case: compared with the lower-case request method",
    text: ru(`    origins "{{ORIGIN}}"\n    resource "*", headers: :any, methods: %w[GET POST PUT]`),
    calls: [LIST, UPDATE],
    check: { code: "rack-cors-methods-case", line: 7 },
  },
  {
    name: "methods: :all and headers: :all (read as one name each, cyu/rack-cors#129)",
    text: ru(`    origins "{{ORIGIN}}"\n    resource "*", headers: :all, methods: :all`),
    calls: [LIST, UPDATE, REMOVE],
    check: { code: "rack-cors-symbol-not-any", line: 7 },
  },
  {
    name: "a headers list without the page's header",
    text: ru(
      `    origins "{{ORIGIN}}"\n    resource "*", headers: %w[content-type], methods: %i[get post put delete]`,
    ),
    calls: [LIST, UPDATE],
  },
  {
    name: "a *.example.com origin and a regex with unescaped dots: the page's origin is not listed",
    text: ru(
      `    origins "*.example.com", /https:\\/\\/.*.example.com/\n    resource "*", headers: :any, methods: :any`,
    ),
    calls: [LIST, CREATE],
    check: { code: "rack-cors-origin-glob", line: 6 },
    checks: [
      { code: "rack-cors-origin-regex-dot", line: 6 },
      { code: "rack-cors-origin-regex-anchor", line: 6 },
    ],
  },
  {
    name: "use Rack::Cors after an API-key middleware that answers the preflight 401",
    text: GATED,
    calls: [LIST, UPDATE],
    check: { code: "rack-cors-not-first", line: lineOf(GATED, "use Rack::Cors") },
  },
  {
    name: "credentials: true on a resource the catch-all before it shadows",
    text: ru(
      `    origins "{{ORIGIN}}"\n    resource "*", headers: :any, methods: %i[get post]\n    resource "/api/me", headers: :any, methods: [:get], credentials: true`,
    ),
    calls: [LIST, ME],
    check: { code: "rack-cors-resource-shadowed", line: 8 },
  },
  {
    name: "a resource for /v1/* while the page calls /api/*",
    text: ru(
      `    origins "{{ORIGIN}}"\n    resource "/v1/*", headers: :any, methods: %i[get post put delete]`,
    ),
    calls: [LIST, UPDATE],
  },
  {
    name: "origins from ENV: never guessed, said so",
    text: ru(
      `    origins ENV.fetch("CORS_ORIGINS").split(",")\n    resource "*", headers: :any, methods: :any`,
    ),
    env: { CORS_ORIGINS: "https://shop.example.com,https://admin.example.com" },
    calls: [LIST],
    check: { code: "rack-cors-origins-unresolved", line: 6 },
    expect: "cannot",
    said: "come from code CORS Lens does not evaluate",
  },
  {
    name: "origins '*' with credentials: true (rack-cors refuses to boot)",
    text: ru(`    origins "*"\n    resource "*", headers: :any, methods: :any, credentials: true`),
    calls: [LIST],
    check: { code: "rack-cors-any-origin-credentials", line: 7 },
    expect: "no-boot",
    said: "Allowing credentials for wildcard origins is insecure",
  },
];

export const RACK_CORRECT: string[] = [
  ru(
    `    origins "https://app.example.com", %r{\\Ahttps://[a-z0-9-]+\\.example\\.com\\z}\n    resource "/api/*", headers: :any, methods: %i[get post put patch delete options head], credentials: true, max_age: 600`,
  ),
  `require "rack/cors"

ALLOWED = %w[https://app.example.com https://admin.example.com].freeze

use Rack::CommonLogger
use Rack::Cors do |config|
  config.allow do |allow|
    allow.origins(*ALLOWED)
    allow.resource "/api/*", headers: %w[authorization content-type], methods: :any, expose: ["ETag"]
  end
end
${APP}`,
];

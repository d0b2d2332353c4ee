import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Fix } from "../../../src/engine";
import { insertAfterLine } from "../edit";
import { debVersion, type Running, startProcess } from "../harness";
import type { StackCase, StackUnderTest } from "../stack";

function rackup(before: string, allow: string): string {
  return `require "json"
require "rack/cors"

class RequireKey
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

${before}
use Rack::Cors do
  allow do
${allow}
  end
end

run lambda { |env|
  case
  when env["PATH_INFO"] == "/api/fail" then raise "boom"
  when env["REQUEST_METHOD"] == "DELETE" then [204, {}, []]
  else [200, { "content-type" => "application/json" }, ['{"ok":true}']]
  end
}
`;
}

const METHODS = "methods: [:get, :post, :put, :patch, :delete, :options, :head]";

const cases: StackCase[] = [
  {
    name: "header-missing",
    target: "update",
    config: (o) => rackup("", `    origins "${o}"\n    resource "*", headers: ["content-type"], ${METHODS}`),
    expect: ["missing-allow-origin", "header-not-allowed"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) =>
      rackup(
        "",
        `    origins "${o}"\n    resource "*", headers: :any, methods: [:get, :post, :put, :patch, :options, :head]`,
      ),
    expect: ["missing-allow-origin", "method-not-allowed"],
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      rackup("use RequireKey", `    origins "${o}"\n    resource "*", headers: :any, ${METHODS}`),
    expect: ["missing-allow-origin", "preflight-status-not-ok"],
  },
  {
    name: "error-no-cors",
    target: "fail",
    // The app raises: the exception passes Rack::Cors, and puma answers 500 without its headers.
    config: (o) => rackup("", `    origins "${o}"\n    resource "*", headers: :any, ${METHODS}`),
    expect: ["missing-allow-origin"],
  },
];

async function start(config: string, port: number, dir: string): Promise<Running> {
  const file = join(dir, "config.ru");
  writeFileSync(file, config);
  return startProcess("/usr/bin/puma", ["-b", `tcp://127.0.0.1:${port}`, "-t", "1:2", file], port, {
    cwd: dir,
  });
}

/**
 * "In a plain Rack app, as `use Rack::Cors do … end` (replacing the one it has), first in
 * config.ru": the printed block, written with `use`, replaces the app's `use Rack::Cors` block and
 * goes above every other `use`.
 */
function apply(config: string, fix: Fix): string {
  const lines = fix.snippet.split("\n");
  const from = lines.findIndex((l) => l.trim() === "allow do");
  const to = lines.findIndex((l, i) => i > from && l === "  end");
  if (from < 0 || to < 0) throw new Error(`no allow block in the fix:\n${fix.snippet}`);
  const allow = lines.slice(from, to + 1).map((l) => l.replace(/^ {2}/, ""));
  const withoutOld = config.replace(/use Rack::Cors do\n[\s\S]*?\nend\n/, "");
  // "Define this and `use ErrorsInsideCors` right after the `use Rack::Cors` block."
  const start = lines.indexOf("class ErrorsInsideCors");
  const errors = start < 0 ? [] : lines.slice(start, lines.indexOf("end", start) + 1);
  const block = [...errors, "", "use Rack::Cors do", ...allow.map((l) => `  ${l}`), "end"];
  if (errors.length > 0) block.push("use ErrorsInsideCors");
  return insertAfterLine(withoutOld, 'require "rack/cors"', ["", ...block].join("\n"));
}

export const rackCorsStack: StackUnderTest = {
  stack: "rails",
  label: "Rack + rack-cors (puma)",
  version: () => {
    const r = debVersion("ruby-rack-cors");
    const rack = debVersion("ruby-rack");
    const p = debVersion("puma");
    return r && rack && p ? `rack-cors ${r}, Rack ${rack}, puma ${p} (Debian)` : null;
  },
  install: "apt-get install ruby-rack-cors ruby-rack puma",
  cases,
  notApplicable: {
    "wildcard-credentials": 'rack-cors refuses to start with origins "*" and credentials: true',
    "preflight-redirect": "Rack::Cors answers preflights itself before the app's routes",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start,
  apply,
};

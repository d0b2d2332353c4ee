// https://github.com/EFForg/phantom-of-the-capitol/issues/100 — "CORS broken for browsers that do
// preflight checks": the Rack (Padrino) app answers the preflight 405 Method Not Allowed; the
// workaround that closed it: `use Rack::Cors` in config.ru with an allow block.
import { withImports } from "../apply-printed";
import { insertAfterLine } from "../edit";
import { RACK_APP } from "./rack-cors-129";
import type { Report } from "./report";
import { startPuma } from "./report";

export const phantom100: Report = {
  url: "https://github.com/EFForg/phantom-of-the-capitol/issues/100",
  id: "phantom-of-the-capitol#100",
  stack: "rails",
  mistake: "nothing answers the preflight: the app's router gives OPTIONS a 405 (no Rack::Cors in config.ru)",
  names: [/405/, /OPTIONS|preflight/],
  target: "form" as Report["target"],
  extra: [
    {
      name: "form" as Report["target"],
      method: "POST",
      path: "/api/retrieve-form-elements",
      headers: { "content-type": "application/json" },
      credentials: "omit",
      body: '{"bio_ids":["C000880"]}',
    },
  ],
  expect: ["missing-allow-origin", "preflight-status-not-ok"],
  // No response of this app carries a CORS header: there is no CORS middleware to speak of.
  contradicts: [/CORS middleware runs/],
  config: () => `require "json"

# Padrino's router: a route's methods only; OPTIONS gets 405.
class Routes
  def initialize(app)
    @app = app
  end

  def call(env)
    return [405, { "content-type" => "text/plain", "allow" => "GET, POST" }, ["Method Not Allowed"]] if env["REQUEST_METHOD"] == "OPTIONS"
    @app.call(env)
  end
end

use Routes
${RACK_APP}`,
  start: (config, port, dir) => startPuma(config, port, dir),
  // The snippet is Rails' (`Rails.application.config.middleware.insert_before 0, Rack::Cors do`);
  // its comment says "in a plain Rack app: `use Rack::Cors do … end` first in config.ru": that block,
  // with the snippet's allow block, right after the requires, and the printed imports the file lacks.
  apply: (config, fix) => {
    const lines = fix.snippet.split("\n");
    const from = lines.findIndex((l) => l.trim() === "allow do");
    const to = lines.findIndex((l, i) => i > from && l === "  end");
    if (from < 0 || to < 0) throw new Error(`no allow block in the fix:\n${fix.snippet}`);
    const block = ["use Rack::Cors do", ...lines.slice(from, to + 1), "end"].join("\n");
    return withImports(insertAfterLine(config, 'require "json"', `\n${block}`), fix);
  },
};

/**
 * Issue #23's fourth never-seen measure, rack-cors: a broken config.ru rebuilt from a public report
 * (cited above the case; situation rebuilt, no text copied), written blind to the readers.
 * {{ORIGIN}} is the page's origin. `rootText`: the root cause's line.
 */
import { CREATE, LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";

const APP = `
run lambda { |env|
  [200, { "content-type" => "application/json" }, ['{"ok":true}']]
}
`;

export const HELD_OUT4_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/ga-wdi-boston/rails-api-template/issues/25 — the client's origin taken from
    // CLIENT_ORIGIN with a default written with a trailing slash: an Origin never ends in "/", so
    // nothing matches. Root: the origins line.
    name: "heldout4 rack-cors: the default client origin written with a trailing slash",
    url: "https://github.com/ga-wdi-boston/rails-api-template/issues/25",
    rootText: `origins ENV["CLIENT_ORIGIN"] || "{{ORIGIN}}/"`,
    text: `require "rack/cors"

use Rack::Cors do
  allow do
    origins ENV["CLIENT_ORIGIN"] || "{{ORIGIN}}/"
    resource "*",
             headers: :any,
             methods: [:options, :get, :post, :patch, :put, :delete]
  end
end
${APP}`,
    calls: [LIST, CREATE],
  },
];

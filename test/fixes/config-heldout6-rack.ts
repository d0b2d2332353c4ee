/**
 * Issue #23's sixth never-seen measure, rack-cors (config.ru under puma): a broken config rebuilt
 * from a public report (cited above the case; no text copied), written blind to the readers.
 * {{ORIGIN}} is the page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";

export const HELD_OUT6_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/106 — origins 'http://localhost:3001' for resource
    // '/api/*' while the front end runs on another port: the preflight is not matched, goes on through
    // the app (which answers it without CORS). Root: the origins line.
    name: "heldout6 rack-cors: origins names localhost:3001, the page runs on another port",
    url: "https://github.com/cyu/rack-cors/issues/106",
    rootText: 'origins "http://localhost:3001"',
    text: `require "rack/cors"

use Rack::Cors do
  allow do
    origins "http://localhost:3001"
    resource "/api/*", headers: :any, methods: [:get, :delete, :put, :post, :options]
  end
end

run lambda { |env|
  if env["REQUEST_METHOD"] == "POST"
    [201, { "content-type" => "application/json" }, ['{"id":1}']]
  else
    [200, { "content-type" => "application/json" }, ["[]"]]
  end
}
`,
    calls: [LIST, CREATE],
  },
];

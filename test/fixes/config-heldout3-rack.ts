/**
 * Issue #23's third never-seen measure, rack-cors (config.ru under puma): set-ups rebuilt from public
 * reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the
 * page's origin. `rootText`: the text of the root cause's line.
 */

import { CREATE, LIST, REMOVE, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
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

export const HELD_OUT3_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/125 — config.ru with two allow blocks and resources
    // that each allow the x-domain-token header only: the page's JSON PUT also sends Content-Type
    // and its own key header. Root: the headers option of the /api/items/* resource.
    name: "heldout3 rack-cors: the resource's headers allow x-domain-token only (the JSON PUT refused)",
    url: "https://github.com/cyu/rack-cors/issues/125",
    rootText: '      headers: "x-domain-token",',
    text: `require "rack/cors"

use Rack::Cors do
  allow do
    origins "localhost:3000", "127.0.0.1:3000", "{{ORIGIN}}",
            /\\Ahttp:\\/\\/192\\.168\\.0\\.\\d{1,3}(:\\d+)?\\z/
    resource "/file/list_all/", headers: "x-domain-token"
    resource "/api/items/*",
      methods: [:get, :post, :delete, :put, :patch, :options, :head],
      headers: "x-domain-token",
      expose: ["Some-Custom-Response-Header"],
      max_age: 600
  end

  allow do
    origins "*"
    resource "/public/*", headers: :any, methods: :get
  end
end
${APP}`,
    calls: [REMOVE, UPDATE],
  },
  {
    // https://github.com/cyu/rack-cors/issues/33 — origins written as glob strings ("*.example.com",
    // a dev port as "*"): rack-cors takes a string as one literal origin, so neither ever matches.
    // Root: the origins line.
    name: "heldout3 rack-cors: origins written as globs ('*.example.com', 'http://localhost:*')",
    url: "https://github.com/cyu/rack-cors/issues/33",
    rootText: 'origins "*.example.com", "http://localhost:*"',
    text: `require "rack/cors"

use Rack::Cors do
  allow do
    origins "*.example.com", "http://localhost:*"
    resource "*", headers: :any, methods: [:get, :post, :options]
  end
end
${APP}`,
    calls: [LIST, CREATE],
  },
];

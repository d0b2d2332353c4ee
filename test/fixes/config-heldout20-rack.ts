/**
 * Issue #23's twentieth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const POSTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/posts",
  headers: {},
  credentials: "omit",
  body: null,
};
const NEW_POST: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/v1/posts",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"title":"Hello"}',
};

export const HELD_OUT20_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/178 — "how can i add multiple origins in rack-cors": the Rails
    // initializer gives `origins` one string holding both front ends separated by a comma,
    // 'http://localhost:3000, http://localhost:4000', which rack-cors takes as a single origin that no
    // browser ever sends; the answer in the thread: origins takes several arguments (or several allow
    // blocks). The initializer is written as the config.ru it amounts to, with the page's origin as the first
    // of the two, the page being that front end. Root: the origins given as one comma-separated string.
    name: "heldout20 rack-cors: origins given as one comma-separated string, neither front end matched",
    url: "https://github.com/cyu/rack-cors/issues/178",
    rootText: "origins '{{ORIGIN}}, http://localhost:4000'",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}, http://localhost:4000'
    resource '*',
      headers: :any,
      methods: [:get, :post, :put, :patch, :delete, :options, :head]
  end
end

app = lambda do |env|
  if env['REQUEST_METHOD'] == 'POST'
    [201, { 'content-type' => 'application/json' }, ['{"id":2,"title":"Hello"}']]
  else
    [200, { 'content-type' => 'application/json' }, ['[{"id":1,"title":"First post"}]']]
  end
end

run app
`,
    calls: [POSTS, NEW_POST],
  },
];

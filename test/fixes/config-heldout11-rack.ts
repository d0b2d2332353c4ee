/**
 * Issue #23's eleventh never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const LIST: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/items",
  headers: {},
  credentials: "omit",
  body: null,
};
const ME_WITH_COOKIE: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {},
  credentials: "include",
  body: null,
};
const CREATE_WITH_COOKIE: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/items",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"name":"a"}',
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT11_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/144 — "Regular expressions in origins are not matching":
    // the pattern is written in quotes, '/…/', so rack-cors takes it as a literal origin string that no
    // browser ever sends (the answer: drop the quotes to pass a Regexp). Root: the quoted origins line.
    name: "heldout11 rack-cors: the origins pattern is written as a quoted string, matched literally",
    url: "https://github.com/cyu/rack-cors/issues/144",
    rootText: "origins '/localhost:\\d+/'",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '/localhost:\\d+/'
    resource '*', headers: :any, methods: [:get, :post, :put, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [LIST],
  },
  {
    // https://github.com/cyu/rack-cors/issues/95 — "Should Access-Control-Allow-Credentials be true by
    // default?": it no longer is (rack-cors 1.0 made credentials opt-in), so a configuration written
    // for the old default sends no Access-Control-Allow-Credentials and the front end's cookie calls
    // are refused. Root: the resource line without `credentials: true`.
    name: "heldout11 rack-cors: the resource relies on the old credentials default, the cookie calls refused",
    url: "https://github.com/cyu/rack-cors/issues/95",
    rootText: "resource '/api/*', headers: :any, methods: [:get, :post, :put, :delete, :options]",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}'
    resource '/api/*', headers: :any, methods: [:get, :post, :put, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [ME_WITH_COOKIE, CREATE_WITH_COOKIE],
  },
];

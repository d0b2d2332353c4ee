/**
 * Issue #23's fourteenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/v1/me",
  headers: {},
  credentials: "include",
  body: null,
};
const SAVE_SETTINGS: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/v1/settings",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"theme":"dark"}',
};
const USER: PageRequest = {
  name: "list",
  method: "GET",
  path: "/v2/user",
  headers: {},
  credentials: "omit",
  body: null,
};
const UPDATE_USER: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/v2/user",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"ashwin"}',
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT14_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/203 — "Not working on Rails 6.0?": after updating
    // rack-cors, the development config (`origins '*'`, `resource '*', headers: :any, methods: :any`)
    // no longer lets the front end's cookie calls through: an Allow-Origin of '*' and no
    // Allow-Credentials, which a credentialed call never passes (the commenter's fix names the front
    // end's origin and adds `credentials: true`). The Rails initializer is written as a config.ru
    // block. Root: the origins '*' line.
    name: "heldout14 rack-cors: origins '*' without credentials, the front end's cookie calls refused",
    url: "https://github.com/cyu/rack-cors/issues/203",
    // Refused from the first run (HELDOUT14.md) to stop 44: credentials for the page would have taken
    // '*' from every other site (rack-cors raises on credentials with '*'). Since stop 45 (set 18's
    // tebukuro#218) fixed: a copy of the block for the page's origin, with credentials, above the '*'
    // one, which every other site keeps.
    rootText: "origins '*'",
    text: `require 'rack/cors'

# Allow any request from any origin on any resource
use Rack::Cors do
  allow do
    origins '*'
    resource '*', headers: :any, methods: :any
  end
end

${JSON_APP}`,
    calls: [ME, SAVE_SETTINGS],
  },
  {
    // https://github.com/cyu/rack-cors/issues/137 — "(Reason: CORS header 'Access-Control-Allow-Origin'
    // missing)": the config allows every origin but lists only `methods: [:post, :get, :options]`, and
    // the front end's call to /v2/user is answered without Access-Control-Allow-Origin; rack-cors only
    // answers a preflight whose method is listed, so the update's PUT is refused (the thread blames
    // localhost; the method list is what the file gets wrong). Root: the methods list.
    name: "heldout14 rack-cors: the resource's methods leave out PUT, the /v2/user update refused",
    url: "https://github.com/cyu/rack-cors/issues/137",
    rootText: "methods: [:post, :get, :options]",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '*'
    resource '*',
             headers: :any,
             methods: [:post, :get, :options]
  end
end

${JSON_APP}`,
    calls: [USER, UPDATE_USER],
  },
];

/**
 * A correct rack-cors config.ru (the set's correct rack-cors configuration): the two front ends, every
 * resource with the methods and headers the page sends, credentials on. {{ORIGIN}} and {{ORIGIN2}}: the
 * front ends.
 */
export const HELD_OUT14_RACK_CORRECT = `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}', '{{ORIGIN2}}'
    resource '/api/*',
             headers: %w[Content-Type Authorization],
             methods: [:get, :put, :options, :head],
             credentials: true,
             max_age: 600
  end
end

${JSON_APP}`;

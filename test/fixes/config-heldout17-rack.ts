/**
 * Issue #23's seventeenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const SIGN_IN: PageRequest = {
  name: "create",
  method: "POST",
  path: "/users/sign_in",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"user":{"email":"dev@example.com","password":"secret"}}',
};
const GRAPHQL: PageRequest = {
  name: "update",
  method: "POST",
  path: "/graphql",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"query":"{ currentUser { id } }"}',
};

const TRACKS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/tracks.json",
  headers: {},
  credentials: "omit",
  body: null,
};
const TRACK_UPDATE: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/tracks/3.json",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"track":{"title":"Intro"}}',
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT17_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/232 — "Is this a valid way to use wildcards in a
    // configuration?": to let the local front ends on ports 3000–3009 in outside production, the
    // reporter writes `origins "http://localhost:300*"` with a credentialed POST resource; rack-cors takes
    // a string that starts with the scheme as one exact origin, so no front end matches (the maintainer:
    // "you should match origin using regular expressions instead"). Here the front end runs on its own
    // port. Root: the origins string with the wildcard.
    name: "heldout17 rack-cors: origins 'http://localhost:300*' is one literal origin, the local front end's credentialed POST refused",
    url: "https://github.com/cyu/rack-cors/issues/232",
    rootText: 'origins "http://localhost:300*"',
    text: `require 'rack/cors'

RAILS_ENV = ENV.fetch('RAILS_ENV', 'development')

use Rack::Cors do
  allow do
    if RAILS_ENV != 'production'
      origins "http://localhost:300*"
      resource '*',
        headers: :any,
        methods: [:post],
        credentials: true
    end
  end
end

${JSON_APP}`,
    calls: [SIGN_IN, GRAPHQL],
  },
  {
    // https://github.com/cyu/rack-cors/issues/46 — "Origin port": the API allows its front end by host
    // alone, and the page, served from a development server on a non-standard port (the IDE's 63342),
    // is refused ("Origin 'http://localhost:63342' is therefore not allowed access. No mention of port in
    // the docs or source"): rack-cors compiles a bare host into a pattern for that exact host with no
    // port. The page runs on its own port. Root: the origins entry without a port.
    name: "heldout17 rack-cors: origins 'localhost' names the host without a port, the page on a development port refused",
    url: "https://github.com/cyu/rack-cors/issues/46",
    rootText: "origins 'localhost'",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins 'localhost'
    resource '*', headers: :any, methods: [:get, :post, :put, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [TRACKS, TRACK_UPDATE],
  },
];

/**
 * A correct config.ru: Rack::Cors first, the two front ends listed, credentials, the methods and headers
 * the page uses on /api/*.
 */
export const HELD_OUT17_RACK_CORRECT = `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}', '{{ORIGIN2}}'
    resource '/api/*',
      headers: ['Content-Type', 'Authorization'],
      methods: [:get, :put, :options],
      credentials: true,
      max_age: 600
  end
end

app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

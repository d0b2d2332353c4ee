/**
 * Issue #23's fifteenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const PROJECTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/projects",
  headers: { authorization: "Bearer panoptes-token", accept: "application/vnd.api+json; version=1" },
  credentials: "omit",
  body: null,
};
const ME_ANONYMOUS: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {},
  credentials: "omit",
  body: null,
};
const SONGS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/songs",
  headers: {},
  credentials: "omit",
  body: null,
};
const NEW_SONG: PageRequest = {
  name: "create",
  method: "POST",
  path: "/songs",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"title":"Intro"}',
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT15_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/zooniverse/panoptes/pull/242 — "Fix cors errors": the API's authentication
    // middleware (Warden) sat ahead of Rack::Cors, so an authentication failure went back without the
    // CORS headers, and the page could neither read the 401 nor get its token calls' preflight answered
    // ("Makes sure Rack::Cors is included before Warden so authentication failures return CORS
    // Headers"). Warden is not installed here: a small Rack middleware with its 401 for requests without
    // a token stands in for it. Root: the auth middleware used ahead of Rack::Cors.
    name: "heldout15 rack-cors: the token middleware runs ahead of Rack::Cors, its 401s and the preflight go out without CORS",
    url: "https://github.com/zooniverse/panoptes/pull/242",
    rootText: "use TokenAuthentication",
    text: `require 'json'
require 'rack/cors'

# Stands in for Warden::Manager with the API's token strategy: a 401 for any /api request without a
# bearer token.
class TokenAuthentication
  def initialize(app)
    @app = app
  end

  def call(env)
    if env['PATH_INFO'].start_with?('/api') && !env['HTTP_AUTHORIZATION'].to_s.start_with?('Bearer ')
      return [401, { 'content-type' => 'application/json' }, [{ errors: [{ message: 'not authenticated' }] }.to_json]]
    end

    @app.call(env)
  end
end

use TokenAuthentication
use Rack::Cors do
  allow do
    origins '{{ORIGIN}}'
    resource '/api/*',
             headers: :any,
             methods: [:get, :post, :put, :patch, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [PROJECTS, ME_ANONYMOUS],
  },
  {
    // https://github.com/cyu/rack-cors/issues/167 — "Possible regression for localhost origins": after
    // updating rack-cors, `origins 'localhost'` stopped letting the local front end through — an origin
    // written without its port now only matches an Origin without one, and the dev server's page runs
    // on a port ("Now a port must be defined"). Root: the origins line.
    name: "heldout15 rack-cors: origins 'localhost' without a port, the dev page on localhost:<port> refused",
    url: "https://github.com/cyu/rack-cors/issues/167",
    rootText: "origins 'localhost'",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins 'localhost'
    resource '*', headers: :any, methods: [:get, :post, :put, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [SONGS, NEW_SONG],
  },
];

/**
 * Issue #23's tenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const PUBLIC_LIST: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/items",
  headers: {},
  credentials: "omit",
  body: null,
};
const RESOURCE_WITH_COOKIE: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/v1/resource/",
  headers: {},
  credentials: "include",
  body: null,
};
const WITH_TOKEN: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/items",
  headers: { authorization: "Bearer t0k3n" },
  credentials: "omit",
  body: null,
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT10_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/220 — "Wrong response headers are being sent": a first
    // `allow` block opens /api/v1/* to every origin without credentials, a second one gives the front
    // end credentials on one resource; rack-cors uses the first block that matches, so the
    // credentialed call gets '*'. Root: the first block's origins '*'.
    name: "heldout10 rack-cors: a first allow block with origins '*' shadows the credentialed one",
    url: "https://github.com/cyu/rack-cors/issues/220",
    rootText: "origins '*'",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '*'
    resource '/api/v1/*',
             headers: :any,
             methods: %i[get post patch put]
  end

  allow do
    origins '{{ORIGIN}}'
    resource '/api/v1/resource/',
             headers: :any,
             methods: %i[get],
             credentials: true
  end
end

${JSON_APP}`,
    calls: [PUBLIC_LIST, RESOURCE_WITH_COOKIE],
  },
  {
    // https://github.com/fs/rails-base-api/pull/156 — "move Rack::Cors before Warden::Manager in the
    // middleware stack": the authentication middleware comes first and answers without CORS headers,
    // the preflight included (it carries no token). Root: the auth middleware's `use` line above
    // Rack::Cors.
    name: "heldout10 rack-cors: a token-auth middleware used before Rack::Cors answers the preflight 401",
    url: "https://github.com/fs/rails-base-api/pull/156",
    rootText: "use TokenAuthentication",
    text: `require 'rack/cors'

# Stands in for Warden::Manager: refuses API requests without a token.
class TokenAuthentication
  def initialize(app)
    @app = app
  end

  def call(env)
    if env['PATH_INFO'].start_with?('/api/') && env['HTTP_AUTHORIZATION'].to_s.empty?
      return [401, { 'content-type' => 'application/json' },
              ['{"error":"You need to sign in or sign up before continuing."}']]
    end
    @app.call(env)
  end
end

use TokenAuthentication
use Rack::Cors do
  allow do
    origins '{{ORIGIN}}'
    resource '/api/*', headers: :any, methods: %i[get post put delete options]
  end
end

${JSON_APP}`,
    calls: [WITH_TOKEN],
  },
];

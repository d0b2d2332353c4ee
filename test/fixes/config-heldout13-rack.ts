/**
 * Issue #23's thirteenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const ROOT: PageRequest = {
  name: "list",
  method: "GET",
  path: "/",
  headers: {},
  credentials: "omit",
  body: null,
};
const SAVE: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"title":"x"}',
};
const ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {},
  credentials: "include",
  body: null,
};
const CLASSIFY: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/classifications",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"subject":1}',
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT13_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/sinatra/sinatra/issues/807 — "Rack middleware not used for OPTIONS verb?": the
    // app's Rack::Cors block gives `origins /\\*/`, a regular expression that matches only an Origin
    // holding a literal asterisk, so real origins get no CORS headers on any call (the report tests with
    // `Origin: *`). Sinatra is not installed here: the Sinatra::Base app is a plain Rack app behind the
    // same `use Rack::Cors` block. Root: the origins line.
    name: "heldout13 rack-cors: origins /\\*/ is a regex for a literal '*', no real Origin matches",
    url: "https://github.com/sinatra/sinatra/issues/807",
    rootText: "origins /\\*/",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins /\\*/
    resource '*', :headers => :any, :methods => [:get, :post, :put, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [ROOT, SAVE],
  },
  {
    // https://github.com/zooniverse/panoptes/pull/3206 — "Add credentials to resource options when loading
    // Rack::Cors middleware": the CORS settings come from a config object whose `credentials: true` is
    // never passed on to `resource`, so rack-cors (credentials off by default) sends no
    // Allow-Credentials and the front end's cookie calls are refused. The YAML file is written as a
    // Ruby struct in config.ru. Root: the `resource` call without credentials.
    name: "heldout13 rack-cors: the config's credentials: true is never passed to resource, cookie calls refused",
    url: "https://github.com/zooniverse/panoptes/pull/3206",
    // A miss at the first run (HELDOUT13.md): the OpenStruct's members were not read; fixed since.
    rootText: "resource '/api/*',",
    text: `require 'rack/cors'
require 'ostruct'

# config/cors_config.yml, loaded as Panoptes.cors_config
CorsConfig = OpenStruct.new(
  origins: ['{{ORIGIN}}'],
  headers: :any,
  request_methods: [:get, :post, :put, :patch, :delete, :options],
  expose: ['ETag', 'X-CSRF-Param', 'X-CSRF-Token'],
  max_age: 300,
  credentials: true
)

use Rack::Cors do
  allow do
    origins(*CorsConfig.origins)
    resource '/api/*',
             headers: CorsConfig.headers,
             methods: CorsConfig.request_methods,
             expose: CorsConfig.expose,
             max_age: CorsConfig.max_age
  end
end

${JSON_APP}`,
    calls: [ME, CLASSIFY],
  },
];

/**
 * Issue #23's sixteenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const EVENTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/events",
  headers: {},
  credentials: "omit",
  body: null,
};
const UPDATE_EVENT: PageRequest = {
  name: "update",
  method: "PATCH",
  path: "/events/1",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"event":{"name":"Shinosaka.rb #42"}}',
};
const DELETE_EVENT: PageRequest = {
  name: "remove",
  method: "DELETE",
  path: "/events/2",
  headers: {},
  credentials: "omit",
  body: null,
};
const FONT: PageRequest = {
  name: "list",
  method: "GET",
  path: "/assets/fontawesome-webfont-3c4a1bb7.woff2",
  headers: {},
  credentials: "omit",
  body: null,
};
const API_ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {},
  credentials: "omit",
  body: null,
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT16_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/shinosakarb/tebukuro/pull/86 — "rack-corsを追加" (add rack-cors): the API's
    // Rack::Cors resource allows `:get` and `:post` only, and the review asks for `:delete` and `:patch`,
    // which the front end's event edit and removal use: their preflights are refused. Written as the
    // config.ru the middleware sits in (the Rails app as a JSON endpoint). Root: the resource's methods.
    name: "heldout16 rack-cors: the resource allows get and post only, the event update and removal refused at the preflight",
    url: "https://github.com/shinosakarb/tebukuro/pull/86",
    rootText: "resource '*', headers: :any, methods: [:get, :post]",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '*'
    resource '*', headers: :any, methods: [:get, :post]
  end
end

${JSON_APP}`,
    calls: [EVENTS, UPDATE_EVENT, DELETE_EVENT],
  },
  {
    // https://github.com/cyu/rack-cors/issues/32 — "DOC: using this middleware for assets on heroku": the
    // precompiled assets are answered by the static-file middleware, which sits ahead of Rack::Cors, so
    // "the middleware ActionDispatch::Static catch the request and respond very soon" and the fonts go out
    // without the CORS headers a page on the CDN's other origin needs (the fix: insert Rack::Cors before
    // the static middleware). Written with Rack::Static for ActionDispatch::Static, the font in public/.
    // Root: the static middleware used ahead of Rack::Cors.
    name: "heldout16 rack-cors: Rack::Static answers the fonts ahead of Rack::Cors, the CDN page's font request refused",
    url: "https://github.com/cyu/rack-cors/issues/32",
    rootText: "use Rack::Static, urls: ['/assets'], root: 'public'",
    files: { "public/assets/fontawesome-webfont-3c4a1bb7.woff2": "wOF2 fontawesome\n" },
    text: `require 'rack/cors'

use Rack::Static, urls: ['/assets'], root: 'public'
use Rack::Cors do
  allow do
    origins '*'
    resource '/assets/*', headers: :any, methods: [:get, :options]
    resource '/api/*', headers: :any, methods: [:get, :post, :put, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [FONT, API_ME],
  },
];

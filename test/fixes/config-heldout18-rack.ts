/**
 * Issue #23's eighteenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const LEAD: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/leads",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"lead":{"email":"client@example.com"}}',
};
const EVENT: PageRequest = {
  name: "update",
  method: "POST",
  path: "/api/events",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"event":{"name":"page_view"}}',
};

const EVENTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/events",
  headers: {},
  credentials: "include",
  body: null,
};
const CREATE_EVENT: PageRequest = {
  name: "create",
  method: "POST",
  path: "/events",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"event":{"name":"Shinosaka.rb #30","quota":20}}',
};

export const HELD_OUT18_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/158 — "headers: :any is ignored?": the API lets its clients'
    // subdomains in with `origins %r{\Ahttps://*.myclients.com\z}` and a POST resource with any header,
    // and the browser still reports Content-Type "not allowed by Access-Control-Allow-Headers": the `*`
    // is written as a glob inside a regular expression (it repeats the slash before it), so no client's
    // origin matches and the preflight gets no CORS headers at all. The same glob habit is written for the
    // local front end's ports, the page being one of them. Root: the origins patterns with the glob star.
    name: "heldout18 rack-cors: the origin patterns use * as a glob inside a regex, the clients' JSON POSTs refused",
    url: "https://github.com/cyu/rack-cors/issues/158",
    rootText: "origins %r{\\Ahttps://*.myclients.com\\z}, %r{\\Ahttp://localhost:*\\z}",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins %r{\\Ahttps://*.myclients.com\\z}, %r{\\Ahttp://localhost:*\\z}
    resource '*', :headers => :any, :methods => [:post, :options]
  end
end

app = lambda do |env|
  [201, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`,
    calls: [LEAD, EVENT],
  },
  {
    // https://github.com/shinosakarb/tebukuro/issues/218 — "クロスオリジン設定する": the event site's Rails API
    // allows every origin with `origins '*'`, and the front end (on localhost:4000 in development) sends its
    // requests with credentials, so the browser refuses the preflight ("must not be the wildcard '*' when
    // the request's credentials mode is 'include'"); the fix names the front end's origin and sets
    // `credentials: true` on the resource. The Rails middleware set-up is written as the config.ru it
    // amounts to, the front end on its own port as the page. Root: the wildcard origins.
    name: "heldout18 rack-cors: origins '*' for the event API, the front end's credentialed calls refused",
    url: "https://github.com/shinosakarb/tebukuro/issues/218",
    rootText: "origins '*'",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '*'

    resource '*',
      headers: :any,
      methods: %i[get post delete patch options head]
  end
end

app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['[{"id":1,"name":"Shinosaka.rb #29"}]']]
end

run app
`,
    calls: [EVENTS, CREATE_EVENT],
  },
];

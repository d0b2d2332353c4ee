/**
 * Issue #23's eighth never-seen measure, rack-cors: a broken config.ru rebuilt from a public report
 * (cited above the case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST, ME } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";

export const HELD_OUT8_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/188 — the front end calls the session endpoint with
    // credentials and the browser reports Access-Control-Allow-Credentials as '' instead of 'true':
    // the resource the call matches does not allow credentials. Root: that resource line.
    name: "heldout8 rack-cors: the resource does not allow credentials, the credentialed call refused",
    url: "https://github.com/cyu/rack-cors/issues/188",
    rootText: "resource '/api/*', headers: :any, methods: [:get, :post, :put, :patch, :delete, :options]",
    text: `require 'json'
require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}'
    resource '/api/*', headers: :any, methods: [:get, :post, :put, :patch, :delete, :options]
  end
end

app = lambda do |env|
  req = Rack::Request.new(env)
  body = req.path == '/api/me' ? { user: 'ada' } : []
  [200, { 'content-type' => 'application/json' }, [JSON.generate(body)]]
end

run app
`,
    calls: [LIST, ME],
  },
];

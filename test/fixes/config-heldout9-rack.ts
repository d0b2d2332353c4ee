/**
 * Issue #23's ninth never-seen measure, rack-cors: a broken config.ru rebuilt from a public report
 * (cited above the case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";

export const HELD_OUT9_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/216 — "PUT fails while GET and POST succeed": the
    // resource's methods list leaves PUT out, so rack-cors refuses the PUT's preflight. Root: the
    // resource line with its methods.
    name: "heldout9 rack-cors: the resource's methods leave out PUT, the PUT's preflight refused",
    url: "https://github.com/cyu/rack-cors/issues/216",
    rootText: "resource '/api/*', headers: :any, methods: [:get, :post, :options, :head]",
    text: `require 'json'
require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}'
    resource '/api/*', headers: :any, methods: [:get, :post, :options, :head]
  end
end

app = lambda do |env|
  req = Rack::Request.new(env)
  body = req.put? ? { id: 1 } : []
  [200, { 'content-type' => 'application/json' }, [JSON.generate(body)]]
end

run app
`,
    calls: [LIST, UPDATE],
  },
];

/**
 * A correct config.ru (the set's correct rack-cors configuration): the two front ends, credentials, the
 * headers and methods the page uses. {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT9_RACK_CORRECT = `require 'json'
require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}', '{{ORIGIN2}}'
    resource '/api/*',
             headers: %w[Content-Type Authorization],
             methods: %i[get post put delete options head],
             credentials: true,
             max_age: 600
  end
end

app = lambda do |env|
  req = Rack::Request.new(env)
  body =
    if req.path == '/api/me' then { user: 'ada' }
    elsif req.put? then { id: 1 }
    else [{ id: 1 }]
    end
  [200, { 'content-type' => 'application/json' }, [JSON.generate(body)]]
end

run app
`;

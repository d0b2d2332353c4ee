/**
 * Issue #23's seventh never-seen measure, rack-cors: a broken config.ru rebuilt from a public report
 * (cited above the case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";

export const HELD_OUT7_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cyu/rack-cors/issues/265 — the preview builds' origins written as a regular
    // expression inside quotes: rack-cors takes the string as a literal origin, which matches no page,
    // so no preflight headers are returned. Root: the origins line.
    name: "heldout7 rack-cors: a regular expression written as a quoted string in origins",
    url: "https://github.com/cyu/rack-cors/issues/265",
    rootText: "origins '/\\Ahttp:\\/\\/localhost(:\\d+)?\\z/'",
    text: `require 'json'
require 'rack/cors'

use Rack::Cors do
  allow do
    origins '/\\Ahttp:\\/\\/localhost(:\\d+)?\\z/'
    resource '/api/*', headers: :any, methods: [:get, :post, :put, :delete, :options]
  end
end

app = lambda do |env|
  req = Rack::Request.new(env)
  if req.post?
    [201, { 'content-type' => 'application/json' }, [JSON.generate(id: 1)]]
  else
    [200, { 'content-type' => 'application/json' }, [JSON.generate([])]]
  end
end

run app
`,
    calls: [LIST, CREATE],
  },
];

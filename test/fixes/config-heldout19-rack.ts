/**
 * Issue #23's nineteenth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const TALKS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/talks?eventAbbr=cndt2022",
  headers: {},
  credentials: "omit",
  body: null,
};
const EVENT: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/v1/events/cndt2022",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT19_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/cloudnativedaysjp/dreamkast/pull/1622 — "Fix CORS setting": the conference
    // platform's Rails API gave rack-cors its review-app front ends as a wildcard string
    // (`origins 'https://*.emtec.tv'`), which rack-cors compares literally, so no front end's origin matched
    // and the API's answers carried no Access-Control-Allow-Origin; the PR says a wildcard is not enough, a
    // real regular expression is needed. The Rails initializer is written as the config.ru it amounts to,
    // with the same wildcard habit for the local front end's ports, the page being one of them. Root: the
    // origins written as wildcard strings.
    name: "heldout19 rack-cors: origins written as wildcard strings ('https://*.emtec.tv'), no front end matched",
    url: "https://github.com/cloudnativedaysjp/dreamkast/pull/1622",
    rootText: "origins 'https://*.emtec.tv', 'http://localhost:*'",
    text: `# Be sure to restart your server when you modify this file.

# Avoid CORS issues when API is called from the frontend app.
require 'rack/cors'

use Rack::Cors do
  allow do
    origins 'https://*.emtec.tv', 'http://localhost:*'

    resource '*',
      headers: :any,
      methods: %i[get options]
  end
end

app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['[{"id":1,"title":"Kubernetes in production"}]']]
end

run app
`,
    calls: [TALKS, EVENT],
  },
];

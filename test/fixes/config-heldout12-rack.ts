/**
 * Issue #23's twelfth never-seen measure, rack-cors: broken config.ru files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";
import type { PageRequest } from "./page";

const SIGN_IN: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/v1/auth/sign_in",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"email":"a@example.com","password":"secret"}',
};
const UPDATE_ACCOUNT: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/v1/auth",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"Ada"}',
};
const APPOINTMENT: PageRequest = {
  name: "list",
  method: "GET",
  path: "/appointments/10",
  headers: {},
  credentials: "omit",
  body: null,
};
const CONFIRM_APPOINTMENT: PageRequest = {
  name: "update",
  method: "PATCH",
  path: "/appointments/10",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"is_confirmed":true}',
};

const JSON_APP = `app = lambda do |env|
  [200, { 'content-type' => 'application/json' }, ['{"ok":true}']]
end

run app
`;

export const HELD_OUT12_RACK: Array<PythonCase & Held3> = [
  {
    // https://github.com/lynndylanhurley/devise_token_auth/issues/320 — "Routing error / Preflight
    // request / OPTIONS": j-toker's account update is a PUT, and the API's Rack::Cors resource allows
    // patch but not put, so its preflight falls through to the router ("Rack Cors was allowing `patch`
    // but not `put`"). Root: the resource line's method list.
    name: "heldout12 rack-cors: the resource allows patch but not put, the account update's preflight refused",
    url: "https://github.com/lynndylanhurley/devise_token_auth/issues/320",
    rootText: "resource '*',",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}'
    resource '*',
      headers: :any,
      expose: ['access-token', 'expiry', 'token-type', 'uid', 'client'],
      methods: [:get, :post, :patch, :delete, :options, :head]
  end
end

${JSON_APP}`,
    calls: [SIGN_IN, UPDATE_ACCOUNT],
  },
  {
    // https://github.com/platanus/angular-restmod/issues/305 — "Getting an OPTIONS request when trying
    // to do a PATCH": the appointment is confirmed with a PATCH, and the Rails app's CORS settings do not
    // allow it ("I had to change my CORS settings to allow PATCH and PUT"). Root: the resource's methods.
    name: "heldout12 rack-cors: the resource's methods have no patch, the appointment PATCH refused",
    url: "https://github.com/platanus/angular-restmod/issues/305",
    rootText: "resource '/appointments*', headers: :any, methods: [:get, :post, :delete, :options]",
    text: `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '{{ORIGIN}}'
    resource '/appointments*', headers: :any, methods: [:get, :post, :delete, :options]
  end
end

${JSON_APP}`,
    calls: [APPOINTMENT, CONFIRM_APPOINTMENT],
  },
];

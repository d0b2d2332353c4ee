// https://github.com/cyu/rack-cors/issues/129 — ":all for method not working": every method but
// DELETE went through with `methods: :all`; the maintainer's answer: it should be `methods: :any`.
import { rackCorsStack } from "../stacks/rack-cors";
import type { Report } from "./report";
import { startPuma } from "./report";

export const RACK_APP = `run lambda { |env|
  case
  when env["PATH_INFO"] == "/api/fail" then [500, { "content-type" => "application/json" }, ['{"error":"boom"}']]
  when env["REQUEST_METHOD"] == "DELETE" then [204, {}, []]
  else [env["REQUEST_METHOD"] == "POST" ? 201 : 200, { "content-type" => "application/json" }, ['{"ok":true}']]
  end
}
`;

export const rackCors129: Report = {
  url: "https://github.com/cyu/rack-cors/issues/129",
  id: "cyu/rack-cors#129",
  stack: "rails",
  mistake: "methods: :all is not a value rack-cors knows (it is :any): DELETE is not allowed",
  names: [/DELETE/, /methods/],
  target: "remove",
  expect: ["method-not-allowed", "missing-allow-origin"],
  config: () => `require "json"
require "rack/cors"

use Rack::Cors do
  allow do
    origins '*'
    resource '*', headers: :any, methods: :all
  end
end

${RACK_APP}`,
  start: (config, port, dir) => startPuma(config, port, dir),
  apply: (config, fix) => rackCorsStack.apply?.(config, fix, "method-missing") ?? config,
};

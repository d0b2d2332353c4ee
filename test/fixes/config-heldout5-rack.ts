/**
 * Issue #23's fifth never-seen measure, rack-cors: a broken config.ru rebuilt from a public report
 * (cited above the case; no text copied), written blind to the readers. {{ORIGIN}} is the page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST, REMOVE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PythonCase } from "./config-python-real";

export const HELD_OUT5_RACK: Array<PythonCase & Held3> = [
  {
    // https://www.codesnips.io/455-cors-configuration-for-cross-origin-api-requests — localhost on any
    // port allowed for development next to the production front end, credentials on, and a methods
    // list for the API resource: the page's DELETE is not in it, so its preflight is refused. Root:
    // the methods option.
    name: "heldout5 rack-cors: the /api/* resource's methods lack DELETE (localhost on any port allowed)",
    url: "https://www.codesnips.io/455-cors-configuration-for-cross-origin-api-requests",
    rootText: "      methods: [:get, :post, :put, :options, :head],",
    text: `require "rack/cors"

# Cross-origin access for the web client (dev: any localhost port)
use Rack::Cors do
  allow do
    origins ENV.fetch("FRONTEND_ORIGIN", "https://app.example.com"),
            /\\Ahttp:\\/\\/localhost(:\\d+)?\\z/

    resource "/api/*",
      headers: :any,
      methods: [:get, :post, :put, :options, :head],
      credentials: true,
      max_age: 600
  end
end

run lambda { |env|
  case env["REQUEST_METHOD"]
  when "DELETE" then [204, {}, []]
  else [200, { "content-type" => "application/json" }, ['{"items":[]}']]
  end
}
`,
    calls: [LIST, REMOVE],
  },
];

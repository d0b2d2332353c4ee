import { beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  prepareConfig,
  readConfig,
} from "../../src/config";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const mw = (text: string, path = "shop/middleware.py"): ConfigFile => ({ path, text });

beforeAll(async () => {
  await prepareConfig(
    [mw("def cors(get_response):\n    return get_response\n# Access-Control-\n", "m.py")],
    wasm,
  );
});

/** The seed's shape, in words of our own: * on every response, a fixed header list, a long max-age. */
const SEED = `from django.http import HttpResponse


class CorsHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse()
            response["Content-Length"] = "0"
            response["Access-Control-Max-Age"] = 86400
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
        response["Access-Control-Allow-Headers"] = "accept, authorization, content-type, x-csrftoken"
        return response
`;

describe("hand-written Django middleware", () => {
  it("is read as Django", () => {
    expect(detectFormat(mw(SEED))).toEqual({ format: "django" });
  });

  it("the seed's shape: credentials with *, the page's header missing", () => {
    const files = [mw(SEED)];
    const ev = recordedFrom(files, [
      { url: "http://localhost:8000/api/me", credentials: "include", headers: [["X-Client", "1"]] },
    ]);
    const r = fixConfig(files, ev);
    console.log(fixDiff(r));
    console.log(JSON.stringify(r.rows.map((x) => [x.id, x.before.verdict, x.after.verdict, x.after.cause])));
    console.log(JSON.stringify(checkConfig(files).findings));
    expect(r.ok).toBe(true);
  });
});

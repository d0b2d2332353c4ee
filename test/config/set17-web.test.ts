/**
 * Shapes held-out set 17 found wrong in Caddy and rack-cors (test/fixes/HELDOUT17.md), checked on the
 * model (the printed text is run on the real servers by the set's suites).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { allowOrigin, grammarBytes, modelAnswer, recordedFrom } from "./recorded";

beforeAll(async () => {
  await prepareConfig([{ path: "config.ru", text: "use Rack::Cors\n" }], grammarBytes);
});

describe("Caddy: a `handle @m` whose matcher has no path keeps its place among the path handles (vibeunion/supacloud#259)", () => {
  const text = `:8080 {
	@cors_preflight {
		method OPTIONS
		header Origin https://app.example.com
	}
	handle @cors_preflight {
		header Access-Control-Allow-Origin "{http.request.header.Origin}"
		header Access-Control-Allow-Methods "GET, POST, OPTIONS"
		header Access-Control-Allow-Headers "authorization, apikey, content-type"
		header Vary Origin
		respond 204
	}

	@cors_origin header Origin https://app.example.com
	header @cors_origin Access-Control-Allow-Origin "{http.request.header.Origin}"

	handle /auth/v1/* {
		reverse_proxy 127.0.0.1:9090
	}
}
`;
  const files = [{ path: "Caddyfile", text }];
  const call = {
    url: "http://127.0.0.1:8080/auth/v1/user",
    origin: "https://app.example.com",
    headers: [
      ["Authorization", "Bearer x"],
      ["x-forwarded-host", "www.example.org"],
    ] as Array<[string, string]>,
  };
  it("answers the preflight from that block (caddy adapt 2.6.2 keeps it before /auth/v1/*), not the proxy", () => {
    const r = modelAnswer(text, "Caddyfile", call);
    expect("exchange" in r && r.exchange.preflight?.status).toBe(204);
    expect("exchange" in r && r.exchange.preflight?.responseHeaders).toContainEqual([
      "Access-Control-Allow-Headers",
      "authorization, apikey, content-type",
    ]);
  });
  it("fix adds the refused header to that block's Allow-Headers", () => {
    const r = fixConfig(files, recordedFrom(files, [call]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      'header Access-Control-Allow-Headers "authorization, apikey, content-type, x-forwarded-host"',
    );
  });
  it("no path handle is sorted across it (caddy adapt 2.6.2 and the running server: 201, 201, then 202 without it)", () => {
    const status = (t: string, method: string) => {
      const r = modelAnswer(t, "Caddyfile", {
        url: "http://127.0.0.1:8080/api/v1/x",
        method,
      });
      return "exchange" in r ? r.exchange.hops.at(-1)?.status : r;
    };
    const site = (middle: string) =>
      `:8080 {\n\thandle /api/* {\n\t\trespond 201\n\t}\n${middle}\thandle /api/v1/* {\n\t\trespond 202\n\t}\n}\n`;
    const barrier = site("\t@pre method OPTIONS\n\thandle @pre {\n\t\trespond 204\n\t}\n");
    expect(status(barrier, "GET")).toBe(201);
    expect(status(site(""), "GET")).toBe(202);
  });
});

describe("rack-cors: an allow block's calls inside `if RAILS_ENV != 'production'` (cyu/rack-cors#232)", () => {
  const text = (cond: string) => `require 'rack/cors'

RAILS_ENV = ENV.fetch('RAILS_ENV', 'development')

use Rack::Cors do
  allow do
    if ${cond}
      origins "http://localhost:300*"
      resource '*',
        headers: :any,
        methods: [:post],
        credentials: true
    end
  end
end

run ->(env) { [200, { 'Content-Type' => 'application/json' }, ['{}']] }
`;
  const page = "http://localhost:3007";
  const call = {
    url: "http://127.0.0.1:9292/users/sign_in",
    method: "POST",
    origin: page,
    credentials: "include" as const,
    headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
  };
  it("reads the branch the environment's default takes, says so, and check names the glob string", () => {
    const r = modelAnswer(text("RAILS_ENV != 'production'"), "config.ru", call);
    expect("exchange" in r && r.exchange.preflight?.status).toBe(200);
    expect("assumed" in r && r.assumed.map((w) => w.key)).toContain("config.rack.assumed.env-condition");
    const found = checkConfig([{ path: "config.ru", text: text("RAILS_ENV != 'production'") }]).findings;
    expect(found.map((f) => [f.code, f.line])).toContainEqual(["rack-cors-origin-glob", 8]);
  });
  it("fix adds the page's origin inside the branch, and the model allows it after", () => {
    const files = [{ path: "config.ru", text: text("RAILS_ENV != 'production'") }];
    const r = fixConfig(files, recordedFrom(files, [call]));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      `    if RAILS_ENV != 'production'\n      origins "http://localhost:300*", "${page}"\n`,
    );
    expect(allowOrigin(modelAnswer(after, "config.ru", call))).toEqual([page]);
  });
  it("a condition code decides: unknown, with its line", () => {
    const r = modelAnswer(text("Rails.env.development?"), "config.ru", call);
    expect("unknown" in r && r.unknown).toEqual({ key: "config.rack.unknown.if-block", params: { line: 7 } });
  });
});

describe("nginx: preflights a location never answers, and one it answers through a variable", () => {
  const check = (text: string) =>
    checkConfig([{ path: "site.conf", text }]).findings.map((f) => [f.code, f.line]);
  it("a static location with preflight headers and no OPTIONS answer: preflight-static-405 at the location (IFRCGo/go-api#2141)", () => {
    const text = `server {
    listen 8080;
    location /static/ {
        alias /usr/share/nginx/html/;
        add_header Access-Control-Allow-Origin '*';
        add_header Access-Control-Allow-Methods 'GET, HEAD, OPTIONS';
    }
}
`;
    expect(check(text)).toContainEqual(["preflight-static-405", 3]);
    const answered = text.replace(
      "        alias",
      "        if ($request_method = OPTIONS) {\n            return 204;\n        }\n        alias",
    );
    expect(check(answered).map(([c]) => c)).not.toContain("preflight-static-405");
  });
  it("`set $cors` in the OPTIONS test, `if ($cors = …) { return 204; }` after it: the preflight is answered (no preflight-to-upstream)", () => {
    const text = `server {
    listen 8080;
    location /api/ {
        set $cors "";
        if ($http_origin = "https://app.example.com") {
            set $cors "allowed";
        }
        if ($request_method = OPTIONS) {
            set $cors "\${cors}-options";
        }
        if ($cors = "allowed-options") {
            add_header Access-Control-Allow-Origin $http_origin always;
            add_header Access-Control-Allow-Methods "GET, PUT" always;
            add_header Access-Control-Allow-Headers "Content-Type" always;
            return 204;
        }
        add_header Access-Control-Allow-Origin $http_origin always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:9000;
    }
}
`;
    expect(check(text).map(([c]) => c)).not.toContain("preflight-to-upstream");
    expect(
      check(text.replace('if ($cors = "allowed-options") {', 'if ($other = "x") {')).map(([c]) => c),
    ).toContain("preflight-to-upstream");
  });
});

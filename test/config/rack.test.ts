import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  pastedName,
  prepareConfig,
  readConfig,
} from "../../src/config";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { APP, recordedFrom, grammarBytes as wasm } from "./recorded";

const file = (text: string, path = "config/initializers/cors.rb"): ConfigFile => ({ path, text });
const ru = (text: string): ConfigFile => file(text, "config.ru");

beforeAll(async () => {
  await prepareConfig([file("use Rack::Cors do\nend\n", "config.ru")], wasm);
});

const rails = (allow: string) => `# Be sure to restart your server when you modify this file.

Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
${allow}
  end
end
`;

function ask(f: ConfigFile, req: Partial<HopRequest> & { url: string }) {
  return readConfig([f]).answer({ method: "GET", headers: [["Origin", APP]], ...req });
}
const value = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)[0];
function headersOf(a: ReturnType<typeof ask>): HeaderList {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a.headers;
}
const preflight = (method: string, headers = "") => ({
  method: "OPTIONS",
  headers: [
    ["Origin", APP],
    ["Access-Control-Request-Method", method],
    ...(headers ? [["Access-Control-Request-Headers", headers] as const] : []),
  ] as HeaderList,
});
const codes = (f: ConfigFile) => checkConfig([f]).findings.map((x) => `${x.code}:${x.line}`);

/** `ruby -c`: the patched file is Ruby (where ruby is installed). */
function rubySyntaxOk(text: string): boolean {
  if (!existsSync("/usr/bin/ruby")) return true;
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-rb-"));
  const path = join(dir, "cors.rb");
  writeFileSync(path, text);
  return spawnSync("/usr/bin/ruby", ["-c", path], { encoding: "utf8" }).status === 0;
}

describe("rack-cors 1.1.1: what it answers", () => {
  it("detects initializers and config.ru, names pasted text", () => {
    const text = rails(`    origins "${APP}"\n    resource "*", headers: :any`);
    expect(detectFormat(file(text))).toEqual({ format: "rack" });
    expect(detectFormat(ru("use Rack::Cors do\nend\nrun App\n"))).toEqual({ format: "rack" });
    expect(detectFormat(file("puts 1\n", "x.rb"))).toEqual({ unsupported: "Ruby files without Rack::Cors" });
    expect(pastedName(text)).toBe("cors.rb");
    expect(pastedName("use Rack::Cors do\nend\n")).toBe("config.ru");
  });

  it("answers a preflight itself, for GET alone when methods are absent, simple headers only", () => {
    const f = file(rails(`    origins "${APP}"\n    resource "/api/*"`));
    expect(
      value(headersOf(ask(f, { url: "http://h/api/x", ...preflight("GET") })), "access-control-allow-origin"),
    ).toBe(APP);
    expect(headersOf(ask(f, { url: "http://h/api/x", ...preflight("PUT") }))).toEqual([]);
    expect(headersOf(ask(f, { url: "http://h/api/x", ...preflight("GET", "content-type") }))).not.toEqual([]);
    expect(headersOf(ask(f, { url: "http://h/api/x", ...preflight("GET", "authorization") }))).toEqual([]);
    // "/api/*" is "^\/api\/?(.*?)$": /apis too, not /v2.
    expect(value(headersOf(ask(f, { url: "http://h/apis" })), "access-control-allow-origin")).toBe(APP);
    expect(value(headersOf(ask(f, { url: "http://h/v2/x" })), "access-control-allow-origin")).toBeUndefined();
  });

  it("compares origins as rack-cors does: exact with a scheme, any scheme without, regexes unanchored", () => {
    const f = file(
      rails(
        `    origins "app.example.com", %r{https://.*\\.partner\\.test}\n    resource "*", headers: :any`,
      ),
    );
    const origin = (o: string) =>
      value(
        headersOf(ask(f, { url: "http://h/x", headers: [["Origin", o]] })),
        "access-control-allow-origin",
      );
    expect(origin("http://app.example.com")).toBe("http://app.example.com");
    expect(origin("https://app.example.com:8443")).toBeUndefined();
    expect(origin("https://a.partner.test.evil.example")).toBe("https://a.partner.test.evil.example");
    const exact = file(rails(`    origins "${APP}/"\n    resource "*"`));
    expect(
      value(headersOf(ask(exact, { url: "http://h/x" })), "access-control-allow-origin"),
    ).toBeUndefined();
  });

  it("answers * for origins '*', and the first allow block with the origin and a resource wins", () => {
    const f = file(`Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "${APP}"
    resource "/admin/*", headers: :any, methods: :any
  end
  allow do
    origins "*"
    resource "*", headers: :any, methods: [:get]
  end
end
`);
    expect(value(headersOf(ask(f, { url: "http://h/admin/x" })), "access-control-allow-origin")).toBe(APP);
    expect(value(headersOf(ask(f, { url: "http://h/x" })), "access-control-allow-origin")).toBe("*");
    expect(
      value(
        headersOf(ask(f, { url: "http://h/admin/x", ...preflight("DELETE") })),
        "access-control-allow-methods",
      ),
    ).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  it("reads the string form older initializers pass", () => {
    const f = file(
      `Rails.application.config.middleware.insert_before 0, "Rack::Cors" do\n  allow do\n    origins "${APP}"\n    resource "*", headers: :any\n  end\nend\n`,
    );
    expect(value(headersOf(ask(f, { url: "http://h/x" })), "access-control-allow-origin")).toBe(APP);
  });

  it("says what it cannot know: ENV origins, a boot that raises, a middleware above it", () => {
    const env = file(
      rails(`    origins ENV.fetch("CORS_ORIGINS").split(",")\n    resource "*", headers: :any`),
    );
    const a = ask(env, { url: "http://h/x" });
    expect(a.kind === "unknown" && a.why.key).toBe("config.rack.unknown.origins");
    const boom = file(rails(`    origins "*"\n    resource "*", headers: :any, credentials: true`));
    const b = ask(boom, { url: "http://h/x" });
    expect(b.kind === "unknown" && b.why.key).toBe("config.rack.unknown.raises");
    const gated = ru(
      `require "rack/cors"\nuse Rack::Auth::Basic do |u, p| u == "a" end\nuse Rack::Cors do\n  allow do\n    origins "*"\n    resource "*", headers: :any, methods: :any\n  end\nend\nrun App\n`,
    );
    const c = ask(gated, { url: "http://h/x", ...preflight("PUT") });
    expect(c.kind === "unknown" && c.why.key).toBe("config.rack.unknown.gate");
  });
});

describe("rack-cors: fix", () => {
  const fix = (f: ConfigFile, specs: Parameters<typeof recordedFrom>[1], evidenceFrom = f) => {
    const ev = recordedFrom([evidenceFrom], specs);
    const r = fixConfig([f], ev);
    const after = r.files[0]?.after ?? "";
    return { r, after, again: fixDiff(fixConfig([{ ...f, text: after }], ev)) };
  };

  it("adds the page's origin, keeping the others, and is idempotent", () => {
    const f = file(
      rails(
        `    origins "https://shop.example.com/", 'localhost:3000'\n    resource "*", headers: :any, methods: [:get, :post]`,
      ),
    );
    const { r, after, again } = fix(f, [{ url: "http://127.0.0.1:3000/api/items" }]);
    expect(after).toContain(`origins "https://shop.example.com/", 'localhost:3000', '${APP}'`);
    expect(r.ok).toBe(true);
    expect(again).toBe("");
    expect(rubySyntaxOk(after)).toBe(true);
  });

  it("an origin from ENV with a default: read as the default, the page's origin added beside the whole expression", () => {
    for (const origin of [`ENV["CLIENT_ORIGIN"] || "${APP}/"`, `ENV.fetch("CLIENT_ORIGIN", "${APP}/")`]) {
      const f = file(rails(`    origins ${origin}\n    resource "*", headers: :any, methods: [:get, :post]`));
      const { r, after, again } = fix(f, [{ url: "http://127.0.0.1:3000/api/items" }]);
      expect(r.ok).toBe(true);
      // Wherever CLIENT_ORIGIN is set, its value stays and the page's origin is still listed.
      expect(after).toContain(`origins ${origin}, "${APP}"`);
      expect(again).toBe("");
      expect(rubySyntaxOk(after)).toBe(true);
    }
  });

  it("adds methods (lower-case symbols, :get kept) and headers where the resource is written", () => {
    const f = file(rails(`    origins "${APP}"\n    resource "/api/*", :headers => %w[content-type]`));
    const { r, after, again } = fix(f, [
      { url: "http://127.0.0.1:3000/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] },
    ]);
    expect(after).toContain(
      `resource "/api/*", :headers => %w[content-type x-api-key], :methods => [:get, :put]`,
    );
    expect(r.ok).toBe(true);
    expect(again).toBe("");
    expect(rubySyntaxOk(after)).toBe(true);
  });

  it("adds to a methods list written with %i[] and with upper-case strings", () => {
    const f = file(rails(`    origins "${APP}"\n    resource "*", headers: :any, methods: %i[get post]`));
    const { after } = fix(f, [{ url: "http://h/api/items/1", method: "DELETE" }]);
    expect(after).toContain("methods: %i[get post delete]");
    const upper = file(
      rails(`    origins "${APP}"\n    resource "*", headers: :any, methods: ["GET", "PUT"]`),
    );
    const u = fix(upper, [{ url: "http://h/api/items/1", method: "PUT" }]);
    expect(u.after).toContain(`methods: ["GET", "PUT", "put"]`);
    expect(u.r.ok).toBe(true);
  });

  it("extends methods: :all and headers: :all (one literal name each) without dropping them", () => {
    const f = file(rails(`    origins "${APP}"\n    resource "*", headers: :all, methods: :all`));
    const { r, after, again } = fix(f, [
      { url: "http://h/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] },
    ]);
    expect(after).toContain(`resource "*", headers: [:all, "x-api-key"], methods: [:all, :put]`);
    expect(r.ok).toBe(true);
    expect(again).toBe("");
    expect(rubySyntaxOk(after)).toBe(true);
  });

  it("reads string keys as rack-cors does (ignored), and methods: nil as GET alone", () => {
    const f = file(
      rails(`    origins "${APP}"\n    resource "*", 'headers' => :any, :methods => nil, :max_age => "600"`),
    );
    const { r, after, again } = fix(f, [
      { url: "http://h/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] },
    ]);
    expect(after).toContain(
      `resource "*", 'headers' => :any, :methods => [:get, :put], :max_age => "600", :headers => ["x-api-key"]`,
    );
    expect(r.ok).toBe(true);
    expect(again).toBe("");
    expect(rubySyntaxOk(after)).toBe(true);
  });

  it("sets credentials: true; under origins '*', in a copy of the block for the page's origin above it", () => {
    const f = file(rails(`    origins "${APP}"\n    resource "*", headers: :any, credentials: false`));
    const { r, after } = fix(f, [{ url: "http://h/api/me", credentials: "include" }]);
    expect(after).toContain("credentials: true");
    expect(r.ok).toBe(true);
    // rack-cors raises at boot on credentials: true beside '*': the '*' block stays for every other site.
    const any = file(rails(`    origins "*"\n    resource "*", headers: :any`));
    const a = fix(any, [{ url: "http://h/api/me", credentials: "include" }]);
    expect(a.r.ok).toBe(true);
    expect(a.after).toContain(
      `  allow do\n    origins "${APP}"\n    resource "*", headers: :any, credentials: true\n  end\n  allow do\n    origins "*"\n    resource "*", headers: :any\n`,
    );
    expect(a.again).toBe("");
    expect(rubySyntaxOk(a.after)).toBe(true);
  });

  it("adds a resource for a path no resource covers, written like the block's first", () => {
    const f = file(
      rails(`    origins "${APP}"\n    resource "/api/v1/*", headers: :any, methods: [:get, :post]`),
    );
    const { r, after, again } = fix(f, [
      { url: "http://h/graphql", method: "POST", headers: [["Content-Type", "application/json"]] },
    ]);
    expect(after).toContain(
      `    resource "/api/v1/*", headers: :any, methods: [:get, :post]\n    resource "/graphql/*", headers: :any, methods: [:get, :post]\n`,
    );
    expect(r.ok).toBe(true);
    expect(again).toBe("");
  });

  it("moves use Rack::Cors above the middleware that answered the preflight first", () => {
    const text = `require "rack/cors"

use Rack::CommonLogger
use RequireKey

use Rack::Cors do
  allow do
    origins "${APP}"
    resource "*", headers: :any, methods: :any
  end
end

run App
`;
    const f = ru(text);
    const ev = recordedFrom(
      [ru(text.replace("use RequireKey\n", ""))],
      [{ url: "http://h/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] }],
    );
    // The preflight as recorded: RequireKey's 401, no CORS headers.
    const pre = ev[0]?.preflight;
    if (pre) {
      pre.status = 401;
      pre.responseHeaders = [["content-type", "application/json"]];
    }
    const r = fixConfig([f], ev);
    expect(r.files[0]?.after).toBe(`require "rack/cors"

use Rack::CommonLogger
use Rack::Cors do
  allow do
    origins "${APP}"
    resource "*", headers: :any, methods: :any
  end
end
use RequireKey


run App
`);
    expect(r.ok).toBe(true);
  });

  it("says so for origins from ENV (never guessed) and a config that cannot boot", () => {
    const env = file(
      rails(`    origins ENV.fetch("CORS_ORIGINS").split(",")\n    resource "*", headers: :any`),
    );
    const ok = file(rails(`    origins "${APP}"\n    resource "*", headers: :any`));
    const e = fix(env, [{ url: "http://h/api/items" }], ok);
    expect(e.r.ok).toBe(false);
    expect(e.after).toBe(env.text);
    expect(e.r.rows[0]?.after.unknown).toMatchObject({ key: "config.rack.unknown.origins" });
  });
});

describe("rack-cors: check", () => {
  it("names each planted mistake with its line", () => {
    expect(
      codes(
        file(rails(`    origins "*"\n    resource "*", headers: :any, methods: :any, credentials: true`)),
      ),
    ).toEqual(["rack-cors-any-origin-credentials:6"]);
    expect(
      codes(
        file(
          rails(
            `    origins "*.example.com", "https://app.example.com/"\n    resource "*", headers: :any, methods: :any`,
          ),
        ),
      ),
    ).toEqual(["rack-cors-origin-glob:5", "rack-cors-origin-path:5"]);
    expect(
      codes(
        file(
          rails(`    origins /https:\\/\\/.*.example.com/\n    resource "*", headers: :any, methods: :any`),
        ),
      ),
    ).toEqual(["rack-cors-origin-regex-dot:5", "rack-cors-origin-regex-anchor:5"]);
    expect(
      codes(file(rails(`    origins ENV["CORS_ORIGINS"]\n    resource "*", headers: :any, methods: :any`))),
    ).toEqual(["rack-cors-origins-unresolved:5"]);
    expect(
      codes(file(rails(`    origins "${APP}"\n    resource "*", headers: :any, method: [:get, :put]`))),
    ).toEqual(["rack-cors-unknown-option:6", "rack-cors-methods-default:6"]);
    expect(
      codes(file(rails(`    origins "${APP}"\n    resource "*", headers: :any, methods: %w[GET PUT]`))),
    ).toEqual(["rack-cors-methods-case:6"]);
    expect(
      codes(file(rails(`    origins "${APP}"\n    resource "*", headers: :all, methods: :all`))),
    ).toEqual(["rack-cors-symbol-not-any:6", "rack-cors-symbol-not-any:6"]);
    expect(
      codes(
        file(
          rails(
            `    origins "${APP}"\n    resource "*", headers: :any, methods: :any\n    resource "/api/*", headers: :any, methods: :any, credentials: true`,
          ),
        ),
      ),
    ).toEqual(["rack-cors-resource-shadowed:7"]);
    expect(
      codes(
        file(
          "Rails.application.config.middleware.use Rack::Cors do\n  allow do\n    origins 'a.example'\n    resource '*', headers: :any, methods: :any\n  end\nend\n",
        ),
      ),
    ).toEqual(["rack-cors-not-first:1"]);
    // Before a named middleware (Warden's), or the string older initializers pass: read, no warning.
    expect(
      codes(
        file(
          "Rails.application.config.middleware.insert_before Warden::Manager, 'Rack::Cors' do\n  allow do\n    origins 'a.example'\n    resource '*', headers: :any, methods: :any\n  end\nend\n",
        ),
      ),
    ).toEqual([]);
    expect(
      codes(
        ru(
          'use Warden::Manager\nuse Rack::Cors do\n  allow do\n    origins "a.example"\n    resource "*", headers: :any, methods: :any\n  end\nend\nrun App\n',
        ),
      ),
    ).toEqual(["rack-cors-not-first:2"]);
  });

  it("names no order problem for Rack::Cors inside a map block (every top-level use wraps it anyway)", () => {
    const text =
      'use RequireKey\nmap "/api" do\n  use Rack::Cors do\n    allow do\n      origins "a.example"\n      resource "*", headers: :any, methods: :any\n    end\n  end\n  run App\nend\n';
    expect(codes(ru(text))).toEqual([]);
  });

  it("reports nothing on a correct initializer (block parameters, anchored regex, constants)", () => {
    const text = `ALLOWED = %w[https://app.example.com https://admin.example.com].freeze

Rails.application.config.middleware.insert_before 0, Rack::Cors do |config|
  config.allow do |allow|
    allow.origins(*ALLOWED, %r{\\Ahttps://[a-z0-9-]+\\.example\\.com\\z})
    allow.resource "/api/*", headers: :any, methods: %i[get post put patch delete options head], credentials: true, max_age: 600
  end
end
`;
    expect(codes(file(text))).toEqual([]);
    expect(rubySyntaxOk(text)).toBe(true);
  });

  it("a file Ruby does not parse is a clear error", () => {
    expect(() =>
      readConfig([
        file("Rails.application.config.middleware.insert_before 0, Rack::Cors do\n  allow do\nend\n"),
      ]),
    ).toThrow(/config.error.syntax/);
  });
});

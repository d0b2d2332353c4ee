/**
 * What a user reads in the fixes that write the CORS headers themselves (the raw headers, nginx,
 * Apache, Caddy, PHP header(), Go and Django hand-written middleware, S3's rule), per focus: each
 * header's name and value, where the line goes (inside the preflight block or on every response),
 * and what must not be there (a credentials line without credentials, Vary with `*`). The real
 * tools parse these snippets in fix-snippets-servers.test.ts; this reads their lines.
 */
import { describe, expect, it } from "vitest";
import { PAGE } from "./build";
import { block, expectRow, OTHER, type Row, type Situation, stackFix } from "./stack-fixes";

const PATTERN = "^(http://localhost:5173|https://app\\.example\\.com)$";

function table(stack: string, rows: Partial<Record<Situation, Row>>) {
  describe(stack, () => {
    it.each(Object.entries(rows))("%s", (situation, row) => {
      expectRow(stackFix(situation as Situation, stack).snippet, row as Row);
    });
  });
}

table("generic-headers", {
  origin: {
    has: [
      `# Allow ${PAGE} on every response.`,
      "# Preflight (OPTIONS) response: status 204, before any authentication",
      `Access-Control-Allow-Origin: ${PAGE}`,
      "Access-Control-Max-Age: 7200",
      "Vary: Origin",
      "# Every actual response, error responses (4xx/5xx) included",
    ],
    lacks: ["Access-Control-Allow-Credentials", "Access-Control-Allow-Headers", "Expose"],
  },
  any: {
    has: ["# Allow * on every response.", "Access-Control-Allow-Origin: *"],
    lacks: ["Vary", "Credentials"],
  },
  credentials: {
    has: [`Access-Control-Allow-Origin: ${PAGE}`, "Access-Control-Allow-Credentials: true", "Vary: Origin"],
    lacks: ["Access-Control-Allow-Origin: *"],
  },
  methods: { has: ["Access-Control-Allow-Methods: PUT"] },
  headers: { has: ["Access-Control-Allow-Headers: x-api-key"], lacks: ["Access-Control-Allow-Methods"] },
  several: {
    has: [
      `Access-Control-Allow-Origin: <the request's Origin, when it is one of: ${PAGE}, ${OTHER}>`,
      "Access-Control-Allow-Credentials: true",
      "Access-Control-Expose-Headers: X-Total",
      // The server answered back the header asked: so does the fix (a list of x-a would narrow it).
      "Access-Control-Allow-Headers: <the request's Access-Control-Request-Headers>",
    ],
    lacks: ["Access-Control-Allow-Headers: x-a"],
  },
  wide: {
    has: ["Access-Control-Allow-Headers: <the request's Access-Control-Request-Headers>"],
    lacks: ["Access-Control-Allow-Headers: x-b"],
  },
});

describe("generic-headers: credentials and Vary on both the preflight and the actual response", () => {
  it("each appears twice, once per block", () => {
    const lines = stackFix("several", "generic-headers").snippet.split("\n");
    const blank = lines.indexOf("");
    expect(blank).toBeGreaterThan(0);
    for (const part of [lines.slice(0, blank), lines.slice(blank)]) {
      expect(part).toContain("Access-Control-Allow-Credentials: true");
      expect(part).toContain("Vary: Origin");
    }
    // Max-Age and Allow-Headers are the preflight's, Expose-Headers the actual response's.
    expect(lines.slice(blank)).not.toContain("Access-Control-Max-Age: 7200");
    expect(lines.slice(0, blank)).not.toContain("Access-Control-Expose-Headers: X-Total");
  });

  it("in Korean: the block titles and the origin list", () => {
    const fix = stackFix("several", "generic-headers", "ko");
    expect(fix.title).toBe("응답 헤더 (모든 서버)");
    expect(fix.where).toBe("API의 모든 응답에. 오류 응답과 사전 요청 응답도 포함합니다.");
    expectRow(fix.snippet, {
      has: [
        "# 사전 요청(OPTIONS) 응답: 상태 204, 어떤 인증보다도 먼저",
        "# 모든 실제 응답, 오류 응답(4xx/5xx) 포함",
      ],
      lacks: ["Every actual response", "the request's Origin"],
    });
    expect(fix.snippet).toContain(`${PAGE}, ${OTHER}`);
  });
});

const NGINX_HIDE = [
  "proxy_hide_header Access-Control-Allow-Origin;",
  "proxy_hide_header Access-Control-Allow-Credentials;",
  "proxy_hide_header Access-Control-Allow-Methods;",
  "proxy_hide_header Access-Control-Allow-Headers;",
  "proxy_hide_header Access-Control-Expose-Headers;",
  "proxy_hide_header Access-Control-Max-Age;",
];

table("nginx", {
  origin: {
    has: [
      ...NGINX_HIDE,
      "# At the top of every location block of the API, replacing its add_header Access-Control-* lines.",
      "# `always`: also on 4xx/5xx. An add_header inside `if` replaces the inherited ones, hence the repeats.",
      "# proxy_hide_header: the upstream app's own CORS headers would arrive twice (ignored without proxy_pass).",
      "if ($request_method = OPTIONS) {",
      `    add_header Access-Control-Allow-Origin "${PAGE}" always;`,
      '    add_header Vary "Origin" always;',
      '    add_header Access-Control-Allow-Methods "GET, POST" always;',
      "    add_header Access-Control-Max-Age 7200 always;",
      "    return 204;",
      "}",
      `add_header Access-Control-Allow-Origin "${PAGE}" always;`,
      'add_header Vary "Origin" always;',
    ],
    lacks: ['Credentials "true"', 'Access-Control-Allow-Headers "', 'Expose-Headers "', "$cors_origin"],
  },
  any: {
    has: [
      '    add_header Access-Control-Allow-Origin "*" always;',
      'add_header Access-Control-Allow-Origin "*" always;',
    ],
    lacks: ["Vary", 'Credentials "true"'],
  },
  credentials: {
    has: [
      '    add_header Access-Control-Allow-Credentials "true" always;',
      'add_header Access-Control-Allow-Credentials "true" always;',
    ],
  },
  methods: { has: ['    add_header Access-Control-Allow-Methods "PUT" always;'] },
  headers: { has: ['    add_header Access-Control-Allow-Headers "x-api-key" always;'] },
  several: {
    has: [
      'set $cors_origin "";',
      `if ($http_origin ~ "${PATTERN}") {`,
      "    set $cors_origin $http_origin;",
      '    add_header Access-Control-Allow-Origin "$cors_origin" always;',
      "    add_header Access-Control-Allow-Headers $http_access_control_request_headers always;",
      'add_header Access-Control-Allow-Origin "$cors_origin" always;',
      'add_header Access-Control-Expose-Headers "X-Total" always;',
    ],
    lacks: ['Allow-Headers "x-a"'],
  },
  wide: {
    has: ['    add_header Access-Control-Allow-Methods "GET, HEAD, POST, PUT, PATCH, DELETE" always;'],
  },
});

describe("nginx: where each line goes", () => {
  it("the preflight's headers only inside the OPTIONS `if`, which ends in return 204; the others repeated after it", () => {
    const lines = stackFix("several", "nginx").snippet.split("\n");
    const open = lines.indexOf("if ($request_method = OPTIONS) {");
    const close = lines.indexOf("}", open);
    const inside = lines.slice(open + 1, close);
    const after = lines.slice(close + 1);
    expect(inside.at(-1)).toBe("    return 204;");
    expect(inside.some((l) => l.includes("Allow-Methods"))).toBe(true);
    expect(after.some((l) => l.includes("Allow-Methods") || l.includes("Max-Age"))).toBe(false);
    expect(after).toEqual([
      'add_header Access-Control-Allow-Origin "$cors_origin" always;',
      'add_header Access-Control-Allow-Credentials "true" always;',
      'add_header Vary "Origin" always;',
      'add_header Access-Control-Expose-Headers "X-Total" always;',
    ]);
    // The origin is matched before the OPTIONS block reads it; every add_header has `always`.
    expect(lines.indexOf('set $cors_origin "";')).toBeLessThan(open);
    for (const l of lines.filter((l) => l.trim().startsWith("add_header"))) expect(l).toMatch(/ always;$/);
  });

  it("in Korean: its comments and where it goes", () => {
    const fix = stackFix("origin", "nginx", "ko");
    expect(fix.where).toContain("API를 제공하는 모든 `location`의 맨 위에 둡니다");
    expectRow(fix.snippet, {
      has: [
        "# API의 모든 location 블록 맨 위에, 기존 add_header Access-Control-* 줄을 대체해서.",
        "# `always`: 4xx/5xx에도 붙입니다. `if` 안의 add_header는 상속된 헤더를 대체하므로 반복해서 씁니다.",
      ],
      lacks: ["At the top of every location"],
    });
    expect(stackFix("methods", "nginx", "ko").change).toContain("`add_header Access-Control-…` 줄");
  });
});

table("apache", {
  origin: {
    has: [
      "# In the API's VirtualHost (not .htaccess: it runs after authentication), replacing its",
      "# Header … Access-Control-* lines. Needs mod_headers, mod_rewrite and mod_setenvif.",
      "# The unset lines drop copies the application (or a proxied backend) sends on its own.",
      "Header unset Access-Control-Allow-Origin",
      "Header unset Access-Control-Allow-Credentials",
      "Header unset Access-Control-Allow-Methods",
      "Header unset Access-Control-Allow-Headers",
      `Header always set Access-Control-Allow-Origin "${PAGE}"`,
      'Header always set Access-Control-Allow-Methods "GET, POST"',
      'Header always set Access-Control-Max-Age "7200"',
      'Header always merge Vary "Origin"',
      "# Answer preflights here, before authentication or the application sees them.",
      "RewriteEngine On",
      "RewriteCond %{REQUEST_METHOD} OPTIONS",
      "RewriteCond %{HTTP:Access-Control-Request-Method} !^$",
      "RewriteRule ^ - [R=204,L]",
    ],
    lacks: ['Credentials "true"', "SetEnvIf", "env=", 'Allow-Headers "', "Expose"],
  },
  any: { has: ['Header always set Access-Control-Allow-Origin "*"'], lacks: ["Vary", 'Credentials "true"'] },
  credentials: { has: ['Header always set Access-Control-Allow-Credentials "true"'] },
  methods: { has: ['Header always set Access-Control-Allow-Methods "PUT"'] },
  headers: { has: ['Header always set Access-Control-Allow-Headers "x-api-key"'] },
  several: {
    has: [
      `SetEnvIf Origin "${PATTERN}" CORS_ORIGIN=$0`,
      'Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e" env=CORS_ORIGIN',
      'Header always set Access-Control-Allow-Credentials "true" env=CORS_ORIGIN',
      'SetEnvIf Access-Control-Request-Headers "^(.+)$" CORS_REQUEST_HEADERS=$1',
      'Header always set Access-Control-Allow-Headers "%{CORS_REQUEST_HEADERS}e" env=CORS_REQUEST_HEADERS',
      'Header always set Access-Control-Expose-Headers "X-Total"',
    ],
  },
  wide: { has: ['Header always set Access-Control-Allow-Methods "GET, HEAD, POST, PUT, PATCH, DELETE"'] },
});

describe("apache: order and words", () => {
  it("the unset lines come before the set ones, the rewrite that answers preflights last", () => {
    const lines = stackFix("several", "apache").snippet.split("\n");
    const lastUnset = lines.findLastIndex((l) => l.startsWith("Header unset"));
    const firstSet = lines.findIndex((l) => l.startsWith("Header always set"));
    expect(lastUnset).toBeLessThan(lines.indexOf(`SetEnvIf Origin "${PATTERN}" CORS_ORIGIN=$0`));
    expect(lines.indexOf(`SetEnvIf Origin "${PATTERN}" CORS_ORIGIN=$0`)).toBeLessThan(firstSet);
    expect(lines.at(-1)).toBe("RewriteRule ^ - [R=204,L]");
  });

  it("in Korean", () => {
    const fix = stackFix("origin", "apache", "ko");
    expect(fix.where).toContain("API의 <VirtualHost> 안에 둡니다");
    expectRow(fix.snippet, {
      has: [
        "# unset 줄은 애플리케이션(또는 프록시 뒤의 백엔드)이 직접 보내는 사본을 지웁니다.",
        "# 인증이나 애플리케이션이 보기 전에 여기서 사전 요청에 응답합니다.",
      ],
      lacks: ["Answer preflights here"],
    });
    expect(stackFix("methods", "apache", "ko").change).toContain("`Header always set Access-Control-…` 줄");
  });
});

table("caddy", {
  origin: {
    has: [
      "# First in the API's site block, before reverse_proxy / file_server / respond.",
      "@cors_preflight {",
      "    method OPTIONS",
      "    header Access-Control-Request-Method *",
      "handle @cors_preflight {",
      `    header Access-Control-Allow-Origin "${PAGE}"`,
      '    header Access-Control-Allow-Methods "GET, HEAD, POST"',
      '    header Access-Control-Max-Age "7200"',
      "    header Vary Origin",
      "    respond 204",
      "# Without defer: also on Caddy's own error responses (basicauth's 401), which deferred headers never reach.",
      `header Access-Control-Allow-Origin "${PAGE}"`,
      "# defer: applied after the response is written, replacing the upstream's own copies.",
      "header {",
      "    defer",
      `    Access-Control-Allow-Origin "${PAGE}"`,
      "    +Vary Origin",
    ],
    lacks: ["@cors_origin", "Credentials", "redir", "basicauth @", "Expose", "Allow-Headers"],
  },
  any: {
    has: [
      '    header Access-Control-Allow-Origin "*"',
      'header Access-Control-Allow-Origin "*"',
      '    Access-Control-Allow-Origin "*"',
    ],
    lacks: ["Vary", "Credentials"],
  },
  credentials: {
    has: [
      '    header Access-Control-Allow-Credentials "true"',
      'header Access-Control-Allow-Credentials "true"',
      '    Access-Control-Allow-Credentials "true"',
    ],
  },
  methods: { has: ['    header Access-Control-Allow-Methods "GET, HEAD, POST, PUT"'] },
  headers: { has: ['    header Access-Control-Allow-Headers "x-api-key"'] },
  auth: {
    has: [
      "# basicauth and forward_auth sort before handle in Caddy's directive order, so they refuse the preflight",
      "# (which carries no credentials) first: give yours a named matcher that keeps its path and skips OPTIONS, e.g.",
      "#   @cors_authed {",
      "#       path /api/*",
      "#       not method OPTIONS",
      "#   }",
      "#   basicauth @cors_authed {",
    ],
    lacks: ["redir @moved"],
  },
  route: { has: ["handle @cors_preflight {"], lacks: ["basicauth @cors_authed", "redir @moved"] },
  redirect: {
    has: [
      "# redir sorts before handle in Caddy's directive order, so it answers the preflight first:",
      "# give every redir of the API a named matcher that skips preflights, e.g.",
      "#   @moved {",
      "#       path /old/path",
      "#       not method OPTIONS",
      "#   }",
      "#   redir @moved /new/path 308",
    ],
    lacks: ["basicauth @cors_authed"],
  },
  several: {
    has: [
      `@cors_origin header_regexp Origin "^(http://localhost:5173|https://app\\\\.example\\\\.com)$"`,
      '    header @cors_origin Access-Control-Allow-Origin "{header.Origin}"',
      '    header @cors_origin Access-Control-Allow-Credentials "true"',
      '    header Access-Control-Allow-Headers "{header.Access-Control-Request-Headers}"',
      'header @cors_origin Access-Control-Allow-Origin "{header.Origin}"',
      "header @cors_origin {",
      '    Access-Control-Allow-Origin "{header.Origin}"',
      '    Access-Control-Expose-Headers "X-Total"',
    ],
  },
  wide: { has: ['    header Access-Control-Allow-Methods "GET, HEAD, POST, PUT, PATCH, DELETE"'] },
});

describe("caddy: the authentication example only where the refusal challenged", () => {
  it("a 401 without WWW-Authenticate gets no basicauth example", () => {
    // The challenge is what says basicauth (or forward_auth) answered.
    expect(stackFix("auth", "caddy").snippet).toContain("#   basicauth @cors_authed {");
    const plain = stackFix("unchallenged", "caddy").snippet;
    expect(plain).toContain(
      "# Answer OPTIONS preflights before authentication: preflights never carry credentials.",
    );
    expect(plain).not.toContain("basicauth @cors_authed");
  });

  it("in Korean", () => {
    const fix = stackFix("redirect", "caddy", "ko");
    expect(fix.where).toContain("API를 제공하는 사이트 블록 안, 맨 앞");
    expectRow(fix.snippet, {
      has: [
        "# API 사이트 블록의 맨 앞, reverse_proxy / file_server / respond보다 앞에.",
        "# defer: 응답을 쓴 뒤에 적용되어 업스트림이 보낸 사본을 대체합니다.",
        "# defer 없이: 지연된 헤더가 닿지 않는 Caddy 자체의 오류 응답(basicauth의 401)에도 붙습니다.",
        "#   redir @moved /new/path 308",
      ],
      lacks: ["redir sorts before handle"],
    });
  });
});

table("php", {
  origin: {
    has: [
      "// Right after <?php, before any output or authentication check.",
      "$cors_origin = $_SERVER['HTTP_ORIGIN'] ?? '';",
      `if (in_array($cors_origin, ['${PAGE}'], true)) {`,
      "    header('Access-Control-Allow-Origin: ' . $cors_origin);",
      "}",
      "header('Vary: Origin');",
      "if ($_SERVER['REQUEST_METHOD'] === 'OPTIONS' && isset($_SERVER['HTTP_ACCESS_CONTROL_REQUEST_METHOD'])) {",
      "    header('Access-Control-Allow-Methods: GET, HEAD, POST');",
      "    header('Access-Control-Max-Age: 7200');",
      "    http_response_code(204);",
      "    exit;",
    ],
    lacks: ["Credentials", "Allow-Headers", "Expose", "Allow-Origin: *"],
  },
  any: { has: ["header('Access-Control-Allow-Origin: *');"], lacks: ["$cors_origin", "Vary", "Credentials"] },
  credentials: { has: ["    header('Access-Control-Allow-Credentials: true');"] },
  methods: { has: ["    header('Access-Control-Allow-Methods: GET, HEAD, POST, PUT');"] },
  headers: { has: ["    header('Access-Control-Allow-Headers: x-api-key');"] },
  several: {
    has: [
      `if (in_array($cors_origin, ['${PAGE}', '${OTHER}'], true)) {`,
      "header('Access-Control-Expose-Headers: X-Total');",
      "    header('Access-Control-Allow-Headers: ' . ($_SERVER['HTTP_ACCESS_CONTROL_REQUEST_HEADERS'] ?? ''));",
    ],
  },
  wide: { has: ["    header('Access-Control-Allow-Methods: GET, HEAD, POST, PUT, PATCH, DELETE');"] },
});

describe("php: where the lines go", () => {
  it("Allow-Credentials only inside the origin check; the preflight's headers only inside the OPTIONS block", () => {
    const lines = stackFix("several", "php").snippet.split("\n");
    const check = lines.indexOf(`if (in_array($cors_origin, ['${PAGE}', '${OTHER}'], true)) {`);
    expect(lines[check + 2]).toBe("    header('Access-Control-Allow-Credentials: true');");
    expect(lines[check + 3]).toBe("}");
    const options = lines.findIndex((l) => l.startsWith("if ($_SERVER['REQUEST_METHOD'] === 'OPTIONS'"));
    expect(lines.indexOf("header('Access-Control-Expose-Headers: X-Total');")).toBeLessThan(options);
    expect(lines.at(-1)).toBe("}");
    expect(lines.at(-2)).toBe("    exit;");
  });

  it("in Korean", () => {
    const fix = stackFix("origin", "php", "ko");
    expect(fix.where).toContain("<?php 바로 다음, 어떤 출력이나 인증보다 앞에 둡니다");
    expect(fix.snippet).toContain("// <?php 바로 다음, 어떤 출력이나 인증 검사보다 앞에 둡니다.");
    expect(stackFix("methods", "php", "ko").change).toContain("`header('Access-Control-…')` 줄");
  });
});

table("go", {
  origin: {
    has: [
      "// Wrap the whole mux, so error responses and OPTIONS get the headers too: withCORS(mux).",
      "func withCORS(next http.Handler) http.Handler {",
      "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
      `\t\tif origin := r.Header.Get("Origin"); map[string]bool{"${PAGE}": true}[origin] {`,
      '\t\t\tw.Header().Set("Access-Control-Allow-Origin", origin)',
      "\t\t}",
      '\t\tw.Header().Add("Vary", "Origin")',
      '\t\tif r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {',
      '\t\t\tw.Header().Set("Access-Control-Allow-Methods", "GET, POST")',
      '\t\t\tw.Header().Set("Access-Control-Max-Age", "7200")',
      "\t\t\tw.WriteHeader(http.StatusNoContent)",
      "\t\t\treturn",
      "\t\tnext.ServeHTTP(w, r)",
      "\t})",
      "}",
    ],
    lacks: ["Credentials", "Allow-Headers", "Expose", '"*"'],
  },
  any: {
    has: ['\t\tw.Header().Set("Access-Control-Allow-Origin", "*")'],
    lacks: ["map[string]bool", "Vary", "Credentials"],
  },
  credentials: { has: ['\t\t\tw.Header().Set("Access-Control-Allow-Credentials", "true")'] },
  methods: { has: ['\t\t\tw.Header().Set("Access-Control-Allow-Methods", "PUT")'] },
  headers: { has: ['\t\t\tw.Header().Set("Access-Control-Allow-Headers", "x-api-key")'] },
  several: {
    has: [
      `\t\tif origin := r.Header.Get("Origin"); map[string]bool{"${PAGE}": true, "${OTHER}": true}[origin] {`,
      '\t\tw.Header().Set("Access-Control-Expose-Headers", "X-Total")',
      '\t\t\tw.Header().Set("Access-Control-Allow-Headers", r.Header.Get("Access-Control-Request-Headers"))',
    ],
    lacks: ['"x-a"'],
  },
  wide: {
    has: [
      '\t\t\tw.Header().Set("Access-Control-Allow-Headers", r.Header.Get("Access-Control-Request-Headers"))',
    ],
    lacks: ['"x-b"'],
  },
});

describe("go: in Korean", () => {
  it("its place and set-up words", () => {
    const fix = stackFix("origin", "go", "ko");
    expect(fix.title).toBe("Go (net/http, 직접 작성)");
    expect(fix.where).toContain("직접 작성한 CORS 미들웨어를 이 함수로 바꾸고");
    expect(fix.snippet).toContain(
      "// mux 전체를 감싸 오류 응답과 OPTIONS에도 헤더가 붙게 합니다: withCORS(mux).",
    );
  });
});

table("django", {
  origin: {
    has: [
      "# Replaces your CORS middleware class; keep it first in MIDDLEWARE so it answers preflights",
      "# before CommonMiddleware's redirects and auth, and wraps error responses too.",
      "from django.http import HttpResponse",
      "from django.utils.cache import patch_vary_headers",
      `ALLOWED_ORIGINS = {"${PAGE}"}`,
      "class CorsMiddleware:",
      "    def __init__(self, get_response):",
      "        self.get_response = get_response",
      "    def __call__(self, request):",
      '        origin = request.headers.get("Origin")',
      '        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:',
      "            response = HttpResponse(status=204)",
      '            response["Access-Control-Allow-Methods"] = "GET, POST"',
      '            response["Access-Control-Allow-Headers"] = ""',
      '            response["Access-Control-Max-Age"] = "7200"',
      "        else:",
      "            response = self.get_response(request)",
      "        if origin in ALLOWED_ORIGINS:",
      '            response["Access-Control-Allow-Origin"] = origin',
      '        patch_vary_headers(response, ["Origin"])',
      "        return response",
    ],
    lacks: ["Credentials", "Expose", '"*"'],
  },
  any: {
    has: ['        response["Access-Control-Allow-Origin"] = "*"'],
    lacks: ["ALLOWED_ORIGINS", "patch_vary_headers(response", "Credentials"],
  },
  credentials: { has: ['            response["Access-Control-Allow-Credentials"] = "true"'] },
  methods: { has: ['            response["Access-Control-Allow-Methods"] = "PUT"'] },
  headers: { has: ['            response["Access-Control-Allow-Headers"] = "x-api-key"'] },
  several: {
    has: [
      `ALLOWED_ORIGINS = {"${PAGE}", "${OTHER}"}`,
      '        response["Access-Control-Expose-Headers"] = "X-Total"',
      '            response["Access-Control-Allow-Headers"] = request.headers.get("Access-Control-Request-Headers", "")',
    ],
    lacks: ['"x-a"'],
  },
  wide: {
    has: [
      '            response["Access-Control-Allow-Headers"] = request.headers.get("Access-Control-Request-Headers", "")',
    ],
    lacks: ['"x-b"'],
  },
});

describe("django: in Korean", () => {
  it("its title, place and set-up words", () => {
    const fix = stackFix("origin", "django", "ko");
    expect(fix.title).toBe("Django (직접 작성한 미들웨어)");
    expect(fix.where).toContain("MIDDLEWARE에서 CommonMiddleware와 모든 인증 미들웨어보다 위");
    expect(fix.snippet).toContain("# 직접 작성한 CORS 미들웨어 클래스를 대체합니다.");
  });
});

describe("s3", () => {
  const rule = (situation: Situation) =>
    (JSON.parse(stackFix(situation, "s3").snippet) as Array<Record<string, unknown>>)[0];

  it.each([
    [
      "origin",
      { AllowedOrigins: [PAGE], AllowedMethods: ["GET", "HEAD"], AllowedHeaders: ["*"], MaxAgeSeconds: 7200 },
    ],
    [
      "any",
      {
        AllowedOrigins: ["*"],
        AllowedMethods: ["GET", "HEAD"],
        AllowedHeaders: ["x-any"],
        MaxAgeSeconds: 7200,
      },
    ],
    [
      "methods",
      {
        AllowedOrigins: [PAGE],
        AllowedMethods: ["GET", "HEAD", "PUT"],
        AllowedHeaders: ["*"],
        MaxAgeSeconds: 7200,
      },
    ],
    [
      "headers",
      {
        AllowedOrigins: [PAGE],
        // The refused request is a POST: S3 matches a rule by the method too, POST included.
        AllowedMethods: ["GET", "HEAD", "POST"],
        AllowedHeaders: ["x-api-key"],
        MaxAgeSeconds: 7200,
      },
    ],
    [
      "several",
      {
        AllowedOrigins: [PAGE, OTHER],
        AllowedMethods: ["GET", "HEAD"],
        // The server answered back the header asked: `*` keeps that (a list of x-a would narrow it).
        AllowedHeaders: ["*"],
        ExposeHeaders: ["X-Total"],
        MaxAgeSeconds: 7200,
      },
    ],
    // S3 takes GET, PUT, POST, DELETE, HEAD only: PATCH is left out.
    [
      "wide",
      {
        AllowedOrigins: [PAGE],
        AllowedMethods: ["GET", "HEAD", "PUT", "DELETE"],
        AllowedHeaders: ["*"],
        ExposeHeaders: ["X-Total"],
        MaxAgeSeconds: 7200,
      },
    ],
  ] as const)("%s", (situation, expected) => {
    expect(rule(situation)).toEqual(expected);
  });

  it("in Korean", () => {
    const fix = stackFix("methods", "s3", "ko");
    expect(fix.title).toBe("AWS S3 버킷 CORS");
    expect(fix.where).toContain("버킷의 CORS 구성(콘솔 → 권한 → CORS");
  });
});

describe("the blocks of the header-writing fixes, line by line", () => {
  it("nginx: the OPTIONS block of one origin, without credentials or request headers", () => {
    const snippet = stackFix("origin", "nginx").snippet;
    expect(snippet.split("\n")[0]).toBe(`# Allow ${PAGE} on every response.`);
    expect(block(snippet, "if ($request_method = OPTIONS) {")).toEqual([
      `    add_header Access-Control-Allow-Origin "${PAGE}" always;`,
      '    add_header Vary "Origin" always;',
      '    add_header Access-Control-Allow-Methods "GET, POST" always;',
      "    add_header Access-Control-Max-Age 7200 always;",
      "    return 204;",
    ]);
    // Nothing after the block but the actual response's lines.
    expect(snippet.split("\n").slice(-3)).toEqual([
      "}",
      `add_header Access-Control-Allow-Origin "${PAGE}" always;`,
      'add_header Vary "Origin" always;',
    ]);
  });

  it("nginx: the origin match closes before the OPTIONS block", () => {
    const snippet = stackFix("several", "nginx").snippet;
    expect(block(snippet, `if ($http_origin ~ "${PATTERN}") {`)).toEqual([
      "    set $cors_origin $http_origin;",
    ]);
  });

  it("apache: the heading is a comment", () => {
    expect(stackFix("origin", "apache").snippet.split("\n")[0]).toBe(`# Allow ${PAGE} on every response.`);
  });

  it("caddy: one origin, no credentials: each block exactly", () => {
    const snippet = stackFix("origin", "caddy").snippet;
    expect(block(snippet, "@cors_preflight {")).toEqual([
      "    method OPTIONS",
      "    header Access-Control-Request-Method *",
    ]);
    expect(block(snippet, "handle @cors_preflight {")).toEqual([
      `    header Access-Control-Allow-Origin "${PAGE}"`,
      '    header Access-Control-Allow-Methods "GET, HEAD, POST"',
      '    header Access-Control-Max-Age "7200"',
      "    header Vary Origin",
      "    respond 204",
    ]);
    expect(block(snippet, "header {")).toEqual([
      "    defer",
      `    Access-Control-Allow-Origin "${PAGE}"`,
      "    +Vary Origin",
    ]);
    const lines = snippet.split("\n");
    expect(lines.at(-1)).toBe("}");
    // Between the preflight's handle and the deferred block: the comment and the immediate header.
    const handled = lines.indexOf("    respond 204");
    expect(lines.slice(handled + 1, lines.indexOf("header {"))).toEqual([
      "}",
      "# Without defer: also on Caddy's own error responses (basicauth's 401), which deferred headers never reach.",
      `header Access-Control-Allow-Origin "${PAGE}"`,
      "# defer: applied after the response is written, replacing the upstream's own copies.",
    ]);
  });

  it("caddy: any origin: no Vary in either block", () => {
    const snippet = stackFix("any", "caddy").snippet;
    expect(block(snippet, "handle @cors_preflight {")).toEqual([
      '    header Access-Control-Allow-Origin "*"',
      '    header Access-Control-Allow-Methods "GET, HEAD, POST"',
      '    header Access-Control-Allow-Headers "x-any"',
      '    header Access-Control-Max-Age "7200"',
      "    respond 204",
    ]);
    expect(block(snippet, "header {")).toEqual(["    defer", '    Access-Control-Allow-Origin "*"']);
  });

  it("caddy: a challenged error response is not told to change its basicauth (that is for preflights)", () => {
    const snippet = stackFix("challengedError", "caddy").snippet;
    expect(snippet.split("\n")[0]).toBe(
      `# Add the CORS headers to error responses (4xx/5xx) too, for ${PAGE}.`,
    );
    expect(snippet).not.toContain("basicauth @cors_authed");
  });

  it("php, go, django: the preflight block exactly", () => {
    expect(
      block(
        stackFix("origin", "php").snippet,
        "if ($_SERVER['REQUEST_METHOD'] === 'OPTIONS' && isset($_SERVER['HTTP_ACCESS_CONTROL_REQUEST_METHOD'])) {",
      ),
    ).toEqual([
      "    header('Access-Control-Allow-Methods: GET, HEAD, POST');",
      "    header('Access-Control-Max-Age: 7200');",
      "    http_response_code(204);",
      "    exit;",
    ]);
    expect(
      block(
        stackFix("origin", "go").snippet,
        '\t\tif r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {',
        "\t\t}",
      ),
    ).toEqual([
      '\t\t\tw.Header().Set("Access-Control-Allow-Methods", "GET, POST")',
      '\t\t\tw.Header().Set("Access-Control-Max-Age", "7200")',
      "\t\t\tw.WriteHeader(http.StatusNoContent)",
      "\t\t\treturn",
    ]);
    const django = stackFix("origin", "django").snippet.split("\n");
    expect(
      django.slice(
        django.indexOf("from django.http import HttpResponse"),
        django.indexOf("class CorsMiddleware:"),
      ),
    ).toEqual([
      "from django.http import HttpResponse",
      "from django.utils.cache import patch_vary_headers",
      "",
      `ALLOWED_ORIGINS = {"${PAGE}"}`,
      "",
      "",
    ]);
  });

  it("generic-headers: the two blocks exactly, one origin", () => {
    expect(stackFix("origin", "generic-headers").snippet.split("\n")).toEqual([
      `# Allow ${PAGE} on every response.`,
      "# Preflight (OPTIONS) response: status 204, before any authentication",
      `Access-Control-Allow-Origin: ${PAGE}`,
      // A simple GET needs no Allow-Methods: none is listed.
      "Access-Control-Max-Age: 7200",
      "Vary: Origin",
      "",
      "# Every actual response, error responses (4xx/5xx) included",
      `Access-Control-Allow-Origin: ${PAGE}`,
      "Vary: Origin",
    ]);
  });
});

describe("php: the origin check and the heading", () => {
  it("one origin without credentials: the check holds only Allow-Origin, and closes", () => {
    const snippet = stackFix("origin", "php").snippet;
    expect(snippet.split("\n")[0]).toBe(`// Allow ${PAGE} on every response.`);
    expect(block(snippet, `if (in_array($cors_origin, ['${PAGE}'], true)) {`)).toEqual([
      "    header('Access-Control-Allow-Origin: ' . $cors_origin);",
    ]);
    expect(snippet.split("\n").at(-1)).toBe("}");
  });
});

describe("go: the middleware of one origin, line by line", () => {
  it("origin check, Vary, then the preflight answer; nothing else", () => {
    const lines = stackFix("origin", "go").snippet.split("\n");
    expect(lines[0]).toBe(`// Allow ${PAGE} on every response.`);
    expect(lines.slice(lines.indexOf("func withCORS(next http.Handler) http.Handler {"))).toEqual([
      "func withCORS(next http.Handler) http.Handler {",
      "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
      `\t\tif origin := r.Header.Get("Origin"); map[string]bool{"${PAGE}": true}[origin] {`,
      '\t\t\tw.Header().Set("Access-Control-Allow-Origin", origin)',
      "\t\t}",
      '\t\tw.Header().Add("Vary", "Origin")',
      '\t\tif r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {',
      '\t\t\tw.Header().Set("Access-Control-Allow-Methods", "GET, POST")',
      '\t\t\tw.Header().Set("Access-Control-Max-Age", "7200")',
      "\t\t\tw.WriteHeader(http.StatusNoContent)",
      "\t\t\treturn",
      "\t\t}",
      "\t\tnext.ServeHTTP(w, r)",
      "\t})",
      "}",
    ]);
  });
});

describe("django: the middleware class of one origin, line by line", () => {
  it("the preflight answered first, then the origin check", () => {
    const lines = stackFix("origin", "django").snippet.split("\n");
    expect(lines[0]).toBe(`# Allow ${PAGE} on every response.`);
    expect(lines.slice(lines.indexOf("class CorsMiddleware:"))).toEqual([
      "class CorsMiddleware:",
      "    def __init__(self, get_response):",
      "        self.get_response = get_response",
      "",
      "    def __call__(self, request):",
      '        origin = request.headers.get("Origin")',
      '        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:',
      "            response = HttpResponse(status=204)",
      '            response["Access-Control-Allow-Methods"] = "GET, POST"',
      '            response["Access-Control-Allow-Headers"] = ""',
      '            response["Access-Control-Max-Age"] = "7200"',
      "        else:",
      "            response = self.get_response(request)",
      "        if origin in ALLOWED_ORIGINS:",
      '            response["Access-Control-Allow-Origin"] = origin',
      '        patch_vary_headers(response, ["Origin"])',
      "        return response",
    ]);
  });
});

describe("the heading: what the fix keeps and what it adds", () => {
  it.each([
    ["nginx", "#"],
    ["go", "//"],
    ["rails", "#"],
    ["express", "//"],
  ])("%s", (stack, mark) => {
    const lines = stackFix("several", stack).snippet.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      `${mark} Allow ${PAGE}, ${OTHER} on every response.`,
      `${mark} Keeps what already worked: origins ${OTHER}; request headers answered back as asked (seen: x-a); credentials.`,
      `${mark} Adds: origins ${PAGE}.`,
    ]);
  });

  it("in Korean", () => {
    const lines = stackFix("several", "nginx", "ko").snippet.split("\n");
    expect(lines[1]).toMatch(/^# 이미 동작하던 설정 유지: /);
    expect(lines[2]).toMatch(/^# 추가: /);
  });

  // gorilla/handlers 1.5.1 and django-cors-headers cannot answer back any header (no `*`, no echo):
  // their fix lists the names seen, and says so instead of claiming it keeps the echo.
  it.each([
    ["gorilla-handlers", "//", '\thandlers.AllowedHeaders([]string{"x-a"}),'],
    ["django-cors-headers", "#", 'CORS_ALLOW_HEADERS = [*default_headers, "x-a"]'],
  ])("%s: lists the headers seen, and says it", (stack, mark, listed) => {
    const lines = stackFix("several", stack).snippet.split("\n");
    expect(lines.slice(1, 3)).toEqual([
      `${mark} Keeps what already worked: origins ${OTHER}; headers x-a; credentials.`,
      `${mark} The server answered back the request headers asked for; this library can only list them: add every header your pages send (seen: x-a).`,
    ]);
    expect(lines).toContain(listed);
    const ko = stackFix("several", stack, "ko").snippet.split("\n");
    expect(ko[2]).toBe(
      `${mark} 서버는 요청한 헤더를 그대로 돌려주었지만 이 라이브러리는 목록만 쓸 수 있습니다: 페이지가 보내는 모든 헤더를 넣으세요(본 것: x-a).`,
    );
  });

  it("nothing seen: no keeps or adds line", () => {
    const lines = stackFix("origin", "nginx").snippet.split("\n");
    expect(lines[1]).toBe(
      "# At the top of every location block of the API, replacing its add_header Access-Control-* lines.",
    );
  });
});

/**
 * What a user reads in the fixes that configure a CORS library or framework (Express, Fastify,
 * Koa, Hono, django-cors-headers, FastAPI, flask-cors, Spring, rack-cors, ASP.NET Core, rs/cors,
 * gorilla/handlers, Laravel, aiohttp-cors), per focus: each option's name and value, the options
 * left out where the library's default is wider, what goes before the set-up for a focus (the
 * middleware order, an error wrapper, a preflight-first hook), and the words in English and Korean.
 * The libraries' parsers check these snippets in fix-snippets.test.ts; this reads their lines.
 */
import { describe, expect, it } from "vitest";
import { PAGE } from "./build";
import { block, expectRow, OTHER, type Row, type Situation, stackFix } from "./stack-fixes";

function table(stack: string, rows: Partial<Record<Situation, Row>>) {
  describe(stack, () => {
    it.each(Object.entries(rows))("%s", (situation, row) => {
      expectRow(stackFix(situation as Situation, stack).snippet, row as Row);
    });
  });
}

/** The Korean words of a stack: its place comment in the snippet and its `where`. */
function korean(stack: string, situation: Situation, snippet: string[], where: string) {
  it(`${stack} in Korean`, () => {
    const fix = stackFix(situation, stack, "ko");
    expect(fix.where).toContain(where);
    expectRow(fix.snippet, { has: snippet });
  });
}

table("express", {
  origin: {
    has: [
      `// Allow ${PAGE} on every response.`,
      "// Directly after `const app = express()`, before every other app.use().",
      "app.use(cors({",
      `  origin: "${PAGE}",`,
      "  maxAge: 7200,",
      "}));",
    ],
    lacks: [
      "credentials",
      "methods:",
      "allowedHeaders",
      "exposedHeaders",
      "// Above",
      "// cors()",
      "// Registered",
    ],
  },
  any: { has: ['  origin: "*",'], lacks: ["credentials"] },
  credentials: { has: [`  origin: "${PAGE}",`, "  credentials: true,"] },
  // PUT is among cors's default methods: the option stays out, keeping the default's breadth.
  methods: { has: ["app.use(cors({"], lacks: ["methods:"] },
  headers: { has: ['  allowedHeaders: ["x-api-key"],'] },
  auth: {
    has: [
      "// Above your authentication middleware: it answers preflights (which carry no credentials) itself.",
    ],
  },
  route: { has: ["// cors() answers OPTIONS itself, so routes need no OPTIONS handler."] },
  error: {
    has: ["// Registered first, its headers are set before body parsers, validators or routes can fail."],
  },
  redirect: { has: ["// Registered first, it answers the preflight before a redirect rule can."] },
  several: {
    has: [`  origin: ["${PAGE}", "${OTHER}"],`, "  credentials: true,", '  exposedHeaders: ["X-Total"],'],
    // The server echoed the header asked for: allowedHeaders left out keeps that.
    lacks: ["allowedHeaders"],
  },
  wide: { has: ['  exposedHeaders: ["X-Total"],'], lacks: ["methods:", "allowedHeaders"] },
});

table("fastify", {
  origin: {
    has: [
      "// Right after `const app = fastify()`, so its onRequest hook runs before any added later",
      "// (auth, redirects). Its default hook answers preflights before routing and body parsing.",
      "app.register(cors, {",
      `  origin: "${PAGE}",`,
      "  maxAge: 7200,",
      "});",
    ],
    lacks: ["credentials", "methods:", "allowedHeaders", "exposedHeaders", "await"],
  },
  any: { has: ['  origin: "*",'], lacks: ["credentials"] },
  credentials: { has: ["  credentials: true,"] },
  // @fastify/cors defaults to GET, HEAD, POST: PUT is added to them.
  methods: { has: ['  methods: ["GET", "HEAD", "POST", "PUT"],'] },
  headers: { has: ['  allowedHeaders: ["x-api-key"],'] },
  several: {
    has: [`  origin: ["${PAGE}", "${OTHER}"],`, "  credentials: true,", '  exposedHeaders: ["X-Total"],'],
    lacks: ["allowedHeaders"],
  },
  wide: { has: ['  methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],'] },
});

table("koa", {
  origin: {
    has: [
      "// Right after `const app = new Koa()`, before every other app.use().",
      "app.use(cors({",
      `  origin: "${PAGE}",`,
      "  maxAge: 7200,",
      "  keepHeadersOnError: true,",
      "}));",
    ],
    lacks: ["credentials", "allowMethods", "allowHeaders", "exposeHeaders"],
  },
  any: { has: ['  origin: "*",'], lacks: ["credentials"] },
  credentials: { has: ["  credentials: true,"] },
  methods: { has: ["app.use(cors({"], lacks: ["allowMethods"] },
  headers: { has: ['  allowHeaders: ["x-api-key"],'] },
  several: {
    has: [
      `  origin: (ctx) => (["${PAGE}", "${OTHER}"].includes(ctx.get("Origin")) ? ctx.get("Origin") : ""),`,
      "  credentials: true,",
      '  exposeHeaders: ["X-Total"],',
    ],
    lacks: ["allowHeaders"],
  },
});

table("hono", {
  origin: {
    has: [
      "// Right after `const app = new Hono()`, before every route and other middleware.",
      "app.use(",
      '  "*",',
      "  cors({",
      `    origin: "${PAGE}",`,
      "    maxAge: 7200,",
      "  }),",
      ");",
    ],
    lacks: ["credentials", "allowMethods", "allowHeaders", "exposeHeaders"],
  },
  any: { has: ['    origin: "*",'], lacks: ["credentials"] },
  credentials: { has: ["    credentials: true,"] },
  methods: { has: ["  cors({"], lacks: ["allowMethods"] },
  headers: { has: ['    allowHeaders: ["x-api-key"],'] },
  several: {
    has: [
      `    origin: ["${PAGE}", "${OTHER}"],`,
      "    credentials: true,",
      '    exposeHeaders: ["X-Total"],',
    ],
    lacks: ["allowHeaders"],
  },
});

table("django-cors-headers", {
  origin: {
    has: [
      "# At the end of settings.py. CorsMiddleware goes first: above CommonMiddleware (whose",
      "# APPEND_SLASH redirect would otherwise answer the preflight) and above any auth middleware.",
      'INSTALLED_APPS = [*[a for a in INSTALLED_APPS if a != "corsheaders"], "corsheaders"]',
      'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *[m for m in MIDDLEWARE if m != "corsheaders.middleware.CorsMiddleware"]]',
      "CORS_ALLOW_ALL_ORIGINS = False",
      `CORS_ALLOWED_ORIGINS = ["${PAGE}"]`,
      "CORS_ALLOW_CREDENTIALS = False",
      'CORS_ALLOW_METHODS = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"]',
      "CORS_ALLOW_HEADERS = [*default_headers]",
      "CORS_PREFLIGHT_MAX_AGE = 7200",
    ],
    lacks: ["CORS_EXPOSE_HEADERS", "CORS_ALLOW_ALL_ORIGINS = True"],
  },
  any: {
    has: ["CORS_ALLOW_ALL_ORIGINS = True", "CORS_ALLOW_CREDENTIALS = False"],
    lacks: ["CORS_ALLOWED_ORIGINS"],
  },
  credentials: { has: ["CORS_ALLOW_CREDENTIALS = True"] },
  headers: { has: ['CORS_ALLOW_HEADERS = [*default_headers, "x-api-key"]'] },
  several: {
    has: [
      `CORS_ALLOWED_ORIGINS = ["${PAGE}", "${OTHER}"]`,
      'CORS_ALLOW_HEADERS = [*default_headers, "x-a"]',
      'CORS_EXPOSE_HEADERS = ["X-Total"]',
    ],
  },
});

describe("django-cors-headers: default headers are not listed twice", () => {
  it("a header in default_headers (content-type) is left to it; another is added", () => {
    const fix = stackFix("twoHeaders", "django-cors-headers");
    expect(fix.snippet.split("\n")).toContain('CORS_ALLOW_HEADERS = [*default_headers, "x-api-key"]');
    // The other stacks list both.
    expect(stackFix("twoHeaders", "express").snippet).toContain(
      '  allowedHeaders: ["content-type", "x-api-key"],',
    );
    expect(fix.imports).toEqual([{ form: null, code: "from corsheaders.defaults import default_headers" }]);
  });
});

table("fastapi", {
  origin: {
    has: [
      "# The LAST add_middleware call: Starlette runs the last-added middleware first.",
      "app.add_middleware(",
      "    CORSMiddleware,",
      `    allow_origins=["${PAGE}"],`,
      '    allow_methods=["GET", "HEAD", "POST"],',
      "    allow_headers=[],",
      "    max_age=7200,",
      ")",
    ],
    lacks: ["allow_credentials", "expose_headers", "errors_inside_cors"],
  },
  any: { has: ['    allow_origins=["*"],'], lacks: ["allow_credentials"] },
  credentials: { has: ["    allow_credentials=True,"] },
  methods: { has: ['    allow_methods=["GET", "HEAD", "POST", "PUT"],'] },
  headers: { has: ['    allow_headers=["x-api-key"],'] },
  error: {
    has: [
      "# Unhandled exceptions are answered by ServerErrorMiddleware, outside CORSMiddleware, without its",
      "# headers (an exception_handler(Exception) lives there too): turn them into a 500 response inside it.",
      '@app.middleware("http")',
      "async def errors_inside_cors(request, call_next):",
      "    try:",
      "        return await call_next(request)",
      "    except Exception:",
      '        return JSONResponse({"detail": "Internal Server Error"}, status_code=500)',
    ],
  },
  several: {
    has: [
      `    allow_origins=["${PAGE}", "${OTHER}"],`,
      '    allow_headers=["*"],',
      '    expose_headers=["X-Total"],',
    ],
  },
  wide: { has: ['    allow_methods=["*"],', '    allow_headers=["*"],'] },
});

describe("fastapi: the error wrapper goes above the middleware, and is imported", () => {
  it("error-responses: JSONResponse imported, the wrapper before add_middleware", () => {
    const fix = stackFix("error", "fastapi");
    expect(fix.imports?.map((i) => i.code)).toEqual([
      "from fastapi.middleware.cors import CORSMiddleware",
      "from fastapi.responses import JSONResponse",
    ]);
    const lines = fix.snippet.split("\n");
    expect(lines.indexOf("async def errors_inside_cors(request, call_next):")).toBeLessThan(
      lines.indexOf("app.add_middleware("),
    );
    expect(stackFix("origin", "fastapi").imports?.map((i) => i.code)).toEqual([
      "from fastapi.middleware.cors import CORSMiddleware",
    ]);
  });
});

table("flask-cors", {
  origin: {
    has: [
      "# Right after app = Flask(__name__).",
      "CORS(",
      "    app,",
      `    origins=["${PAGE}"],`,
      "    max_age=7200,",
      ")",
    ],
    lacks: [
      "supports_credentials",
      "methods=",
      "allow_headers",
      "expose_headers",
      "strict_slashes",
      "before_request",
    ],
  },
  any: { has: ['    origins=["*"],'], lacks: ["supports_credentials"] },
  credentials: { has: ["    supports_credentials=True,"] },
  // flask-cors allows every method by default.
  methods: { has: ["CORS("], lacks: ["methods="] },
  headers: { has: ['    allow_headers=["x-api-key"],'] },
  redirect: {
    has: [
      "# Werkzeug answers /items for a route declared /items/ with a 308 redirect, before any CORS code.",
      "app.url_map.strict_slashes = False",
    ],
    lacks: ["before_request"],
  },
  auth: {
    has: [
      "# Answer preflights before every before_request hook: auth would reject them (no credentials).",
      "app.before_request_funcs.setdefault(None, []).insert(",
      "    0,",
      "    lambda: app.make_default_options_response()",
      '    if cors_request.method == "OPTIONS" and "Access-Control-Request-Method" in cors_request.headers',
      "    else None,",
      ")",
    ],
    lacks: ["strict_slashes"],
  },
  several: {
    has: [
      `    origins=["${PAGE}", "${OTHER}"],`,
      "    supports_credentials=True,",
      '    expose_headers=["X-Total"],',
    ],
    lacks: ["allow_headers"],
  },
});

describe("flask-cors: the preflight-first hook comes before CORS(…) and imports the request", () => {
  it("auth", () => {
    const fix = stackFix("auth", "flask-cors");
    expect(fix.imports?.map((i) => i.code)).toEqual([
      "from flask_cors import CORS",
      "from flask import request as cors_request",
    ]);
    const lines = fix.snippet.split("\n");
    expect(lines.indexOf("app.before_request_funcs.setdefault(None, []).insert(")).toBeLessThan(
      lines.indexOf("CORS("),
    );
    expect(stackFix("origin", "flask-cors").imports?.map((i) => i.code)).toEqual([
      "from flask_cors import CORS",
    ]);
  });
});

table("spring", {
  origin: {
    has: [
      "// With Spring Security, also call http.cors(Customizer.withDefaults()) so preflights pass before authentication.",
      "@Configuration",
      "public class CorsConfig implements WebMvcConfigurer {",
      "    @Override",
      "    public void addCorsMappings(CorsRegistry registry) {",
      '        registry.addMapping("/**")',
      `            .allowedOrigins("${PAGE}")`,
      '            .allowedMethods("GET", "HEAD", "POST")',
      "            .maxAge(7200);",
      "    }",
      "}",
    ],
    lacks: ["allowCredentials", "allowedHeaders", "exposedHeaders"],
  },
  any: { has: ['            .allowedOrigins("*")'], lacks: ["allowCredentials"] },
  credentials: { has: ["            .allowCredentials(true)"] },
  methods: { has: ['            .allowedMethods("GET", "HEAD", "POST", "PUT")'] },
  headers: { has: ['            .allowedHeaders("x-api-key")'] },
  several: {
    has: [`            .allowedOrigins("${PAGE}", "${OTHER}")`, '            .exposedHeaders("X-Total")'],
    lacks: ["allowedHeaders"],
  },
  wide: { has: ['            .allowedMethods("*")'] },
});

table("rails", {
  origin: {
    has: [
      "# insert_before 0 puts it ahead of authentication and error middleware",
      "# (in a plain Rack app: `use Rack::Cors do … end` first in config.ru).",
      "Rails.application.config.middleware.insert_before 0, Rack::Cors do",
      "  allow do",
      `    origins "${PAGE}"`,
      '    resource "*",',
      "      methods: [:get, :head, :post, :options],",
      "      headers: :any,",
      "      max_age: 7200",
      "  end",
      "end",
    ],
    lacks: ["credentials", "expose", "ErrorsInsideCors"],
  },
  any: { has: ['    origins "*"'], lacks: ["credentials"] },
  credentials: { has: ["      credentials: true,"] },
  methods: { has: ["      methods: [:get, :head, :post, :put, :options],"] },
  headers: { has: ['      headers: ["x-api-key"],'] },
  error: {
    has: [
      "# In a plain Rack app (Rails rescues on its own): an exception must become a 500 inside Rack::Cors,",
      "class ErrorsInsideCors",
      "  def initialize(app)",
      "    @app = app",
      "  def call(env)",
      "    @app.call(env)",
      "  rescue StandardError",
      '    [500, { "content-type" => "text/plain" }, ["Internal Server Error"]]',
    ],
  },
  several: {
    has: [
      `    origins "${PAGE}", "${OTHER}"`,
      "      headers: :any,",
      '      expose: ["X-Total"],',
      "      credentials: true,",
    ],
  },
  wide: { has: ["      methods: [:get, :head, :post, :put, :patch, :delete, :options],"] },
});

describe("rails: the error class after the Rack::Cors block, and the require shown apart", () => {
  it("error-responses", () => {
    const fix = stackFix("error", "rails");
    const lines = fix.snippet.split("\n");
    expect(lines.lastIndexOf("end", lines.indexOf("class ErrorsInsideCors"))).toBeGreaterThan(
      lines.indexOf("Rails.application.config.middleware.insert_before 0, Rack::Cors do"),
    );
    expect(fix.imports).toEqual([{ form: null, code: 'require "rack/cors"' }]);
  });
});

table("aspnet", {
  origin: {
    has: [
      'builder.Services.AddCors(options => options.AddPolicy("frontend", policy => policy',
      `    .WithOrigins("${PAGE}")`,
      '    .WithMethods("GET", "HEAD", "POST")',
      "    .SetPreflightMaxAge(TimeSpan.FromSeconds(7200))));",
      "",
      "// After UseRouting and before UseAuthentication/UseAuthorization, so preflights are answered first.",
      'app.UseCors("frontend");',
    ],
    lacks: ["AllowCredentials", "AllowAnyHeader", "WithHeaders", "WithExposedHeaders", "AllowAnyMethod"],
  },
  any: { has: ['    .WithOrigins("*")'], lacks: ["AllowCredentials"] },
  credentials: { has: ["    .AllowCredentials()"] },
  methods: { has: ['    .WithMethods("GET", "HEAD", "POST", "PUT")'] },
  headers: { has: ['    .WithHeaders("x-api-key")'] },
  several: {
    has: [
      `    .WithOrigins("${PAGE}", "${OTHER}")`,
      "    .AllowAnyHeader()",
      '    .WithExposedHeaders("X-Total")',
    ],
    lacks: ["WithHeaders"],
  },
  wide: { has: ["    .AllowAnyMethod()", "    .AllowAnyHeader()"], lacks: ["WithMethods"] },
});

table("go-rs-cors", {
  origin: {
    has: [
      '// import "github.com/rs/cors"; wrap the whole mux: http.ListenAndServe(addr, c.Handler(mux)).',
      "c := cors.New(cors.Options{",
      `\tAllowedOrigins:   []string{"${PAGE}"},`,
      '\tAllowedMethods:   []string{"GET", "HEAD", "POST"},',
      "\tMaxAge:           7200,",
      "})",
    ],
    lacks: ["AllowCredentials", "AllowedHeaders", "ExposedHeaders"],
  },
  any: { has: ['\tAllowedOrigins:   []string{"*"},'], lacks: ["AllowCredentials"] },
  credentials: { has: ["\tAllowCredentials: true,"] },
  methods: { has: ['\tAllowedMethods:   []string{"GET", "HEAD", "POST", "PUT"},'] },
  headers: { has: ['\tAllowedHeaders:   []string{"x-api-key"},'] },
  several: {
    has: [
      `\tAllowedOrigins:   []string{"${PAGE}", "${OTHER}"},`,
      '\tAllowedHeaders:   []string{"*"},',
      '\tExposedHeaders:   []string{"X-Total"},',
    ],
  },
  wide: { has: ['\tAllowedMethods:   []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"},'] },
});

table("gorilla-handlers", {
  origin: {
    has: [
      "// Wrap the whole router, outside any auth middleware: http.ListenAndServe(addr, handlers.CORS(…)(router)). Around a handlers.CORS(…) you have, it answers the origins it lists first.",
      "handlers.CORS(",
      `\thandlers.AllowedOrigins([]string{"${PAGE}"}),`,
      '\thandlers.AllowedMethods([]string{"GET", "HEAD", "POST"}),',
      // gorilla/handlers caps MaxAge at 600 seconds.
      "\thandlers.MaxAge(600),",
      ")",
    ],
    lacks: ["AllowCredentials", "AllowedHeaders", "ExposedHeaders", "7200"],
  },
  any: { has: ['\thandlers.AllowedOrigins([]string{"*"}),'], lacks: ["AllowCredentials"] },
  credentials: { has: ["\thandlers.AllowCredentials(),"] },
  methods: { has: ['\thandlers.AllowedMethods([]string{"GET", "HEAD", "POST", "PUT"}),'] },
  headers: { has: ['\thandlers.AllowedHeaders([]string{"x-api-key"}),'] },
  several: {
    has: [
      `\thandlers.AllowedOrigins([]string{"${PAGE}", "${OTHER}"}),`,
      // It has no "*": the names seen are listed.
      '\thandlers.AllowedHeaders([]string{"x-a"}),',
      '\thandlers.ExposedHeaders([]string{"X-Total"}),',
    ],
  },
  wide: { has: ['\thandlers.AllowedMethods([]string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}),'] },
});

table("laravel", {
  origin: {
    has: [
      "<?php",
      "// 'paths' => ['*'] covers every route; list only the API's (['api/*']) if that is all the page calls.",
      "return [",
      "    'paths' => ['*'],",
      "    'allowed_methods' => ['GET', 'HEAD', 'POST'],",
      `    'allowed_origins' => ['${PAGE}'],`,
      "    'allowed_origins_patterns' => [],",
      "    'allowed_headers' => [],",
      "    'exposed_headers' => [],",
      "    'max_age' => 7200,",
      "    'supports_credentials' => false,",
      "];",
    ],
  },
  any: { has: ["    'allowed_origins' => ['*'],"] },
  credentials: { has: ["    'supports_credentials' => true,"] },
  methods: { has: ["    'allowed_methods' => ['GET', 'HEAD', 'POST', 'PUT'],"] },
  headers: { has: ["    'allowed_headers' => ['x-api-key'],"] },
  several: {
    has: [
      `    'allowed_origins' => ['${PAGE}', '${OTHER}'],`,
      "    'allowed_headers' => ['*'],",
      "    'exposed_headers' => ['X-Total'],",
    ],
  },
  wide: { has: ["    'allowed_methods' => ['*'],"] },
});

table("aiohttp-cors", {
  origin: {
    has: [
      "# After every route is added, before web.run_app(app). Resources that answer OPTIONS already are left as they are.",
      "cors = aiohttp_cors.setup(",
      "    app,",
      "    defaults={",
      `        "${PAGE}": aiohttp_cors.ResourceOptions(`,
      '            allow_methods=["GET", "HEAD", "POST"],',
      "            max_age=7200,",
      "        ),",
      "    },",
      ")",
      "for resource in list(app.router.resources()):",
      '    if not any(route.method == "OPTIONS" for route in resource):',
      "        cors.add(resource)",
    ],
    lacks: ["allow_credentials", "allow_headers", "expose_headers", "cors_preflight_first"],
  },
  any: { has: ['        "*": aiohttp_cors.ResourceOptions('] },
  credentials: { has: ["            allow_credentials=True,"] },
  headers: { has: ['            allow_headers=["x-api-key"],'] },
  several: {
    has: [
      `        "${PAGE}": aiohttp_cors.ResourceOptions(`,
      `        "${OTHER}": aiohttp_cors.ResourceOptions(`,
      '            allow_headers="*",',
      '            expose_headers=["X-Total"],',
    ],
  },
  wide: { has: ['            allow_methods="*",'] },
  auth: {
    has: [
      "# aiohttp runs every middleware before the route's handler: preflights (which carry no",
      "# credentials) go straight to aiohttp-cors's handler instead.",
      "@web.middleware",
      "async def cors_preflight_first(request, handler):",
      '    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:',
      "        return await request.match_info.handler(request)",
      "    return await handler(request)",
      "app.middlewares.insert(0, cors_preflight_first)",
    ],
  },
});

describe("the libraries' words in Korean", () => {
  korean(
    "express",
    "auth",
    ["// `const app = express()` 바로 다음, 다른 모든 app.use()보다 앞에."],
    "`const app = express()` 바로 다음",
  );
  korean(
    "fastify",
    "origin",
    ["// `const app = fastify()` 바로 다음에 등록해, 이 onRequest 훅이 나중에 추가한 훅(인증, 리디렉션)보다"],
    "`const app = fastify()` 바로 다음",
  );
  korean(
    "koa",
    "origin",
    ["// `const app = new Koa()` 바로 다음, 다른 모든 app.use()보다 앞에."],
    "`const app = new Koa()` 바로 다음",
  );
  korean(
    "hono",
    "origin",
    ["// `const app = new Hono()` 바로 다음, 모든 라우트와 다른 미들웨어보다 앞에."],
    "`const app = new Hono()` 바로 다음",
  );
  korean(
    "django-cors-headers",
    "origin",
    ["# settings.py의 맨 끝에. CorsMiddleware는 맨 앞에 둡니다. CommonMiddleware(그렇지 않으면 APPEND_SLASH"],
    "settings.py의 맨 끝에 둡니다",
  );
  korean(
    "fastapi",
    "origin",
    ["# 마지막 add_middleware 호출로: Starlette는 마지막에 추가한 미들웨어를 먼저 실행합니다."],
    "앱을 만드는 모듈의 맨 끝",
  );
  korean(
    "flask-cors",
    "origin",
    ["# app = Flask(__name__) 바로 다음에."],
    "`app = Flask(__name__)` 바로 다음에 둡니다",
  );
  korean(
    "spring",
    "origin",
    [
      "// Spring Security를 쓴다면 http.cors(Customizer.withDefaults())도 호출해 사전 요청이 인증보다 먼저 통과하게 하세요.",
    ],
    "@Configuration 클래스에 둡니다",
  );
  korean(
    "rails",
    "origin",
    ["# insert_before 0으로 인증과 오류 처리 미들웨어보다 앞에 둡니다"],
    "config/initializers/cors.rb",
  );
  korean(
    "aspnet",
    "origin",
    ["// UseRouting 뒤, UseAuthentication/UseAuthorization 앞에 두어 사전 요청에 먼저 응답합니다."],
    "Program.cs: 서비스 등록에서 AddCors를",
  );
  korean(
    "go-rs-cors",
    "origin",
    ['// import "github.com/rs/cors"; mux 전체를 감싸세요: http.ListenAndServe(addr, c.Handler(mux)).'],
    "cors.New에 넘기는 cors.Options를 이것으로 바꾸고",
  );
  korean(
    "laravel",
    "origin",
    [
      "// 'paths' => ['*']는 모든 라우트에 적용됩니다. 페이지가 API만 호출한다면 그 경로만(['api/*']) 나열하세요.",
    ],
    "config/cors.php를 이것으로 바꾸고",
  );
  korean(
    "aiohttp-cors",
    "origin",
    [
      "# 모든 라우트를 추가한 뒤, web.run_app(app) 전에 둡니다. 이미 OPTIONS에 응답하는 리소스는 그대로 둡니다.",
    ],
    "앱을 만드는 모듈에서 마지막 라우트를 추가한 뒤",
  );
  korean(
    "gorilla-handlers",
    "origin",
    [],
    "http.ListenAndServe에 넘기는 핸들러를 인증 미들웨어 바깥에서 이것으로 감싸세요",
  );
});

describe("django-cors-headers: a setting written where absent is a list", () => {
  // `("a")` is a str in Python, not a tuple: django-cors-headers would iterate its characters
  // (check corsheaders.E013 "Origin 'h' in CORS_ALLOWED_ORIGINS is missing scheme or netloc", and
  // no origin matches: https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/checks.py).
  it("one origin: CORS_ALLOWED_ORIGINS = [origin], never (origin)", () => {
    const fix = stackFix("credentials", "django-cors-headers");
    expect(fix.change).toContain(`add \`CORS_ALLOWED_ORIGINS = ["${PAGE}"]\``);
    expect(fix.change).not.toContain(`CORS_ALLOWED_ORIGINS = ("${PAGE}")`);
  });

  it("the defaults and the new names: [*default_headers, …]", () => {
    expect(stackFix("headers", "django-cors-headers").change).toContain(
      'add `CORS_ALLOW_HEADERS = [*default_headers, "x-api-key"]`',
    );
    expect(stackFix("methods", "django-cors-headers").change).toContain(
      'add `CORS_ALLOW_METHODS = [*default_methods, "PUT"]`',
    );
  });
});

describe("the libraries' options, exactly, for one origin without credentials", () => {
  it.each([
    ["express", "app.use(cors({", "}));", [`  origin: "${PAGE}",`, "  maxAge: 7200,"]],
    ["fastify", "app.register(cors, {", "});", [`  origin: "${PAGE}",`, "  maxAge: 7200,"]],
    [
      "koa",
      "app.use(cors({",
      "}));",
      [`  origin: "${PAGE}",`, "  maxAge: 7200,", "  keepHeadersOnError: true,"],
    ],
    ["hono", "  cors({", "  }),", [`    origin: "${PAGE}",`, "    maxAge: 7200,"]],
    [
      "fastapi",
      "app.add_middleware(",
      ")",
      [
        "    CORSMiddleware,",
        `    allow_origins=["${PAGE}"],`,
        '    allow_methods=["GET", "HEAD", "POST"],',
        "    allow_headers=[],",
        "    max_age=7200,",
      ],
    ],
    ["flask-cors", "CORS(", ")", ["    app,", `    origins=["${PAGE}"],`, "    max_age=7200,"]],
    [
      "go-rs-cors",
      "c := cors.New(cors.Options{",
      "})",
      [
        `\tAllowedOrigins:   []string{"${PAGE}"},`,
        '\tAllowedMethods:   []string{"GET", "HEAD", "POST"},',
        "\tMaxAge:           7200,",
      ],
    ],
    [
      "gorilla-handlers",
      "handlers.CORS(",
      ")",
      [
        `\thandlers.AllowedOrigins([]string{"${PAGE}"}),`,
        '\thandlers.AllowedMethods([]string{"GET", "HEAD", "POST"}),',
        "\thandlers.MaxAge(600),",
      ],
    ],
    [
      "rails",
      "  allow do",
      "  end",
      [
        `    origins "${PAGE}"`,
        '    resource "*",',
        "      methods: [:get, :head, :post, :options],",
        "      headers: :any,",
        "      max_age: 7200",
      ],
    ],
    [
      "spring",
      "    public void addCorsMappings(CorsRegistry registry) {",
      "    }",
      [
        '        registry.addMapping("/**")',
        `            .allowedOrigins("${PAGE}")`,
        '            .allowedMethods("GET", "HEAD", "POST")',
        "            .maxAge(7200);",
      ],
    ],
    [
      "aiohttp-cors",
      `        "${PAGE}": aiohttp_cors.ResourceOptions(`,
      "        ),",
      ['            allow_methods=["GET", "HEAD", "POST"],', "            max_age=7200,"],
    ],
  ] as const)("%s", (stack, open, close, options) => {
    const snippet = stackFix("origin", stack).snippet;
    expect(block(snippet, open, close)).toEqual(options);
    const lines = snippet.split("\n");
    // The heading is a comment in the stack's language.
    expect(lines[0]).toMatch(/^(#|\/\/) Allow http:\/\/localhost:5173 on every response\.$/);
  });

  it("aspnet: the policy chain and UseCors", () => {
    const lines = stackFix("origin", "aspnet").snippet.split("\n");
    expect(lines).toEqual([
      `// Allow ${PAGE} on every response.`,
      'builder.Services.AddCors(options => options.AddPolicy("frontend", policy => policy',
      `    .WithOrigins("${PAGE}")`,
      '    .WithMethods("GET", "HEAD", "POST")',
      "    .SetPreflightMaxAge(TimeSpan.FromSeconds(7200))));",
      "",
      "// After UseRouting and before UseAuthentication/UseAuthorization, so preflights are answered first.",
      'app.UseCors("frontend");',
    ]);
  });

  it("laravel: the whole file", () => {
    const lines = stackFix("origin", "laravel").snippet.split("\n");
    expect(lines.slice(0, 3)).toEqual(["<?php", "", `// Allow ${PAGE} on every response.`]);
    expect(block(lines.join("\n"), "return [", "];")).toEqual([
      "    'paths' => ['*'],",
      "    'allowed_methods' => ['GET', 'HEAD', 'POST'],",
      `    'allowed_origins' => ['${PAGE}'],`,
      "    'allowed_origins_patterns' => [],",
      "    'allowed_headers' => [],",
      "    'exposed_headers' => [],",
      "    'max_age' => 7200,",
      "    'supports_credentials' => false,",
    ]);
  });

  it("django-cors-headers: the settings after the comments", () => {
    const lines = stackFix("origin", "django-cors-headers").snippet.split("\n");
    expect(lines.filter((l) => !l.startsWith("#"))).toEqual([
      'INSTALLED_APPS = [*[a for a in INSTALLED_APPS if a != "corsheaders"], "corsheaders"]',
      'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *[m for m in MIDDLEWARE if m != "corsheaders.middleware.CorsMiddleware"]]',
      "CORS_ALLOW_ALL_ORIGINS = False",
      `CORS_ALLOWED_ORIGINS = ["${PAGE}"]`,
      "CORS_ALLOW_CREDENTIALS = False",
      'CORS_ALLOW_METHODS = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"]',
      "CORS_ALLOW_HEADERS = [*default_headers]",
      "CORS_PREFLIGHT_MAX_AGE = 7200",
    ]);
  });
});

describe("rack-cors: a methods option written where absent keeps its default GET", () => {
  // Left out, rack-cors allows [:get] only (Resource#initialize: `ensure_enum(opts[:methods]) || [:get]`,
  // https://github.com/cyu/rack-cors/blob/master/lib/rack/cors/resource.rb): `methods: [:put]` alone
  // would refuse the preflight of a GET that sends a header (MISS_DENY_METHOD).
  it("methods: [:get, :put]", () => {
    const fix = stackFix("methods", "rails");
    expect(fix.edits).toEqual([
      { kind: "add-items", option: "methods", items: [":put"], whenAbsent: "methods: [:get, :put]" },
    ]);
    expect(fix.change).toBe(
      "In your `allow do … end` block, add :put to `methods`, keeping what it already lists (where `methods` is not set yet, add `methods: [:get, :put]`).",
    );
  });
});

describe("a method in no library's defaults (PURGE): each stack lists it with its defaults", () => {
  it.each([
    ["express", '  methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "PURGE"],'],
    ["fastify", '  methods: ["GET", "HEAD", "POST", "PURGE"],'],
    ["koa", '  allowMethods: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "PURGE"],'],
    ["hono", '    allowMethods: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "PURGE"],'],
    [
      "django-cors-headers",
      'CORS_ALLOW_METHODS = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT", "PURGE"]',
    ],
    ["fastapi", '    allow_methods=["GET", "HEAD", "POST", "PURGE"],'],
    ["flask-cors", '    methods=["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE", "PURGE"],'],
    ["spring", '            .allowedMethods("GET", "HEAD", "POST", "PURGE")'],
    ["rails", "      methods: [:get, :head, :post, :purge, :options],"],
    ["aspnet", '    .WithMethods("GET", "HEAD", "POST", "PURGE")'],
    ["go-rs-cors", '\tAllowedMethods:   []string{"GET", "HEAD", "POST", "PURGE"},'],
    ["gorilla-handlers", '\thandlers.AllowedMethods([]string{"GET", "HEAD", "POST", "PURGE"}),'],
    ["laravel", "    'allowed_methods' => ['GET', 'HEAD', 'POST', 'PURGE'],"],
    ["aiohttp-cors", '            allow_methods=["GET", "HEAD", "POST", "PURGE"],'],
  ])("%s", (stack, line) => {
    const mark = ["django-cors-headers", "fastapi", "flask-cors", "rails", "aiohttp-cors"].includes(stack)
      ? "#"
      : "//";
    expectRow(stackFix("purge", stack).snippet, {
      has: [`${mark} Allow PURGE exactly as the page sends them.`, line],
    });
  });

  it("S3 takes no PURGE: its rule keeps GET and HEAD", () => {
    expect(JSON.parse(stackFix("purge", "s3").snippet)[0].AllowedMethods).toEqual(["GET", "HEAD"]);
  });
});

describe("express: its note only for the focuses that turn on its place", () => {
  it("allow-origin: the place comment right above app.use", () => {
    const lines = stackFix("origin", "express").snippet.split("\n");
    expect(lines[lines.indexOf("app.use(cors({") - 1]).toBe(
      "// Directly after `const app = express()`, before every other app.use().",
    );
  });
});

describe("what goes before the set-up, line by line", () => {
  it("flask-cors auth: the hook call closes before CORS(", () => {
    const lines = stackFix("auth", "flask-cors").snippet.split("\n");
    const start = lines.indexOf("app.before_request_funcs.setdefault(None, []).insert(");
    expect(lines.slice(start, lines.indexOf("CORS("))).toEqual([
      "app.before_request_funcs.setdefault(None, []).insert(",
      "    0,",
      "    lambda: app.make_default_options_response()",
      '    if cors_request.method == "OPTIONS" and "Access-Control-Request-Method" in cors_request.headers',
      "    else None,",
      ")",
    ]);
  });

  it("fastapi error-responses: two blank lines between the wrapper and add_middleware", () => {
    const lines = stackFix("error", "fastapi").snippet.split("\n");
    const at = lines.indexOf("app.add_middleware(");
    expect(lines.slice(at - 3, at)).toEqual([
      '        return JSONResponse({"detail": "Internal Server Error"}, status_code=500)',
      "",
      "",
    ]);
  });

  it("aiohttp-cors auth: the middleware inserted, then a blank line, then the set-up's comment", () => {
    const lines = stackFix("auth", "aiohttp-cors").snippet.split("\n");
    const at = lines.indexOf("app.middlewares.insert(0, cors_preflight_first)");
    expect(lines.slice(at - 3, at + 3)).toEqual([
      "    return await handler(request)",
      "",
      "",
      "app.middlewares.insert(0, cors_preflight_first)",
      "",
      "# After every route is added, before web.run_app(app). Resources that answer OPTIONS already are left as they are.",
    ]);
    expect(stackFix("auth", "aiohttp-cors").imports?.map((i) => i.code)).toEqual([
      "import aiohttp_cors",
      "from aiohttp import web",
    ]);
    expect(stackFix("origin", "aiohttp-cors").imports?.map((i) => i.code)).toEqual(["import aiohttp_cors"]);
  });

  it("rails error-responses: a blank line, then the class after the block", () => {
    const lines = stackFix("error", "rails").snippet.split("\n");
    const at = lines.indexOf("class ErrorsInsideCors");
    expect(lines.slice(at - 5, at)).toEqual([
      "end",
      "",
      "# In a plain Rack app (Rails rescues on its own): an exception must become a 500 inside Rack::Cors,",
      "# or the server answers it without CORS headers. Define this and `use ErrorsInsideCors` right after",
      "# the `use Rack::Cors` block.",
    ]);
    expect(lines.slice(at)).toEqual([
      "class ErrorsInsideCors",
      "  def initialize(app)",
      "    @app = app",
      "  end",
      "",
      "  def call(env)",
      "    @app.call(env)",
      "  rescue StandardError",
      '    [500, { "content-type" => "text/plain" }, ["Internal Server Error"]]',
      "  end",
      "end",
    ]);
  });
});

describe("the imports shown apart from each snippet", () => {
  it.each([
    ["express", ['import cors from "cors";', 'const cors = require("cors");']],
    ["fastify", ['import cors from "@fastify/cors";', 'const cors = require("@fastify/cors");']],
    ["koa", ['import cors from "@koa/cors";', 'const cors = require("@koa/cors");']],
    ["hono", ['import { cors } from "hono/cors";', 'const { cors } = require("hono/cors");']],
  ])("%s: ES module, then CommonJS", (stack, [esm, cjs]) => {
    expect(stackFix("origin", stack).imports).toEqual([
      { form: "esm", code: esm },
      { form: "cjs", code: cjs },
    ]);
  });

  it.each([
    ["django-cors-headers", ["from corsheaders.defaults import default_headers"]],
    ["fastapi", ["from fastapi.middleware.cors import CORSMiddleware"]],
    ["flask-cors", ["from flask_cors import CORS"]],
    ["rails", ['require "rack/cors"']],
    ["gorilla-handlers", ['import "github.com/gorilla/handlers"']],
    ["aiohttp-cors", ["import aiohttp_cors"]],
    ["nginx", []],
    ["spring", []],
  ])("%s", (stack, codes) => {
    expect(stackFix("origin", stack).imports).toEqual(codes.map((code) => ({ form: null, code })));
  });
});

describe("a header name with an apostrophe (a token character) stays a PHP string", () => {
  it("laravel and php escape it; the other stacks write it as it is", () => {
    const laravel = stackFix("apostrophe", "laravel");
    expectRow(laravel.snippet, { has: ["    'allowed_headers' => ['x-it\\'s'],"] });
    expect(laravel.edits).toEqual([
      {
        kind: "add-items",
        option: "allowed_headers",
        items: ["'x-it\\'s'"],
        whenAbsent: "'allowed_headers' => ['x-it\\'s'],",
      },
    ]);
    expectRow(stackFix("apostrophe", "php").snippet, {
      has: ["    header('Access-Control-Allow-Headers: x-it\\'s');"],
    });
    expectRow(stackFix("apostrophe", "nginx").snippet, {
      has: ['    add_header Access-Control-Allow-Headers "x-it\'s" always;'],
    });
  });
});

describe("whether CORS Lens's real-server suite ran a stack's fix, as the fix says", () => {
  it("the versions run, and on what", () => {
    expect(stackFix("origin", "nginx").verified).toMatch(
      /^nginx 1\.22\.1-9\+deb12u11 \(Debian\) in Chromium \d+, by npm run test:fixes, alone and in front of an app$/,
    );
    expect(stackFix("origin", "rails").verified).toMatch(/, on plain Rack \(not Rails itself\)$/);
    expect(stackFix("origin", "django").verified).toMatch(/, on the seed's hand-written middleware$/);
    // Nothing said where the suite ran it on the real thing itself.
    expect(stackFix("origin", "express").verified).toMatch(
      /^express 5\.3\.0, cors 2\.8\.6 in Chromium \d+, by npm run test:fixes$/,
    );
  });

  it("none for a stack the suite does not run", () => {
    for (const stack of ["spring", "aspnet", "laravel", "s3", "go", "generic-headers"])
      expect(stackFix("origin", stack).verified, stack).toBeNull();
  });
});

describe("rails: nothing after the block but for error responses", () => {
  it("allow-origin ends with the block's end", () => {
    expect(stackFix("origin", "rails").snippet.split("\n").slice(-2)).toEqual(["  end", "end"]);
  });
});

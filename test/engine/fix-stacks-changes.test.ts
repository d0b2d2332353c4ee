/**
 * The change a fix makes to the set-up the user has (fixes/change.ts), as the config patcher
 * applies it: per stack and focus, which option, the items in the stack's own syntax, and what to
 * write where the option is absent (its library's default plus the new items, or nothing where an
 * absent option already allows everything). The order focuses move, wrap, set or insert instead.
 * Read through diagnose, like the snippets (fix-stacks-*.test.ts).
 */
import { describe, expect, it } from "vitest";
import { PAGE } from "./build";
import { type Situation, stackFix } from "./stack-fixes";

const EDITS: Partial<Record<Situation, Record<string, unknown[]>>> = {
  methods: {
    "generic-headers": [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PUT"] }],
    express: [
      {
        kind: "add-items",
        option: "methods",
        items: ['"PUT"'],
        whenAbsent: 'methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"]',
      },
    ],
    fastify: [
      {
        kind: "add-items",
        option: "methods",
        items: ['"PUT"'],
        whenAbsent: 'methods: ["GET", "HEAD", "POST", "PUT"]',
      },
    ],
    koa: [
      {
        kind: "add-items",
        option: "allowMethods",
        items: ['"PUT"'],
        whenAbsent: 'allowMethods: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"]',
      },
    ],
    hono: [
      {
        kind: "add-items",
        option: "allowMethods",
        items: ['"PUT"'],
        whenAbsent: 'allowMethods: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"]',
      },
    ],
    django: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PUT"] }],
    "django-cors-headers": [
      {
        kind: "add-items",
        option: "CORS_ALLOW_METHODS",
        items: ['"PUT"'],
        whenAbsent: 'CORS_ALLOW_METHODS = [*default_methods, "PUT"]',
      },
    ],
    fastapi: [
      {
        kind: "add-items",
        option: "allow_methods",
        items: ['"PUT"'],
        whenAbsent: 'allow_methods=["GET", "PUT"]',
      },
    ],
    "flask-cors": [
      {
        kind: "add-items",
        option: "methods",
        items: ['"PUT"'],
        whenAbsent: 'methods=["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"]',
      },
    ],
    nginx: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PUT"] }],
    apache: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PUT"] }],
    caddy: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PUT"] }],
    s3: [{ kind: "add-items", option: "AllowedMethods", items: ['"PUT"'] }],
    spring: [{ kind: "add-items", option: "allowedMethods", items: ['"PUT"'] }],
    rails: [{ kind: "add-items", option: "methods", items: [":put"], whenAbsent: "methods: [:get, :put]" }],
    aspnet: [{ kind: "add-items", option: "WithMethods", items: ['"PUT"'] }],
    go: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PUT"] }],
    "go-rs-cors": [
      {
        kind: "add-items",
        option: "AllowedMethods",
        items: ['"PUT"'],
        whenAbsent: 'AllowedMethods: []string{"GET", "POST", "HEAD", "PUT"}',
      },
    ],
    "gorilla-handlers": [
      {
        kind: "add-items",
        option: "AllowedMethods",
        items: ['"PUT"'],
        whenAbsent: 'handlers.AllowedMethods([]string{"GET", "HEAD", "POST", "PUT"})',
      },
    ],
    php: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PUT"] }],
    laravel: [
      {
        kind: "add-items",
        option: "allowed_methods",
        items: ["'PUT'"],
        whenAbsent: "'allowed_methods' => ['PUT'],",
      },
    ],
    "aiohttp-cors": [
      { kind: "add-items", option: "allow_methods", items: ['"PUT"'], whenAbsent: 'allow_methods=["PUT"]' },
    ],
  },
  headers: {
    "generic-headers": [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] }],
    express: [{ kind: "add-items", option: "allowedHeaders", items: ['"x-api-key"'], whenAbsent: null }],
    fastify: [{ kind: "add-items", option: "allowedHeaders", items: ['"x-api-key"'], whenAbsent: null }],
    koa: [{ kind: "add-items", option: "allowHeaders", items: ['"x-api-key"'], whenAbsent: null }],
    hono: [{ kind: "add-items", option: "allowHeaders", items: ['"x-api-key"'], whenAbsent: null }],
    django: [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] }],
    "django-cors-headers": [
      {
        kind: "add-items",
        option: "CORS_ALLOW_HEADERS",
        items: ['"x-api-key"'],
        whenAbsent: 'CORS_ALLOW_HEADERS = [*default_headers, "x-api-key"]',
      },
    ],
    fastapi: [
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"x-api-key"'],
        whenAbsent: 'allow_headers=["x-api-key"]',
      },
    ],
    "flask-cors": [
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"x-api-key"'],
        whenAbsent: null,
        listFromString: true,
      },
    ],
    nginx: [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] }],
    apache: [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] }],
    caddy: [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] }],
    s3: [{ kind: "add-items", option: "AllowedHeaders", items: ['"x-api-key"'] }],
    spring: [{ kind: "add-items", option: "allowedHeaders", items: ['"x-api-key"'], whenAbsent: null }],
    rails: [
      { kind: "add-items", option: "headers", items: ['"x-api-key"'], whenAbsent: 'headers: ["x-api-key"]' },
    ],
    aspnet: [{ kind: "add-items", option: "WithHeaders", items: ['"x-api-key"'] }],
    go: [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] }],
    "go-rs-cors": [
      {
        kind: "add-items",
        option: "AllowedHeaders",
        items: ['"x-api-key"'],
        whenAbsent:
          'AllowedHeaders: []string{"Origin", "Accept", "Content-Type", "X-Requested-With", "x-api-key"}',
      },
    ],
    "gorilla-handlers": [
      {
        kind: "add-items",
        option: "AllowedHeaders",
        items: ['"x-api-key"'],
        whenAbsent: 'handlers.AllowedHeaders([]string{"x-api-key"})',
      },
    ],
    php: [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] }],
    laravel: [
      {
        kind: "add-items",
        option: "allowed_headers",
        items: ["'x-api-key'"],
        whenAbsent: "'allowed_headers' => ['x-api-key'],",
      },
    ],
    "aiohttp-cors": [
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"x-api-key"'],
        whenAbsent: 'allow_headers=["x-api-key"]',
      },
    ],
  },
  credentials: {
    "generic-headers": [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
    ],
    express: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origin: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
    ],
    fastify: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origin: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
    ],
    koa: [{ kind: "set", option: "credentials", value: "true" }],
    hono: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origin: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
    ],
    django: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
    ],
    "django-cors-headers": [
      { kind: "set", option: "CORS_ALLOW_ALL_ORIGINS", value: "False" },
      {
        kind: "add-items",
        option: "CORS_ALLOWED_ORIGINS",
        items: [`"${PAGE}"`],
        whenAbsent: `CORS_ALLOWED_ORIGINS = ["${PAGE}"]`,
      },
      { kind: "set", option: "CORS_ALLOW_CREDENTIALS", value: "True" },
    ],
    fastapi: [
      {
        kind: "replace-item",
        option: "allow_origins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `allow_origins=["${PAGE}"]`,
      },
      { kind: "set", option: "allow_credentials", value: "True" },
    ],
    "flask-cors": [
      {
        kind: "replace-item",
        option: "origins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origins=["${PAGE}"]`,
      },
      { kind: "set", option: "supports_credentials", value: "True" },
    ],
    nginx: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
    ],
    apache: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
    ],
    caddy: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
    ],
    s3: [{ kind: "replace-item", option: "AllowedOrigins", item: '"*"', by: [`"${PAGE}"`] }],
    spring: [
      { kind: "replace-item", option: "allowedOrigins", item: '"*"', by: [`"${PAGE}"`] },
      { kind: "set", option: "allowCredentials", value: "true" },
    ],
    rails: [
      {
        kind: "replace-item",
        option: "origins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origins: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
    ],
    aspnet: [
      { kind: "replace-item", option: "WithOrigins", item: '"*"', by: [`"${PAGE}"`] },
      { kind: "set", option: "AllowCredentials", value: "()" },
    ],
    go: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
    ],
    "go-rs-cors": [
      {
        kind: "replace-item",
        option: "AllowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `AllowedOrigins: []string{"${PAGE}"}`,
      },
      { kind: "set", option: "AllowCredentials", value: "true" },
    ],
    "gorilla-handlers": [
      {
        kind: "replace-item",
        option: "AllowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `handlers.AllowedOrigins([]string{"${PAGE}"})`,
      },
      { kind: "set", option: "AllowCredentials", value: "()" },
    ],
    php: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
    ],
    laravel: [
      {
        kind: "replace-item",
        option: "allowed_origins",
        item: "'*'",
        by: [`'${PAGE}'`],
        whenAbsent: `'allowed_origins' => ['${PAGE}'],`,
      },
      { kind: "set", option: "supports_credentials", value: "true" },
    ],
    "aiohttp-cors": [{ kind: "set", option: "allow_credentials", value: "True" }],
  },
  several: {
    "generic-headers": [],
    express: [
      { kind: "add-items", option: "origin", items: [`"${PAGE}"`], whenAbsent: `origin: ["${PAGE}"]` },
    ],
    fastify: [
      { kind: "add-items", option: "origin", items: [`"${PAGE}"`], whenAbsent: `origin: ["${PAGE}"]` },
    ],
    koa: [],
    hono: [{ kind: "add-items", option: "origin", items: [`"${PAGE}"`], whenAbsent: `origin: ["${PAGE}"]` }],
    django: [],
    "django-cors-headers": [
      {
        kind: "add-items",
        option: "CORS_ALLOWED_ORIGINS",
        items: [`"${PAGE}"`],
        whenAbsent: `CORS_ALLOWED_ORIGINS = ["${PAGE}"]`,
      },
    ],
    fastapi: [
      {
        kind: "add-items",
        option: "allow_origins",
        items: [`"${PAGE}"`],
        whenAbsent: `allow_origins=["${PAGE}"]`,
      },
    ],
    "flask-cors": [
      {
        kind: "add-items",
        option: "origins",
        items: [`"${PAGE}"`],
        whenAbsent: `origins=["${PAGE}"]`,
        listFromString: true,
      },
    ],
    nginx: [],
    apache: [],
    caddy: [],
    s3: [{ kind: "add-items", option: "AllowedOrigins", items: [`"${PAGE}"`] }],
    spring: [{ kind: "add-items", option: "allowedOrigins", items: [`"${PAGE}"`] }],
    rails: [
      { kind: "add-items", option: "origins", items: [`"${PAGE}"`], whenAbsent: `origins: ["${PAGE}"]` },
    ],
    aspnet: [{ kind: "add-items", option: "WithOrigins", items: [`"${PAGE}"`] }],
    go: [],
    "go-rs-cors": [
      {
        kind: "add-items",
        option: "AllowedOrigins",
        items: [`"${PAGE}"`],
        whenAbsent: `AllowedOrigins: []string{"${PAGE}"}`,
      },
    ],
    "gorilla-handlers": [
      {
        kind: "add-items",
        option: "AllowedOrigins",
        items: [`"${PAGE}"`],
        whenAbsent: `handlers.AllowedOrigins([]string{"${PAGE}"})`,
      },
    ],
    php: [],
    laravel: [
      {
        kind: "add-items",
        option: "allowed_origins",
        items: [`'${PAGE}'`],
        whenAbsent: `'allowed_origins' => ['${PAGE}'],`,
      },
    ],
    "aiohttp-cors": [],
  },
  auth: {
    "generic-headers": [],
    express: [{ kind: "move", statement: "cors(", after: "const app = express()" }],
    fastify: [{ kind: "move", statement: "register(cors", after: "const app = fastify()" }],
    koa: [{ kind: "move", statement: "cors(", after: "const app = new Koa()" }],
    hono: [{ kind: "move", statement: "cors(", after: "const app = new Hono()" }],
    django: [],
    "django-cors-headers": [],
    fastapi: [{ kind: "move", statement: "add_middleware(CORSMiddleware", after: null }],
    "flask-cors": [],
    nginx: [],
    apache: [],
    caddy: [],
    s3: [],
    spring: [],
    rails: [],
    aspnet: [],
    go: [],
    "go-rs-cors": [{ kind: "wrap", wrapper: "c.Handler", in: "http.ListenAndServe" }],
    "gorilla-handlers": [{ kind: "wrap", wrapper: "handlers.CORS", in: "http.ListenAndServe" }],
    php: [],
    laravel: [],
    "aiohttp-cors": [expect.objectContaining({ kind: "insert", before: "aiohttp_cors.setup(" })],
  },
  error: {
    "generic-headers": [],
    express: [{ kind: "move", statement: "cors(", after: "const app = express()" }],
    fastify: [{ kind: "set", option: "hook", value: '"onRequest"' }],
    koa: [{ kind: "move", statement: "cors(", after: "const app = new Koa()" }],
    hono: [{ kind: "move", statement: "cors(", after: "const app = new Hono()" }],
    django: [],
    "django-cors-headers": [],
    fastapi: [expect.objectContaining({ kind: "insert", before: "add_middleware(CORSMiddleware" })],
    "flask-cors": [],
    nginx: [],
    apache: [],
    caddy: [],
    s3: [],
    spring: [],
    rails: [],
    aspnet: [],
    go: [],
    "go-rs-cors": [{ kind: "wrap", wrapper: "c.Handler", in: "http.ListenAndServe" }],
    "gorilla-handlers": [{ kind: "wrap", wrapper: "handlers.CORS", in: "http.ListenAndServe" }],
    php: [],
    laravel: [],
    "aiohttp-cors": [],
  },
  redirect: {
    "generic-headers": [],
    express: [{ kind: "move", statement: "cors(", after: "const app = express()" }],
    fastify: [{ kind: "move", statement: "register(cors", after: "const app = fastify()" }],
    koa: [{ kind: "move", statement: "cors(", after: "const app = new Koa()" }],
    hono: [{ kind: "move", statement: "cors(", after: "const app = new Hono()" }],
    django: [],
    "django-cors-headers": [],
    fastapi: [{ kind: "move", statement: "add_middleware(CORSMiddleware", after: null }],
    "flask-cors": [],
    nginx: [],
    apache: [],
    caddy: [],
    s3: [],
    spring: [],
    rails: [],
    aspnet: [],
    go: [],
    "go-rs-cors": [{ kind: "wrap", wrapper: "c.Handler", in: "http.ListenAndServe" }],
    "gorilla-handlers": [{ kind: "wrap", wrapper: "handlers.CORS", in: "http.ListenAndServe" }],
    php: [],
    laravel: [],
    "aiohttp-cors": [],
  },
  route: {
    "generic-headers": [],
    express: [{ kind: "move", statement: "cors(", after: "const app = express()" }],
    fastify: [{ kind: "move", statement: "register(cors", after: "const app = fastify()" }],
    koa: [{ kind: "move", statement: "cors(", after: "const app = new Koa()" }],
    hono: [{ kind: "move", statement: "cors(", after: "const app = new Hono()" }],
    django: [],
    "django-cors-headers": [],
    fastapi: [{ kind: "move", statement: "add_middleware(CORSMiddleware", after: null }],
    "flask-cors": [],
    nginx: [],
    apache: [],
    caddy: [],
    s3: [],
    spring: [],
    rails: [],
    aspnet: [],
    go: [],
    "go-rs-cors": [{ kind: "wrap", wrapper: "c.Handler", in: "http.ListenAndServe" }],
    "gorilla-handlers": [{ kind: "wrap", wrapper: "handlers.CORS", in: "http.ListenAndServe" }],
    php: [],
    laravel: [],
    "aiohttp-cors": [],
  },
  starSeveral: {
    "generic-headers": [],
    express: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `origin: ["${PAGE}", "https://app.example.com"]`,
      },
    ],
    fastify: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `origin: ["${PAGE}", "https://app.example.com"]`,
      },
    ],
    koa: [],
    hono: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `origin: ["${PAGE}", "https://app.example.com"]`,
      },
    ],
    django: [],
    "django-cors-headers": [
      { kind: "set", option: "CORS_ALLOW_ALL_ORIGINS", value: "False" },
      {
        kind: "add-items",
        option: "CORS_ALLOWED_ORIGINS",
        items: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `CORS_ALLOWED_ORIGINS = ["${PAGE}", "https://app.example.com"]`,
      },
    ],
    fastapi: [
      {
        kind: "replace-item",
        option: "allow_origins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `allow_origins=["${PAGE}", "https://app.example.com"]`,
      },
    ],
    "flask-cors": [
      {
        kind: "replace-item",
        option: "origins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `origins=["${PAGE}", "https://app.example.com"]`,
      },
    ],
    nginx: [],
    apache: [],
    caddy: [],
    s3: [
      {
        kind: "replace-item",
        option: "AllowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
      },
    ],
    spring: [
      {
        kind: "replace-item",
        option: "allowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
      },
    ],
    rails: [
      {
        kind: "replace-item",
        option: "origins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `origins: ["${PAGE}", "https://app.example.com"]`,
      },
    ],
    aspnet: [
      {
        kind: "replace-item",
        option: "WithOrigins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
      },
    ],
    go: [],
    "go-rs-cors": [
      {
        kind: "replace-item",
        option: "AllowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `AllowedOrigins: []string{"${PAGE}", "https://app.example.com"}`,
      },
    ],
    "gorilla-handlers": [
      {
        kind: "replace-item",
        option: "AllowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`, '"https://app.example.com"'],
        whenAbsent: `handlers.AllowedOrigins([]string{"${PAGE}", "https://app.example.com"})`,
      },
    ],
    php: [],
    laravel: [
      {
        kind: "replace-item",
        option: "allowed_origins",
        item: "'*'",
        by: [`'${PAGE}'`, "'https://app.example.com'"],
        whenAbsent: `'allowed_origins' => ['${PAGE}', 'https://app.example.com'],`,
      },
    ],
    "aiohttp-cors": [],
  },
  credentialsAndHeader: {
    "generic-headers": [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ],
    express: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origin: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
      { kind: "add-items", option: "allowedHeaders", items: ['"x-api-key"'], whenAbsent: null },
    ],
    fastify: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origin: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
      { kind: "add-items", option: "allowedHeaders", items: ['"x-api-key"'], whenAbsent: null },
    ],
    koa: [
      { kind: "set", option: "credentials", value: "true" },
      { kind: "add-items", option: "allowHeaders", items: ['"x-api-key"'], whenAbsent: null },
    ],
    hono: [
      {
        kind: "replace-item",
        option: "origin",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origin: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
      { kind: "add-items", option: "allowHeaders", items: ['"x-api-key"'], whenAbsent: null },
    ],
    django: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ],
    "django-cors-headers": [
      { kind: "set", option: "CORS_ALLOW_ALL_ORIGINS", value: "False" },
      {
        kind: "add-items",
        option: "CORS_ALLOWED_ORIGINS",
        items: [`"${PAGE}"`],
        whenAbsent: `CORS_ALLOWED_ORIGINS = ["${PAGE}"]`,
      },
      { kind: "set", option: "CORS_ALLOW_CREDENTIALS", value: "True" },
      {
        kind: "add-items",
        option: "CORS_ALLOW_HEADERS",
        items: ['"x-api-key"'],
        whenAbsent: 'CORS_ALLOW_HEADERS = [*default_headers, "x-api-key"]',
      },
    ],
    fastapi: [
      {
        kind: "replace-item",
        option: "allow_origins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `allow_origins=["${PAGE}"]`,
      },
      { kind: "set", option: "allow_credentials", value: "True" },
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"x-api-key"'],
        whenAbsent: 'allow_headers=["x-api-key"]',
      },
    ],
    "flask-cors": [
      {
        kind: "replace-item",
        option: "origins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origins=["${PAGE}"]`,
      },
      { kind: "set", option: "supports_credentials", value: "True" },
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"x-api-key"'],
        whenAbsent: null,
        listFromString: true,
      },
    ],
    nginx: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ],
    apache: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ],
    caddy: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ],
    s3: [
      { kind: "replace-item", option: "AllowedOrigins", item: '"*"', by: [`"${PAGE}"`] },
      { kind: "add-items", option: "AllowedHeaders", items: ['"x-api-key"'] },
    ],
    spring: [
      { kind: "replace-item", option: "allowedOrigins", item: '"*"', by: [`"${PAGE}"`] },
      { kind: "set", option: "allowCredentials", value: "true" },
      { kind: "add-items", option: "allowedHeaders", items: ['"x-api-key"'], whenAbsent: null },
    ],
    rails: [
      {
        kind: "replace-item",
        option: "origins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `origins: ["${PAGE}"]`,
      },
      { kind: "set", option: "credentials", value: "true" },
      { kind: "add-items", option: "headers", items: ['"x-api-key"'], whenAbsent: 'headers: ["x-api-key"]' },
    ],
    aspnet: [
      { kind: "replace-item", option: "WithOrigins", item: '"*"', by: [`"${PAGE}"`] },
      { kind: "set", option: "AllowCredentials", value: "()" },
      { kind: "add-items", option: "WithHeaders", items: ['"x-api-key"'] },
    ],
    go: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ],
    "go-rs-cors": [
      {
        kind: "replace-item",
        option: "AllowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `AllowedOrigins: []string{"${PAGE}"}`,
      },
      { kind: "set", option: "AllowCredentials", value: "true" },
      {
        kind: "add-items",
        option: "AllowedHeaders",
        items: ['"x-api-key"'],
        whenAbsent:
          'AllowedHeaders: []string{"Origin", "Accept", "Content-Type", "X-Requested-With", "x-api-key"}',
      },
    ],
    "gorilla-handlers": [
      {
        kind: "replace-item",
        option: "AllowedOrigins",
        item: '"*"',
        by: [`"${PAGE}"`],
        whenAbsent: `handlers.AllowedOrigins([]string{"${PAGE}"})`,
      },
      { kind: "set", option: "AllowCredentials", value: "()" },
      {
        kind: "add-items",
        option: "AllowedHeaders",
        items: ['"x-api-key"'],
        whenAbsent: 'handlers.AllowedHeaders([]string{"x-api-key"})',
      },
    ],
    php: [
      { kind: "replace-item", option: "Access-Control-Allow-Origin", item: "*", by: [`${PAGE}`] },
      { kind: "set", option: "Access-Control-Allow-Credentials", value: "true" },
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["x-api-key"] },
    ],
    laravel: [
      {
        kind: "replace-item",
        option: "allowed_origins",
        item: "'*'",
        by: [`'${PAGE}'`],
        whenAbsent: `'allowed_origins' => ['${PAGE}'],`,
      },
      { kind: "set", option: "supports_credentials", value: "true" },
      {
        kind: "add-items",
        option: "allowed_headers",
        items: ["'x-api-key'"],
        whenAbsent: "'allowed_headers' => ['x-api-key'],",
      },
    ],
    "aiohttp-cors": [
      { kind: "set", option: "allow_credentials", value: "True" },
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"x-api-key"'],
        whenAbsent: 'allow_headers=["x-api-key"]',
      },
    ],
  },
  twoHeaders: {
    "generic-headers": [
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type", "x-api-key"] },
    ],
    express: [
      {
        kind: "add-items",
        option: "allowedHeaders",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: null,
      },
    ],
    fastify: [
      {
        kind: "add-items",
        option: "allowedHeaders",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: null,
      },
    ],
    koa: [
      {
        kind: "add-items",
        option: "allowHeaders",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: null,
      },
    ],
    hono: [
      {
        kind: "add-items",
        option: "allowHeaders",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: null,
      },
    ],
    django: [
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type", "x-api-key"] },
    ],
    "django-cors-headers": [
      {
        kind: "add-items",
        option: "CORS_ALLOW_HEADERS",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: 'CORS_ALLOW_HEADERS = [*default_headers, "content-type", "x-api-key"]',
      },
    ],
    fastapi: [
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: 'allow_headers=["content-type", "x-api-key"]',
      },
    ],
    "flask-cors": [
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: null,
        listFromString: true,
      },
    ],
    nginx: [
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type", "x-api-key"] },
    ],
    apache: [
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type", "x-api-key"] },
    ],
    caddy: [
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type", "x-api-key"] },
    ],
    s3: [{ kind: "add-items", option: "AllowedHeaders", items: ['"content-type"', '"x-api-key"'] }],
    spring: [
      {
        kind: "add-items",
        option: "allowedHeaders",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: null,
      },
    ],
    rails: [
      {
        kind: "add-items",
        option: "headers",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: 'headers: ["content-type", "x-api-key"]',
      },
    ],
    aspnet: [{ kind: "add-items", option: "WithHeaders", items: ['"content-type"', '"x-api-key"'] }],
    go: [{ kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type", "x-api-key"] }],
    "go-rs-cors": [
      {
        kind: "add-items",
        option: "AllowedHeaders",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent:
          'AllowedHeaders: []string{"Origin", "Accept", "Content-Type", "X-Requested-With", "content-type", "x-api-key"}',
      },
    ],
    "gorilla-handlers": [
      {
        kind: "add-items",
        option: "AllowedHeaders",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: 'handlers.AllowedHeaders([]string{"content-type", "x-api-key"})',
      },
    ],
    php: [
      { kind: "add-items", option: "Access-Control-Allow-Headers", items: ["content-type", "x-api-key"] },
    ],
    laravel: [
      {
        kind: "add-items",
        option: "allowed_headers",
        items: ["'content-type'", "'x-api-key'"],
        whenAbsent: "'allowed_headers' => ['content-type', 'x-api-key'],",
      },
    ],
    "aiohttp-cors": [
      {
        kind: "add-items",
        option: "allow_headers",
        items: ['"content-type"', '"x-api-key"'],
        whenAbsent: 'allow_headers=["content-type", "x-api-key"]',
      },
    ],
  },
  beforeRoutes: {
    "generic-headers": [],
    express: [{ kind: "move", statement: "cors(", after: "const app = express()" }],
    fastify: [{ kind: "move", statement: "register(cors", after: "const app = fastify()" }],
    koa: [{ kind: "move", statement: "cors(", after: "const app = new Koa()" }],
    hono: [{ kind: "move", statement: "cors(", after: "const app = new Hono()" }],
    django: [],
    "django-cors-headers": [],
    fastapi: [{ kind: "move", statement: "add_middleware(CORSMiddleware", after: null }],
    "flask-cors": [],
    nginx: [],
    apache: [],
    caddy: [],
    s3: [],
    spring: [],
    rails: [],
    aspnet: [],
    go: [],
    "go-rs-cors": [{ kind: "wrap", wrapper: "c.Handler", in: "http.ListenAndServe" }],
    "gorilla-handlers": [{ kind: "wrap", wrapper: "handlers.CORS", in: "http.ListenAndServe" }],
    php: [],
    laravel: [],
    "aiohttp-cors": [],
  },
  purge: {
    "generic-headers": [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] }],
    express: [
      {
        kind: "add-items",
        option: "methods",
        items: ['"PURGE"'],
        whenAbsent: 'methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "PURGE"]',
      },
    ],
    fastify: [
      {
        kind: "add-items",
        option: "methods",
        items: ['"PURGE"'],
        whenAbsent: 'methods: ["GET", "HEAD", "POST", "PURGE"]',
      },
    ],
    koa: [
      {
        kind: "add-items",
        option: "allowMethods",
        items: ['"PURGE"'],
        whenAbsent: 'allowMethods: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "PURGE"]',
      },
    ],
    hono: [
      {
        kind: "add-items",
        option: "allowMethods",
        items: ['"PURGE"'],
        whenAbsent: 'allowMethods: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "PURGE"]',
      },
    ],
    django: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] }],
    "django-cors-headers": [
      {
        kind: "add-items",
        option: "CORS_ALLOW_METHODS",
        items: ['"PURGE"'],
        whenAbsent: 'CORS_ALLOW_METHODS = [*default_methods, "PURGE"]',
      },
    ],
    fastapi: [
      {
        kind: "add-items",
        option: "allow_methods",
        items: ['"PURGE"'],
        whenAbsent: 'allow_methods=["GET", "PURGE"]',
      },
    ],
    "flask-cors": [
      {
        kind: "add-items",
        option: "methods",
        items: ['"PURGE"'],
        whenAbsent: 'methods=["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE", "PURGE"]',
      },
    ],
    nginx: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] }],
    apache: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] }],
    caddy: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] }],
    // S3 takes no PURGE (put-bucket-cors rejects it): no edit adds it, as its snippet leaves it out.
    s3: [],
    spring: [{ kind: "add-items", option: "allowedMethods", items: ['"PURGE"'] }],
    rails: [
      { kind: "add-items", option: "methods", items: [":purge"], whenAbsent: "methods: [:get, :purge]" },
    ],
    aspnet: [{ kind: "add-items", option: "WithMethods", items: ['"PURGE"'] }],
    go: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] }],
    "go-rs-cors": [
      {
        kind: "add-items",
        option: "AllowedMethods",
        items: ['"PURGE"'],
        whenAbsent: 'AllowedMethods: []string{"GET", "POST", "HEAD", "PURGE"}',
      },
    ],
    "gorilla-handlers": [
      {
        kind: "add-items",
        option: "AllowedMethods",
        items: ['"PURGE"'],
        whenAbsent: 'handlers.AllowedMethods([]string{"GET", "HEAD", "POST", "PURGE"})',
      },
    ],
    php: [{ kind: "add-items", option: "Access-Control-Allow-Methods", items: ["PURGE"] }],
    laravel: [
      {
        kind: "add-items",
        option: "allowed_methods",
        items: ["'PURGE'"],
        whenAbsent: "'allowed_methods' => ['PURGE'],",
      },
    ],
    "aiohttp-cors": [
      {
        kind: "add-items",
        option: "allow_methods",
        items: ['"PURGE"'],
        whenAbsent: 'allow_methods=["PURGE"]',
      },
    ],
  },
};

describe("the edits of each stack's change", () => {
  for (const [situation, stacks] of Object.entries(EDITS))
    it.each(Object.entries(stacks ?? {}))(`${situation}: %s`, (stack, edits) => {
      expect(stackFix(situation as Situation, stack).edits ?? []).toEqual(edits);
    });
});

describe("the change sentences", () => {
  it("no CORS set-up seen: every stack says to add its snippet, and has no edit", () => {
    for (const stack of ["nginx", "express", "django-cors-headers", "rails", "go-rs-cors", "laravel"]) {
      const fix = stackFix("origin", stack);
      expect(fix.change, stack).toBe(
        "No response from this server carried a CORS header: add the set-up below where it says, and its import if your file does not have it yet.",
      );
      expect(fix.edits, stack).toBeUndefined();
    }
  });

  it("an order focus where the stack has no move: no change, the snippet is the fix", () => {
    for (const stack of ["nginx", "django-cors-headers", "flask-cors", "spring", "rails", "laravel"])
      expect(stackFix("auth", stack).change, stack).toBeNull();
  });

  it("the moves, wraps and sets say where, in the stack's words", () => {
    expect(stackFix("auth", "express").change).toBe(
      "Move `app.use(cors({…}))` up to the line right after `const app = express()`, above every other middleware, hook and route; its options stay as they are. Above your authentication middleware: it answers preflights (which carry no credentials) itself.",
    );
    expect(stackFix("route", "koa").change).toBe(
      "Move `app.use(cors({…}))` up to the line right after `const app = new Koa()`, above every other middleware, hook and route; its options stay as they are.",
    );
    expect(stackFix("redirect", "fastapi").change).toBe(
      "Move `app.add_middleware(CORSMiddleware, …)` to the end of the module, after every other middleware: the last one added runs first, so CORS then answers before the others; its options stay as they are.",
    );
    expect(stackFix("error", "fastify").change).toBe(
      'In `app.register(cors, {…})`, set `hook` to `"onRequest"`.',
    );
    expect(stackFix("auth", "gorilla-handlers").change).toBe(
      "Keep your `handlers.CORS(…)` as it is and make `handlers.CORS(…)` the outermost handler you pass to `http.ListenAndServe`, outside authentication and the mux (`http.ListenAndServe(addr, handlers.CORS(…)(auth(mux)))`), so it answers preflights before anything else.",
    );
    expect(stackFix("error", "go-rs-cors").change).toBe(
      "Keep your `cors.Options{…}` as it is and make `c.Handler(…)` the outermost handler you pass to `http.ListenAndServe`, outside authentication and the mux (`http.ListenAndServe(addr, c.Handler(auth(mux)))`), so it answers preflights before anything else.",
    );
    expect(stackFix("auth", "aiohttp-cors").change).toBe(
      "Add the middleware below just above your `aiohttp_cors.setup(…)` call: it goes first in `app.middlewares`, so a preflight reaches aiohttp-cors before your authentication middleware; your set-up stays as it is.",
    );
    expect(stackFix("error", "fastapi").change).toBe(
      'Add the middleware below (from `@app.middleware("http")` on) just above your `app.add_middleware(CORSMiddleware, …)`, so that CORS wraps it and an unhandled exception becomes a 500 with CORS headers; your CORSMiddleware stays as it is.',
    );
  });

  it("the inserted code is the snippet's own", () => {
    const fix = stackFix("error", "fastapi");
    const insert = (fix.edits ?? [])[0] as { code: string };
    expect(fix.snippet).toContain(insert.code);
    expect(insert.code.split("\n")).toContain("async def errors_inside_cors(request, call_next):");
    const aiohttp = stackFix("auth", "aiohttp-cors");
    expect(aiohttp.edits?.[0]).toMatchObject({ kind: "insert", before: "aiohttp_cors.setup(" });
    expect(((aiohttp.edits ?? [])[0] as { code: string }).code.split("\n").at(-1)).toBe(
      "app.middlewares.insert(0, cors_preflight_first)",
    );
  });

  it("a header fix leaves origins and credentials alone; a credentials fix names the stack's set-up", () => {
    expect(stackFix("headers", "nginx").change).toBe(
      "In your `add_header Access-Control-…` lines, add x-api-key to `Access-Control-Allow-Headers`, keeping what it already lists.",
    );
    expect(stackFix("credentials", "php").change).toBe(
      `In your \`header('Access-Control-…')\` lines, replace \`*\` in \`Access-Control-Allow-Origin\` with ${PAGE}: a request with credentials never matches \`*\`. Other origins that used \`*\` need to be listed too. In your \`header('Access-Control-…')\` lines, set \`Access-Control-Allow-Credentials\` to \`true\`.`,
    );
    expect(stackFix("methods", "s3").change).toBe(
      'In the bucket\'s CORS rule, add "PUT" to `AllowedMethods`, keeping what it already lists.',
    );
  });

  it("a call with no value is said as the call to add, not a value to set", () => {
    expect(stackFix("credentials", "aspnet").change).toBe(
      `In your \`AddCors\` policy, replace \`*\` in \`WithOrigins\` with "${PAGE}": a request with credentials never matches \`*\`. Other origins that used \`*\` need to be listed too. In your \`AddCors\` policy, add \`.AllowCredentials()\`.`,
    );
    expect(stackFix("credentials", "gorilla-handlers").change).toMatch(
      /In `handlers\.CORS\(…\)`, add `handlers\.AllowCredentials\(\)`\.$/,
    );
    expect(stackFix("credentials", "gorilla-handlers", "ko").change).toMatch(
      /`handlers\.CORS\(…\)`에 `handlers\.AllowCredentials\(\)`을\(를\) 추가하세요\.$/,
    );
    expect(stackFix("credentials", "aspnet").change).not.toContain("`()`");
  });

  it("django-cors-headers: `*` comes from CORS_ALLOW_ALL_ORIGINS, never from an absent CORS_ALLOWED_ORIGINS", () => {
    // Its CORS_ALLOWED_ORIGINS defaults to no origin at all
    // (https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/defaults.py).
    const change = stackFix("credentials", "django-cors-headers").change ?? "";
    expect(change).toBe(
      `In settings.py, \`*\` comes from \`CORS_ALLOW_ALL_ORIGINS\`: set it to \`False\`, and add "${PAGE}" to \`CORS_ALLOWED_ORIGINS\`, keeping what it already lists (where \`CORS_ALLOWED_ORIGINS\` is not set yet, add \`CORS_ALLOWED_ORIGINS = ["${PAGE}"]\`): a request with credentials never matches \`*\`. Other origins that used \`*\` need to be listed too. In settings.py, set \`CORS_ALLOW_CREDENTIALS\` to \`True\`.`,
    );
    expect(change).not.toContain("is the default");
    expect(stackFix("credentials", "django-cors-headers", "ko").change).toContain(
      "settings.py의 `*`는 `CORS_ALLOW_ALL_ORIGINS`에서 옵니다. 이를 `False`(으)로 설정하고",
    );
  });

  it("several origins replace `*` in one list; a one-value header cannot take them", () => {
    expect(stackFix("starSeveral", "express").change).toBe(
      `In \`app.use(cors({…}))\`, replace \`*\` in \`origin\` with "${PAGE}", "https://app.example.com" (where \`origin\` is not set, \`*\` is the default: add \`origin: ["${PAGE}", "https://app.example.com"]\`): a request with credentials never matches \`*\`. Other origins that used \`*\` need to be listed too.`,
    );
    expect(stackFix("starSeveral", "nginx").change).toBeNull();
  });

  it("flask-cors: a string option is one regular expression to it, said with the change", () => {
    expect(stackFix("headers", "flask-cors").change).toBe(
      "In `CORS(app, …)`, add \"x-api-key\" to `allow_headers`, keeping what it already lists (where `allow_headers` is not set, it already allows every header asked for: leave it out). If `allow_headers` is one string (`'a, b'`), the library reads it as one regular expression, which matches no single name: first make it a list of the string's names (`allow_headers=['a', 'b']`), then add them.",
    );
  });

  it("what the page's other requests lack rides along with the change at fault", () => {
    expect(stackFix("credentialsAndHeader", "nginx").change).toBe(
      `In your \`add_header Access-Control-…\` lines, replace \`*\` in \`Access-Control-Allow-Origin\` with ${PAGE}: a request with credentials never matches \`*\`. Other origins that used \`*\` need to be listed too. In your \`add_header Access-Control-…\` lines, set \`Access-Control-Allow-Credentials\` to \`true\`. In your \`add_header Access-Control-…\` lines, add x-api-key to \`Access-Control-Allow-Headers\`, keeping what it already lists.`,
    );
  });

  it("in Korean, the set-up named in the reader's language", () => {
    for (const [stack, setup] of [
      ["nginx", "`add_header Access-Control-…` 줄"],
      ["apache", "`Header always set Access-Control-…` 줄"],
      ["php", "`header('Access-Control-…')` 줄"],
    ] as const)
      expect(stackFix("methods", stack, "ko").change, stack).toContain(setup);
    expect(stackFix("methods", "express", "ko").change).toContain("`app.use(cors({…}))`");
  });
});

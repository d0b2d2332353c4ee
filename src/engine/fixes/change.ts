/**
 * The change to the set-up the user already has, before any snippet: the one option at fault, in
 * the words and syntax of that stack's configuration, with everything else left as it is. A list
 * is extended, never replaced by the requests this page happened to make, so what the old set-up
 * allowed (other origins, headers, methods, routes) keeps working.
 */
import type { Lang, MessageKey } from "../../i18n";
import type { FixEdit, Stack } from "../types";
import { aiohttpPreflightFirst } from "./aiohttp-cors";
import { words as apacheWords } from "./apache";
import { words as aspnetWords } from "./aspnet";
import { words as caddyWords } from "./caddy";
import { words as djangoWords } from "./django";
import { expressNote } from "./express";
import { fastapiErrors } from "./fastapi";
import { words as genericHeadersWords } from "./generic-headers";
import { words as goWords } from "./go";
import { phpQuoted } from "./laravel";
import { words as nginxWords } from "./nginx";
import { words as phpWords } from "./php";
import type { FixRequest } from "./policy";
import { words as railsWords } from "./rails";
import { S3_METHODS, words as s3Words } from "./s3";
import { words as springWords } from "./spring";

type ServerStack = Exclude<Stack, "client">;

/** How one option is named in the stack's configuration, and how its items are written. */
interface OptionName {
  option: string;
  item?: (value: string) => string;
  /**
   * What the library allows where the option is absent (its source's default): an absent option
   * is written as these plus the new items, never as the new items alone.
   */
  defaults?: readonly string[];
  /** The option holds one value, not a list (a response header's `Access-Control-Allow-Origin`). */
  single?: boolean;
  /**
   * Left out, the library answers every header a preflight asks for: an absent option already
   * allows anything, and writing one (even with the new items) would narrow it.
   */
  mirrors?: boolean;
  /**
   * A string value is one regular expression to the library, not a comma-joined list: the change
   * says to make it a list of its names before adding (the edit's `listFromString`).
   */
  stringIsRegex?: boolean;
  /**
   * The only values the option takes: one the server refuses is never added (S3's AllowedMethods
   * takes GET, PUT, POST, DELETE and HEAD; put-bucket-cors rejects any other).
   */
  accepts?: ReadonlySet<string>;
}

/** A stack's CORS set-up, as its users write it. */
export interface Vocabulary {
  /**
   * The set-up as a sentence names it: code, never translated ("`app.use(cors({…}))`"), or words
   * of the stack's room in the reader's language ("your `add_header Access-Control-…` lines").
   */
  setup: string | ((lang: Lang) => string);
  origins?: OptionName;
  methods?: OptionName;
  headers?: OptionName;
  /**
   * The option that allows credentials and its value; `call` where it is a call with no value
   * (ASP.NET Core's `.AllowCredentials()`, gorilla/handlers' `handlers.AllowCredentials()`).
   */
  credentials?: { option: string; value: string; call?: string };
  /**
   * Where the set-up answers `*` because of another setting, not because the origins option says
   * `*` or is absent: that setting and the value that turns it off (django-cors-headers'
   * `CORS_ALLOW_ALL_ORIGINS`; its `CORS_ALLOWED_ORIGINS` defaults to no origin at all).
   */
  starFrom?: { option: string; value: string };
  /** How a list item is written, unless the option says otherwise. */
  item: (value: string) => string;
  /** An option with a list, as the set-up writes it (`allowedHeaders: ["a"]`, `allow_headers=["a"]`). */
  assign?: (option: string, items: string) => string;
  /**
   * Where middleware order is the mistake (auth, a redirect or a body parser answering first):
   * the statement to move and the line it goes right after.
   */
  move?: { statement: string; after: string | null };
  /** Where the CORS handler must wrap everything else (Go): the wrapper and the call it goes in. */
  wrap?: {
    wrapper: string;
    in: string;
    /** The wrapper is called twice, options then handler (`handlers.CORS(…)(router)`). */
    curried?: boolean;
  };
  /** Code that goes right before the set-up for a focus (a middleware CORS must wrap). */
  inserts?: Partial<
    Record<
      FixRequest["focus"],
      {
        code: (request: FixRequest) => string;
        key: MessageKey;
        /** The statement the code goes above, where it is not the moved one (`move.statement`). */
        before?: string;
      }
    >
  >;
  /** Where an option, not the order, decides a focus: the option and the value that fixes it. */
  sets?: Partial<Record<FixRequest["focus"], { option: string; value: string }>>;
}

/** The focuses whose fix is where the set-up sits, not what it says. */
const ORDER_FOCUSES: ReadonlySet<FixRequest["focus"]> = new Set([
  "preflight-before-auth",
  "error-responses",
  "before-routes",
  "no-preflight-redirect",
  "preflight-route",
]);

const jsAssign = (option: string, items: string) => `${option}: [${items}]`;
const pyAssign = (option: string, items: string) => `${option}=[${items}]`;

const js = (v: string) => JSON.stringify(v);
const py = (v: string) => JSON.stringify(v);
const plain = (v: string) => v;

/** The response-header form (nginx, Apache, Caddy, hand-written middleware): one comma-joined value per header. */
function headerLines(setup: (lang: Lang) => string): Vocabulary {
  return {
    setup,
    origins: { option: "Access-Control-Allow-Origin", single: true },
    methods: { option: "Access-Control-Allow-Methods" },
    headers: { option: "Access-Control-Allow-Headers" },
    credentials: { option: "Access-Control-Allow-Credentials", value: "true" },
    item: plain,
  };
}

export const VOCABULARY: Record<ServerStack, Vocabulary> = {
  "generic-headers": headerLines((lang) => genericHeadersWords(lang)("setup")),
  // cors: methods default GET,HEAD,PUT,PATCH,POST,DELETE; allowedHeaders default reflects the
  // request's (https://github.com/expressjs/cors/blob/master/lib/index.js, `defaults`).
  express: {
    setup: "`app.use(cors({…}))`",
    origins: { option: "origin" },
    methods: { option: "methods", defaults: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"] },
    headers: { option: "allowedHeaders", mirrors: true },
    credentials: { option: "credentials", value: "true" },
    item: js,
    assign: jsAssign,
    move: { statement: "cors(", after: "const app = express()" },
  },
  // @fastify/cors 10+: methods default GET,HEAD,POST; allowedHeaders reflects the request's
  // (https://github.com/fastify/fastify-cors/blob/main/index.js, `defaultOptions`).
  fastify: {
    setup: "`app.register(cors, {…})`",
    origins: { option: "origin" },
    methods: { option: "methods", defaults: ["GET", "HEAD", "POST"] },
    headers: { option: "allowedHeaders", mirrors: true },
    credentials: { option: "credentials", value: "true" },
    item: js,
    assign: jsAssign,
    // Fastify defers addHook() behind earlier register() calls (fastify.js `addHook` → `this.after`),
    // so the order of the statements is the order of the hooks.
    move: { statement: "register(cors", after: "const app = fastify()" },
    // `hook: "preHandler"` runs after body parsing, whose 400 then has no CORS headers; the default
    // hook, onRequest, runs before it (fastify-cors README, "hook").
    sets: { "error-responses": { option: "hook", value: '"onRequest"' } },
  },
  // @koa/cors takes one origin string or a function, not a list: an origin is added in the snippet's function.
  koa: {
    setup: "`app.use(cors({…}))`",
    methods: { option: "allowMethods", defaults: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"] },
    headers: { option: "allowHeaders", mirrors: true },
    credentials: { option: "credentials", value: "true" },
    item: js,
    assign: jsAssign,
    move: { statement: "cors(", after: "const app = new Koa()" },
  },
  // hono/cors: allowMethods default GET,HEAD,PUT,POST,DELETE,PATCH; an empty allowHeaders reflects
  // the request's (https://github.com/honojs/hono/blob/main/src/middleware/cors/index.ts).
  hono: {
    setup: '`app.use("*", cors({…}))`',
    origins: { option: "origin" },
    methods: { option: "allowMethods", defaults: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"] },
    headers: { option: "allowHeaders", mirrors: true },
    credentials: { option: "credentials", value: "true" },
    item: js,
    assign: jsAssign,
    move: { statement: "cors(", after: "const app = new Hono()" },
  },
  django: headerLines((lang) => djangoWords(lang)("setup")),
  "django-cors-headers": {
    setup: "settings.py",
    origins: { option: "CORS_ALLOWED_ORIGINS" },
    // django-cors-headers' defaults (corsheaders/defaults.py) already allow some: an absent setting is
    // extended from them, never replaced by the names this page sent.
    methods: { option: "CORS_ALLOW_METHODS", defaults: ["*default_methods"] },
    headers: { option: "CORS_ALLOW_HEADERS", defaults: ["*default_headers"] },
    credentials: { option: "CORS_ALLOW_CREDENTIALS", value: "True" },
    // https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/middleware.py:
    // `*` only where CORS_ALLOW_ALL_ORIGINS is set (and credentials are not allowed).
    starFrom: { option: "CORS_ALLOW_ALL_ORIGINS", value: "False" },
    item: py,
    // A list, as the snippet writes it: `("a")` is a str, whose characters the library would read as
    // origins (corsheaders.E013; https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/checks.py).
    assign: (option, items) => `${option} = [${items}]`,
  },
  // Starlette: allow_methods default ("GET",), allow_headers default () (starlette/middleware/cors.py).
  // The last middleware added runs first (Starlette `build_middleware_stack`): CORS goes last.
  fastapi: {
    move: { statement: "add_middleware(CORSMiddleware", after: null },
    inserts: { "error-responses": { code: fastapiErrors, key: "fix.change.insert-fastapi-errors" } },
    setup: "`app.add_middleware(CORSMiddleware, …)`",
    origins: { option: "allow_origins" },
    methods: { option: "allow_methods", defaults: ["GET"] },
    headers: { option: "allow_headers" },
    credentials: { option: "allow_credentials", value: "True" },
    item: py,
    assign: pyAssign,
  },
  // flask-cors: methods default ALL_METHODS, allow_headers default "*" (flask_cors/core.py, DEFAULT_OPTIONS).
  // `origins` and `allow_headers` given as one string are one pattern each: serialize_options wraps
  // a string in a list (sanitize_regex_param → ensure_iterable), so 'a, b' matches no single name
  // (https://github.com/corydolphin/flask-cors/blob/master/flask_cors/core.py; flask-cors#145).
  "flask-cors": {
    setup: "`CORS(app, …)`",
    origins: { option: "origins", stringIsRegex: true },
    methods: { option: "methods", defaults: ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"] },
    headers: { option: "allow_headers", mirrors: true, stringIsRegex: true },
    credentials: { option: "supports_credentials", value: "True" },
    item: py,
    assign: pyAssign,
  },
  nginx: headerLines((lang) => nginxWords(lang)("setup")),
  apache: headerLines((lang) => apacheWords(lang)("setup")),
  caddy: headerLines((lang) => caddyWords(lang)("setup")),
  s3: {
    setup: (lang) => s3Words(lang)("setup"),
    origins: { option: "AllowedOrigins" },
    methods: { option: "AllowedMethods", accepts: S3_METHODS },
    headers: { option: "AllowedHeaders" },
    item: js,
  },
  spring: {
    setup: (lang) => springWords(lang)("setup"),
    origins: { option: "allowedOrigins" },
    methods: { option: "allowedMethods" },
    headers: { option: "allowedHeaders", mirrors: true },
    credentials: { option: "allowCredentials", value: "true" },
    item: js,
  },
  rails: {
    setup: (lang) => railsWords(lang)("setup"),
    origins: { option: "origins" },
    // Left out, rack-cors allows GET alone (Resource#initialize, `|| [:get]`:
    // https://github.com/cyu/rack-cors/blob/master/lib/rack/cors/resource.rb): kept when written.
    methods: { option: "methods", item: (m) => `:${m.toLowerCase()}`, defaults: ["GET"] },
    headers: { option: "headers" },
    credentials: { option: "credentials", value: "true" },
    item: js,
    assign: jsAssign,
  },
  aspnet: {
    setup: (lang) => aspnetWords(lang)("setup"),
    origins: { option: "WithOrigins" },
    methods: { option: "WithMethods" },
    headers: { option: "WithHeaders" },
    credentials: { option: "AllowCredentials", value: "()", call: ".AllowCredentials()" },
    item: js,
  },
  // config/cors.php, read by fruitcake/php-cors (src/CorsService.php): a key left out is [] (nothing
  // allowed), so an absent list is written with the new items alone; Laravel's own file ships
  // ['*'] for methods, origins and headers (https://github.com/laravel/laravel/blob/master/config/cors.php).
  laravel: {
    setup: "config/cors.php",
    origins: { option: "allowed_origins" },
    methods: { option: "allowed_methods", defaults: [] },
    headers: { option: "allowed_headers", defaults: [] },
    credentials: { option: "supports_credentials", value: "true" },
    item: phpQuoted,
    assign: (option, items) => `'${option}' => [${items}],`,
  },
  // header() lines: a list is one comma-joined value, extended in place.
  php: headerLines((lang) => phpWords(lang)("setup")),
  go: headerLines((lang) => goWords(lang)("setup")),
  // rs/cors: AllowedMethods default GET, POST, HEAD; AllowedHeaders default Origin, Accept,
  // Content-Type, X-Requested-With (https://github.com/rs/cors/blob/master/cors.go, `New`).
  "go-rs-cors": {
    setup: "`cors.Options{…}`",
    origins: { option: "AllowedOrigins" },
    methods: { option: "AllowedMethods", defaults: ["GET", "POST", "HEAD"] },
    headers: { option: "AllowedHeaders", defaults: ["Origin", "Accept", "Content-Type", "X-Requested-With"] },
    credentials: { option: "AllowCredentials", value: "true" },
    item: js,
    assign: (option, items) => `${option}: []string{${items}}`,
    // rs/cors answers preflights itself only where its handler is outermost, outside auth and the mux.
    wrap: { wrapper: "c.Handler", in: "http.ListenAndServe" },
  },
  // gorilla/handlers 1.5.1 (https://github.com/gorilla/handlers/blob/v1.5.1/cors.go): AllowedMethods
  // replaces the default GET, HEAD, POST; AllowedHeaders appends to Accept, Accept-Language,
  // Content-Language, Origin, so an absent option is written with the new names alone; no
  // AllowedOrigins (or "*") answers `*`.
  "gorilla-handlers": {
    setup: "`handlers.CORS(…)`",
    origins: { option: "AllowedOrigins" },
    methods: { option: "AllowedMethods", defaults: ["GET", "HEAD", "POST"] },
    headers: { option: "AllowedHeaders" },
    credentials: { option: "AllowCredentials", value: "()", call: "handlers.AllowCredentials()" },
    item: js,
    assign: (option, items) => `handlers.${option}([]string{${items}})`,
    // Its preflight answer comes only where it is outermost, outside auth (cors.go, `ServeHTTP`).
    wrap: { wrapper: "handlers.CORS", in: "http.ListenAndServe", curried: true },
  },
  // aiohttp-cors 0.7.0 (https://github.com/aio-libs/aiohttp-cors/blob/v0.7.0/aiohttp_cors/resource_options.py):
  // allow_headers defaults to () (no header beyond the safelisted ones), allow_methods to None (only
  // the methods of routes passed to cors.add); "*" in either allows all. Origins are the keys of the
  // `defaults` dict, each with its own ResourceOptions: a new origin is a new key (the snippet).
  "aiohttp-cors": {
    setup: "`aiohttp_cors.ResourceOptions(…)`",
    methods: { option: "allow_methods", defaults: [] },
    headers: { option: "allow_headers", defaults: [] },
    credentials: { option: "allow_credentials", value: "True" },
    item: py,
    assign: pyAssign,
    // An aiohttp middleware runs before every route's handler, aiohttp-cors's preflight handler
    // included: the preflight is handed to that handler first.
    inserts: {
      "preflight-before-auth": {
        code: aiohttpPreflightFirst,
        key: "fix.change.insert-aiohttp-preflight",
        before: "aiohttp_cors.setup(",
      },
    },
  },
};

/** Structural focuses: the change is where the set-up sits, said by the stack's note when it has one. */
const STRUCTURAL_NOTES: Partial<
  Record<ServerStack, (focus: FixRequest["focus"], lang: Lang) => string | null>
> = {
  express: expressNote,
};

export interface Change {
  change: string | null;
  edits: FixEdit[];
}

/** The change for one stack: an edit of the options at fault where the set-up exists, else null (the snippet is the change). */
export function changeFor(stack: ServerStack, request: FixRequest): Change {
  const { delta, focus, t } = request;
  const v = VOCABULARY[stack];
  const setup = typeof v.setup === "string" ? v.setup : v.setup(t.lang);
  const none: Change = { change: null, edits: [] };
  // An order mistake hides the set-up (it never ran): the move is the change, and the snippet
  // serves an app that has none.
  if (!delta.configured && !ORDER_FOCUSES.has(focus)) return { change: t("fix.change.no-setup"), edits: [] };
  const note = STRUCTURAL_NOTES[stack]?.(focus, t.lang) ?? null;
  const sentences: string[] = [];
  const edits: FixEdit[] = [];
  const add = (name: OptionName | undefined, all: string[]): boolean => {
    const items = name?.accepts ? all.filter((i) => name.accepts?.has(i.toUpperCase())) : all;
    // One value cannot take a second origin: the snippet (a map or a reflected allow-list) is the change.
    if (!name || items.length === 0 || name.single) return false;
    const written = items.map(name.item ?? v.item);
    // Starred defaults (`*default_headers`) are Python unpacking, written as they are.
    const defaults = (name.defaults ?? []).map((d) => (d.startsWith("*") ? d : (name.item ?? v.item)(d)));
    const absent = name.mirrors
      ? undefined
      : v.assign?.(name.option, [...new Set([...defaults, ...written])].join(", "));
    sentences.push(
      t("fix.change.add", {
        setup,
        option: name.option,
        items: written.join(", "),
        hasAbsent: name.mirrors ? "mirrors" : absent ? "yes" : "no",
        absent: absent ?? "",
      }) + (name.stringIsRegex ? ` ${t("fix.change.string-regex", { option: name.option, setup })}` : ""),
    );
    edits.push({
      kind: "add-items",
      option: name.option,
      items: written,
      ...(name.mirrors ? { whenAbsent: null } : absent ? { whenAbsent: absent } : {}),
      ...(name.stringIsRegex ? { listFromString: true } : {}),
    });
    return true;
  };
  switch (focus) {
    case "headers":
      add(v.headers, delta.headers);
      break;
    case "methods":
      add(v.methods, delta.methods);
      break;
    case "allow-origin":
    case "null-origin":
      if (delta.starToOrigins) break;
      add(v.origins, delta.origins);
      break;
    case "credentials":
      break;
    default: {
      const insert = v.inserts?.[focus];
      if (insert) {
        const code = insert.code(request);
        return {
          change: t(insert.key),
          edits: [{ kind: "insert", code, before: insert.before ?? v.move?.statement ?? "" }],
        };
      }
      const set = v.sets?.[focus];
      if (set)
        return {
          change: t("fix.change.set", { setup, option: set.option, value: set.value }),
          edits: [{ kind: "set", option: set.option, value: set.value }],
        };
      if (ORDER_FOCUSES.has(focus) && v.wrap)
        return {
          change: t("fix.change.wrap", {
            wrapper: v.wrap.wrapper,
            in: v.wrap.in,
            setup,
            curried: v.wrap.curried ? "yes" : "no",
          }),
          edits: [{ kind: "wrap", wrapper: v.wrap.wrapper, in: v.wrap.in }],
        };
      if (ORDER_FOCUSES.has(focus) && v.move) {
        const moved =
          v.move.after === null
            ? t("fix.change.move-last", { setup })
            : t("fix.change.move", { setup, after: v.move.after });
        return {
          change: note ? `${moved} ${note}` : moved,
          edits: [{ kind: "move", statement: v.move.statement, after: v.move.after }],
        };
      }
      if (note) return { change: note, edits: [] };
      return none;
    }
  }
  // Origins and credentials change only where they are at fault: a header fix leaves them alone.
  if (
    focus === "credentials" ||
    ((focus === "allow-origin" || focus === "null-origin") && delta.starToOrigins)
  ) {
    const by = request.policy.origins.filter((o) => o !== "*").map(v.origins?.item ?? v.item);
    if (delta.starToOrigins && v.origins && v.starFrom) {
      const absent = v.assign?.(v.origins.option, by.join(", ")) ?? "";
      sentences.push(
        t("fix.change.star-from", {
          setup,
          from: v.starFrom.option,
          value: v.starFrom.value,
          option: v.origins.option,
          items: by.join(", "),
          absent,
        }),
      );
      edits.push(
        { kind: "set", option: v.starFrom.option, value: v.starFrom.value },
        { kind: "add-items", option: v.origins.option, items: by, whenAbsent: absent },
      );
    } else if (delta.starToOrigins && v.origins && (!v.origins.single || by.length === 1)) {
      // `cors({ credentials: true })` answers `*` without an `origin` option (expressjs/cors#119):
      // where the option is not written, the `*` is the library's default and the option is added.
      const absent = v.assign?.(v.origins.option, by.join(", "));
      sentences.push(
        t("fix.change.star", {
          setup,
          option: v.origins.option,
          items: by.join(", "),
          hasAbsent: absent ? "yes" : "no",
          absent: absent ?? "",
        }),
      );
      edits.push({
        kind: "replace-item",
        option: v.origins.option,
        item: (v.origins.item ?? v.item)("*"),
        by,
        ...(absent ? { whenAbsent: absent } : {}),
      });
    }
    if (delta.credentials && v.credentials) {
      sentences.push(
        v.credentials.call
          ? t("fix.change.call", { setup, call: v.credentials.call })
          : t("fix.change.set", { setup, option: v.credentials.option, value: v.credentials.value }),
      );
      edits.push({ kind: "set", option: v.credentials.option, value: v.credentials.value });
    }
  }
  // Page-wide: what the page's other requests to this API lack rides along with the change at fault.
  if (focus !== "headers" && delta.headers.length > 0 && sentences.length > 0) add(v.headers, delta.headers);
  if (focus !== "methods" && delta.methods.length > 0 && sentences.length > 0) add(v.methods, delta.methods);
  if (sentences.length === 0) return none;
  return { change: sentences.join(" "), edits };
}

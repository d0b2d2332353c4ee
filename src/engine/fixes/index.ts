/**
 * Fixes per server stack, rendered from one policy: the page's (every request it made of the API,
 * and what the server already allowed). Each says where it goes, and whether CORS Lens's own
 * real-server suite (`npm run test:fixes`) applied it to that server and saw the browser allow.
 */
import type { RoomWords, Translate } from "../../i18n";
import type { Fix, FixImport, Stack, StackPackage } from "../types";
import {
  aiohttpCors,
  words as aiohttpCorsWords,
  aiohttpImports,
  PACKAGE as aiohttpPackage,
} from "./aiohttp-cors";
import { apache, words as apacheWords } from "./apache";
import { aspnet, words as aspnetWords } from "./aspnet";
import { caddy, words as caddyWords } from "./caddy";
import { changeFor } from "./change";
import { django, words as djangoWords } from "./django";
import {
  djangoCorsHeaders,
  PACKAGE as djangoCorsHeadersPackage,
  words as djangoCorsHeadersWords,
} from "./django-cors-headers";
import { express, expressImports, PACKAGE as expressPackage, words as expressWords } from "./express";
import { fastapi, fastapiImports, words as fastapiWords } from "./fastapi";
import { fastify, fastifyImports, PACKAGE as fastifyPackage, words as fastifyWords } from "./fastify";
import { flaskCors, PACKAGE as flaskCorsPackage, words as flaskCorsWords, flaskImports } from "./flask-cors";
import { genericHeaders, words as genericHeadersWords } from "./generic-headers";
import { go, words as goWords } from "./go";
import { goRsCors, PACKAGE as goRsCorsPackage, words as goRsCorsWords } from "./go-rs-cors";
import {
  gorillaHandlers,
  PACKAGE as gorillaHandlersPackage,
  words as gorillaHandlersWords,
  gorillaImports,
} from "./gorilla-handlers";
import { hono, honoImports, words as honoWords } from "./hono";
import { koa, koaImports, PACKAGE as koaPackage, words as koaWords } from "./koa";
import { laravel, words as laravelWords } from "./laravel";
import { nginx, words as nginxWords } from "./nginx";
import { php, words as phpWords } from "./php";
import type { FixRequest } from "./policy";
import { rails, PACKAGE as railsPackage, words as railsWords } from "./rails";
import { s3, words as s3Words } from "./s3";
import { spring, words as springWords } from "./spring";
import { VERIFIED } from "./verified";

type ServerStack = Exclude<Stack, "client">;

interface Renderer {
  /** A product's own name, or the catalogue's words for a generic one. */
  title: string | ((t: Translate) => string);
  render: (request: FixRequest) => string;
  /** What the snippet needs imported, shown apart from it. */
  imports?: (request: FixRequest) => FixImport[];
  /** The library the fix is written for, where the framework does not include it. */
  package?: StackPackage;
  /** The stack's own words (its room: EN at the top of its file, KO in its .ko.ts); `where` says where the snippet goes. */
  words: RoomWords<"where">;
}

const RENDERERS: Record<ServerStack, Renderer> = {
  "generic-headers": {
    title: (t) => t("fix.title.generic-headers"),
    render: genericHeaders,
    words: genericHeadersWords,
  },
  express: {
    title: "Express (cors package)",
    render: express,
    package: expressPackage,
    imports: expressImports,
    words: expressWords,
  },
  fastify: {
    title: "Fastify (@fastify/cors)",
    render: fastify,
    package: fastifyPackage,
    imports: fastifyImports,
    words: fastifyWords,
  },
  koa: { title: "Koa (@koa/cors)", render: koa, imports: koaImports, package: koaPackage, words: koaWords },
  hono: { title: "Hono (hono/cors)", render: hono, imports: honoImports, words: honoWords },
  django: { title: (t) => t("fix.title.django"), render: django, words: djangoWords },
  "django-cors-headers": {
    title: "Django (django-cors-headers)",
    render: djangoCorsHeaders,
    package: djangoCorsHeadersPackage,
    imports: () => [{ form: null, code: "from corsheaders.defaults import default_headers" }],
    words: djangoCorsHeadersWords,
  },
  fastapi: {
    title: "FastAPI / Starlette",
    render: fastapi,
    imports: fastapiImports,
    words: fastapiWords,
  },
  "flask-cors": {
    title: "Flask (flask-cors)",
    render: flaskCors,
    package: flaskCorsPackage,
    imports: flaskImports,
    words: flaskCorsWords,
  },
  nginx: { title: "nginx", render: nginx, words: nginxWords },
  apache: { title: "Apache httpd", render: apache, words: apacheWords },
  caddy: { title: "Caddy", render: caddy, words: caddyWords },
  s3: {
    title: (t) => t("fix.title.s3"),
    render: s3,
    words: s3Words,
  },
  spring: {
    title: "Spring",
    render: spring,
    words: springWords,
  },
  rails: {
    title: "Rails / Rack (rack-cors)",
    render: rails,
    package: railsPackage,
    // A plain Rack app's config.ru requires its gems itself (Bundler.require does it for Rails, where
    // the line is harmless): without it, `use Rack::Cors` stops puma with NameError
    // (EFForg/phantom-of-the-capitol#100, rebuilt in test/fixes/never-seen).
    imports: () => [{ form: null, code: 'require "rack/cors"' }],
    words: railsWords,
  },
  aspnet: {
    title: "ASP.NET Core",
    render: aspnet,
    words: aspnetWords,
  },
  go: { title: (t) => t("fix.title.go"), render: go, words: goWords },
  "go-rs-cors": { title: "Go (rs/cors)", render: goRsCors, package: goRsCorsPackage, words: goRsCorsWords },
  "gorilla-handlers": {
    title: "Go (gorilla/handlers)",
    render: gorillaHandlers,
    package: gorillaHandlersPackage,
    imports: gorillaImports,
    words: gorillaHandlersWords,
  },
  php: { title: "PHP (header())", render: php, words: phpWords },
  laravel: { title: "Laravel (config/cors.php)", render: laravel, words: laravelWords },
  "aiohttp-cors": {
    title: "aiohttp (aiohttp-cors)",
    render: aiohttpCors,
    package: aiohttpPackage,
    imports: aiohttpImports,
    words: aiohttpCorsWords,
  },
};

/**
 * Each stack's library where its framework does not include it (hono/cors, FastAPI's CORSMiddleware
 * and the header-only fixes need nothing more): every fix of the stack says how to install it, and
 * `fix --config` checks the project declares it.
 */
export const STACK_PACKAGES: Readonly<Partial<Record<ServerStack, StackPackage>>> = Object.fromEntries(
  Object.entries(RENDERERS).flatMap(([stack, r]) => (r.package ? [[stack, r.package]] : [])),
);

/** The server stacks every header-fixable cause has a fix for, in the order the panel lists them. */
export const SERVER_STACKS = Object.keys(RENDERERS) as ServerStack[];

/** One fix per server stack for the policy and focus of a cause. */
export function serverFixes(request: FixRequest): Fix[] {
  return SERVER_STACKS.map((stack) => {
    const { change, edits } = changeFor(stack, request);
    return {
      stack,
      title: titleIn(RENDERERS[stack].title, request.t),
      change,
      ...(edits.length > 0 ? { edits } : {}),
      imports: RENDERERS[stack].imports?.(request) ?? [],
      snippet: RENDERERS[stack].render(request),
      where: RENDERERS[stack].words(request.t.lang)("where"),
      verified: verifiedIn(stack, request.t),
    };
  });
}

function verifiedIn(stack: ServerStack, t: Translate): string | null {
  const v = VERIFIED[stack];
  return v ? t("fix.verified", { versions: v.versions, on: v.on ?? "" }) : null;
}

function titleIn(title: Renderer["title"], t: Translate): string {
  return typeof title === "string" ? title : title(t);
}

/** A server stack's own words (its room), for the tests that check every room like the catalogue. */
export function stackWords(stack: ServerStack): RoomWords<"where"> {
  return RENDERERS[stack].words;
}

export function clientFix(title: string, snippet: string): Fix {
  return { stack: "client", title, snippet };
}

export type { CorsPolicy, FixFocus, FixRequest } from "./policy";

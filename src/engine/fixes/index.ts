/**
 * Fixes per server stack, rendered from one policy: the page's (every request it made of the API,
 * and what the server already allowed). Each says where it goes, and whether CORS Lens's own
 * real-server suite (`npm run test:fixes`) applied it to that server and saw the browser allow.
 */
import type { MessageKey, Translate } from "../../i18n";
import type { Fix, FixImport, Stack } from "../types";
import { aiohttpCors, aiohttpImports } from "./aiohttp-cors";
import { apache } from "./apache";
import { aspnet } from "./aspnet";
import { caddy } from "./caddy";
import { changeFor } from "./change";
import { django } from "./django";
import { djangoCorsHeaders } from "./django-cors-headers";
import { express, expressImports } from "./express";
import { fastapi, fastapiImports } from "./fastapi";
import { fastify, fastifyImports } from "./fastify";
import { flaskCors, flaskImports } from "./flask-cors";
import { genericHeaders } from "./generic-headers";
import { go } from "./go";
import { goRsCors } from "./go-rs-cors";
import { gorillaHandlers, gorillaImports } from "./gorilla-handlers";
import { hono, honoImports } from "./hono";
import { koa, koaImports } from "./koa";
import { laravel } from "./laravel";
import { nginx } from "./nginx";
import { php } from "./php";
import type { FixRequest } from "./policy";
import { rails } from "./rails";
import { s3 } from "./s3";
import { spring } from "./spring";
import { VERIFIED } from "./verified";

type ServerStack = Exclude<Stack, "client">;

interface Renderer {
  /** A product's own name, or the catalogue's words for a generic one. */
  title: string | MessageKey;
  render: (request: FixRequest) => string;
  /** What the snippet needs imported, shown apart from it. */
  imports?: (request: FixRequest) => FixImport[];
  where: MessageKey;
}

const RENDERERS: Record<ServerStack, Renderer> = {
  "generic-headers": {
    title: "fix.title.generic-headers",
    render: genericHeaders,
    where: "fix.generic-headers.where",
  },
  express: {
    title: "Express (cors package)",
    render: express,
    imports: expressImports,
    where: "fix.express.where",
  },
  fastify: {
    title: "Fastify (@fastify/cors)",
    render: fastify,
    imports: fastifyImports,
    where: "fix.fastify.where",
  },
  koa: { title: "Koa (@koa/cors)", render: koa, imports: koaImports, where: "fix.koa.where" },
  hono: { title: "Hono (hono/cors)", render: hono, imports: honoImports, where: "fix.hono.where" },
  django: { title: "fix.title.django", render: django, where: "fix.django.where" },
  "django-cors-headers": {
    title: "Django (django-cors-headers)",
    render: djangoCorsHeaders,
    imports: () => [{ form: null, code: "from corsheaders.defaults import default_headers" }],
    where: "fix.django-cors-headers.where",
  },
  fastapi: {
    title: "FastAPI / Starlette",
    render: fastapi,
    imports: fastapiImports,
    where: "fix.fastapi.where",
  },
  "flask-cors": {
    title: "Flask (flask-cors)",
    render: flaskCors,
    imports: flaskImports,
    where: "fix.flask-cors.where",
  },
  nginx: { title: "nginx", render: nginx, where: "fix.nginx.where" },
  apache: { title: "Apache httpd", render: apache, where: "fix.apache.where" },
  caddy: { title: "Caddy", render: caddy, where: "fix.caddy.where" },
  s3: {
    title: "fix.title.s3",
    render: s3,
    where: "fix.s3.where",
  },
  spring: {
    title: "Spring",
    render: spring,
    where: "fix.spring.where",
  },
  rails: {
    title: "Rails / Rack (rack-cors)",
    render: rails,
    // A plain Rack app's config.ru requires its gems itself (Bundler.require does it for Rails, where
    // the line is harmless): without it, `use Rack::Cors` stops puma with NameError
    // (EFForg/phantom-of-the-capitol#100, rebuilt in test/fixes/never-seen).
    imports: () => [{ form: null, code: 'require "rack/cors"' }],
    where: "fix.rails.where",
  },
  aspnet: {
    title: "ASP.NET Core",
    render: aspnet,
    where: "fix.aspnet.where",
  },
  go: { title: "fix.title.go", render: go, where: "fix.go.where" },
  "go-rs-cors": { title: "Go (rs/cors)", render: goRsCors, where: "fix.go-rs-cors.where" },
  "gorilla-handlers": {
    title: "Go (gorilla/handlers)",
    render: gorillaHandlers,
    imports: gorillaImports,
    where: "fix.gorilla-handlers.where",
  },
  php: { title: "PHP (header())", render: php, where: "fix.php.where" },
  laravel: { title: "Laravel (config/cors.php)", render: laravel, where: "fix.laravel.where" },
  "aiohttp-cors": {
    title: "aiohttp (aiohttp-cors)",
    render: aiohttpCors,
    imports: aiohttpImports,
    where: "fix.aiohttp-cors.where",
  },
};

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
      where: request.t(RENDERERS[stack].where),
      verified: verifiedIn(stack, request.t),
    };
  });
}

function verifiedIn(stack: ServerStack, t: Translate): string | null {
  const v = VERIFIED[stack];
  return v ? t("fix.verified", { versions: v.versions, on: v.on ?? "" }) : null;
}

function titleIn(title: string, t: Translate): string {
  return title.startsWith("fix.title.") ? t(title as MessageKey) : title;
}

export function clientFix(title: string, snippet: string): Fix {
  return { stack: "client", title, snippet };
}

export type { CorsPolicy, FixFocus, FixRequest } from "./policy";

/**
 * Fixes per server stack, rendered from one policy: the page's (every request it made of the API,
 * and what the server already allowed). Each says where it goes, and whether CORS Lens's own
 * real-server suite (`npm run test:fixes`) applied it to that server and saw the browser allow.
 */
import type { Fix, Stack } from "../types";
import { apache, apacheWhere } from "./apache";
import { aspnet } from "./aspnet";
import { caddy, caddyWhere } from "./caddy";
import { django, djangoWhere } from "./django";
import { djangoCorsHeaders, djangoCorsHeadersWhere } from "./django-cors-headers";
import { express, expressWhere } from "./express";
import { fastapi, fastapiWhere } from "./fastapi";
import { fastify, fastifyWhere } from "./fastify";
import { flaskCors, flaskCorsWhere } from "./flask-cors";
import { genericHeaders, genericWhere } from "./generic-headers";
import { go, goWhere } from "./go";
import { goRsCors, goRsCorsWhere } from "./go-rs-cors";
import { hono, honoWhere } from "./hono";
import { koa, koaWhere } from "./koa";
import { nginx, nginxWhere } from "./nginx";
import type { FixRequest } from "./policy";
import { rails, railsWhere } from "./rails";
import { s3 } from "./s3";
import { spring } from "./spring";
import { VERIFIED } from "./verified";

type ServerStack = Exclude<Stack, "client">;

interface Renderer {
  title: string;
  render: (request: FixRequest) => string;
  where: string;
}

const RENDERERS: Record<ServerStack, Renderer> = {
  "generic-headers": { title: "Response headers (any server)", render: genericHeaders, where: genericWhere },
  express: { title: "Express (cors package)", render: express, where: expressWhere },
  fastify: { title: "Fastify (@fastify/cors)", render: fastify, where: fastifyWhere },
  koa: { title: "Koa (@koa/cors)", render: koa, where: koaWhere },
  hono: { title: "Hono (hono/cors)", render: hono, where: honoWhere },
  django: { title: "Django (hand-written middleware)", render: django, where: djangoWhere },
  "django-cors-headers": {
    title: "Django (django-cors-headers)",
    render: djangoCorsHeaders,
    where: djangoCorsHeadersWhere,
  },
  fastapi: { title: "FastAPI / Starlette", render: fastapi, where: fastapiWhere },
  "flask-cors": { title: "Flask (flask-cors)", render: flaskCors, where: flaskCorsWhere },
  nginx: { title: "nginx", render: nginx, where: nginxWhere },
  apache: { title: "Apache httpd", render: apache, where: apacheWhere },
  caddy: { title: "Caddy", render: caddy, where: caddyWhere },
  s3: {
    title: "AWS S3 bucket CORS",
    render: s3,
    where:
      "The bucket's CORS configuration (console → Permissions → CORS, or `aws s3api put-bucket-cors`), replacing its rules.",
  },
  spring: {
    title: "Spring",
    render: spring,
    where:
      "A @Configuration class; with Spring Security also http.cors(), so preflights pass before authentication.",
  },
  rails: { title: "Rails / Rack (rack-cors)", render: rails, where: railsWhere },
  aspnet: {
    title: "ASP.NET Core",
    render: aspnet,
    where: "Program.cs: AddCors with the services, UseCors after UseRouting and before UseAuthentication.",
  },
  go: { title: "Go (net/http, hand-written)", render: go, where: goWhere },
  "go-rs-cors": { title: "Go (rs/cors)", render: goRsCors, where: goRsCorsWhere },
};

/** The server stacks every header-fixable cause has a fix for, in the order the panel lists them. */
export const SERVER_STACKS = Object.keys(RENDERERS) as ServerStack[];

/** One fix per server stack for the policy and focus of a cause. */
export function serverFixes(request: FixRequest): Fix[] {
  return SERVER_STACKS.map((stack) => ({
    stack,
    title: RENDERERS[stack].title,
    snippet: RENDERERS[stack].render(request),
    where: RENDERERS[stack].where,
    verified: VERIFIED[stack] ?? null,
  }));
}

export function clientFix(title: string, snippet: string): Fix {
  return { stack: "client", title, snippet };
}

export type { CorsPolicy, FixFocus, FixRequest } from "./policy";

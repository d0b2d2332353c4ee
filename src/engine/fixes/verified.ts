/**
 * Which stacks' fixes CORS Lens's real-server suite (`npm run test:fixes`, test/fixes/) applies
 * mechanically to that real server, with Chromium blocking before and allowing after, every
 * sibling request kept. The suite fails when a stack listed here is not run or does not pass every
 * case, or runs another version, so this table cannot claim more than was shown.
 */
import type { Stack } from "../types";

/** The versions the suite ran, and on what (the words: `fix.verified`). */
export interface Verified {
  versions: string;
  on?: "seed" | "proxy" | "rack";
}

export const VERIFIED: Partial<Record<Stack, Verified>> = {
  express: { versions: "express 5.3.0, cors 2.8.6" },
  fastify: { versions: "fastify 5.12.8, @fastify/cors 11.4.3" },
  koa: { versions: "koa 3.3.0, @koa/cors 5.0.0" },
  hono: { versions: "hono 4.13.19, @hono/node-server 2.1.9" },
  "django-cors-headers": { versions: "Django 3:3.2.25-0+deb12u7, django-cors-headers 3.14.0-1 (Debian)" },
  django: { versions: "Django 3:3.2.25-0+deb12u7 (Debian)", on: "seed" },
  "flask-cors": { versions: "Flask 2.2.2-3, flask-cors 3.0.10-2+deb12u1 (Debian)" },
  fastapi: { versions: "FastAPI 0.92.0-1, Starlette 0.26.1-1+deb12u2, uvicorn 0.17.6-1 (Debian)" },
  nginx: { versions: "nginx 1.22.1-9+deb12u11 (Debian)", on: "proxy" },
  apache: { versions: "Apache httpd 2.4.71-1~deb12u1 (Debian)" },
  caddy: { versions: "Caddy 2.6.2-5 (Debian)" },
  "go-rs-cors": { versions: "Go 2:1.19~1, rs/cors 1.7.0-4 (Debian)" },
  "gorilla-handlers": { versions: "Go 2:1.19~1, gorilla/handlers 1.5.1-3 (Debian)" },
  php: { versions: "PHP 8.2.36-1~deb12u1 (Debian)" },
  "aiohttp-cors": { versions: "aiohttp 3.8.4-1+deb12u2, aiohttp-cors 0.7.0-2 (Debian)" },
  rails: { versions: "rack-cors 1.1.1-1, Rack 2.2.22-0+deb12u2, puma 5.6.5-3+deb12u2 (Debian)", on: "rack" },
};

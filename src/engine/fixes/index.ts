/**
 * Fixes per server stack, rendered from one policy. Every snippet is concrete for the request at
 * hand: its real origin, method and header names.
 */
import type { Fix, Stack } from "../types";
import { apache } from "./apache";
import { aspnet } from "./aspnet";
import { django } from "./django";
import { djangoCorsHeaders } from "./django-cors-headers";
import { express } from "./express";
import { fastapi } from "./fastapi";
import { flaskCors } from "./flask-cors";
import { genericHeaders } from "./generic-headers";
import { go } from "./go";
import { nginx } from "./nginx";
import type { FixRequest } from "./policy";
import { rails } from "./rails";
import { s3 } from "./s3";
import { spring } from "./spring";

type ServerStack = Exclude<Stack, "client">;

const RENDERERS: Record<ServerStack, { title: string; render: (request: FixRequest) => string }> = {
  "generic-headers": { title: "Response headers (any server)", render: genericHeaders },
  express: { title: "Express (cors package)", render: express },
  django: { title: "Django (hand-written middleware)", render: django },
  "django-cors-headers": { title: "Django (django-cors-headers)", render: djangoCorsHeaders },
  fastapi: { title: "FastAPI / Starlette", render: fastapi },
  "flask-cors": { title: "Flask (flask-cors)", render: flaskCors },
  nginx: { title: "nginx", render: nginx },
  apache: { title: "Apache httpd", render: apache },
  s3: { title: "AWS S3 bucket CORS", render: s3 },
  spring: { title: "Spring", render: spring },
  rails: { title: "Rails (rack-cors)", render: rails },
  aspnet: { title: "ASP.NET Core", render: aspnet },
  go: { title: "Go (net/http)", render: go },
};

/** The server stacks every header-fixable cause has a fix for, in the order the panel lists them. */
export const SERVER_STACKS = Object.keys(RENDERERS) as ServerStack[];

/** One fix per server stack for the policy and focus of a cause. */
export function serverFixes(request: FixRequest): Fix[] {
  return SERVER_STACKS.map((stack) => ({
    stack,
    title: RENDERERS[stack].title,
    snippet: RENDERERS[stack].render(request),
  }));
}

export function clientFix(title: string, snippet: string): Fix {
  return { stack: "client", title, snippet };
}

export type { CorsPolicy, FixFocus, FixRequest } from "./policy";

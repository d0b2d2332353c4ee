import { caddy1568 } from "./caddy-1568";
import { enableCors106 } from "./enable-cors-106";
import { expressCors20 } from "./expressjs-cors-20";
import { expressCors119 } from "./expressjs-cors-119";
import { expressCors145 } from "./expressjs-cors-145";
import { fastapi2693 } from "./fastapi-2693";
import { fastapi5453 } from "./fastapi-5453";
import { fastifyCors370 } from "./fastify-cors-370";
import { flaskCors132 } from "./flask-cors-132";
import { flaskCors145 } from "./flask-cors-145";
import { flaskCors215 } from "./flask-cors-215";
import { hono3493 } from "./hono-3493";
import { koaCors70 } from "./koa-cors-70";
import { modAuthCas142 } from "./mod-auth-cas-142";
import { openverse188 } from "./openverse-api-188";
import { phantom100 } from "./phantom-capitol-100";
import { rackCors129 } from "./rack-cors-129";
import { rackCors162 } from "./rack-cors-162";
import type { Report } from "./report";
import { safeGateway3265 } from "./safe-client-gateway-3265";
import { starlette798 } from "./starlette-798";

export const REPORTS: Report[] = [
  expressCors119,
  expressCors20,
  expressCors145,
  hono3493,
  koaCors70,
  fastifyCors370,
  safeGateway3265,
  fastapi5453,
  fastapi2693,
  starlette798,
  flaskCors132,
  flaskCors145,
  flaskCors215,
  openverse188,
  rackCors129,
  phantom100,
  rackCors162,
  enableCors106,
  modAuthCas142,
  caddy1568,
];

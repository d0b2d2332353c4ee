import type { StackUnderTest } from "../stack";
import { apacheStack } from "./apache";
import { caddyStack } from "./caddy";
import { djangoCorsHeadersStack, djangoSeedStack } from "./django";
import { expressStack } from "./express";
import { fastapiStack } from "./fastapi";
import { fastifyStack } from "./fastify";
import { flaskStack } from "./flask";
import { goRsCorsStack } from "./go-rs-cors";
import { honoStack } from "./hono";
import { koaStack } from "./koa";
import { nginxProxyStack, nginxStack } from "./nginx";
import { rackCorsStack } from "./rack-cors";

export const STACKS: StackUnderTest[] = [
  expressStack,
  fastifyStack,
  koaStack,
  honoStack,
  djangoCorsHeadersStack,
  djangoSeedStack,
  flaskStack,
  fastapiStack,
  nginxStack,
  nginxProxyStack,
  apacheStack,
  caddyStack,
  goRsCorsStack,
  rackCorsStack,
];

import type { StackUnderTest } from "../stack";
import { aiohttpCorsStack } from "./aiohttp";
import { apacheStack } from "./apache";
import { caddyStack } from "./caddy";
import { djangoCorsHeadersStack, djangoSeedStack } from "./django";
import { expressStacks } from "./express";
import { fastapiStack } from "./fastapi";
import { fastifyStacks } from "./fastify";
import { flaskStack } from "./flask";
import { goRsCorsStack } from "./go-rs-cors";
import { gorillaHandlersStack } from "./gorilla-handlers";
import { honoStacks } from "./hono";
import { koaStacks } from "./koa";
import { nginxProxyStack, nginxStack } from "./nginx";
import { phpStack } from "./php";
import { rackCorsStack } from "./rack-cors";

export const STACKS: StackUnderTest[] = [
  ...expressStacks,
  ...fastifyStacks,
  ...koaStacks,
  ...honoStacks,
  djangoCorsHeadersStack,
  djangoSeedStack,
  flaskStack,
  fastapiStack,
  nginxStack,
  nginxProxyStack,
  apacheStack,
  caddyStack,
  goRsCorsStack,
  gorillaHandlersStack,
  aiohttpCorsStack,
  phpStack,
  rackCorsStack,
];

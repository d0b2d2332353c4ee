import type { StackUnderTest } from "../stack";
import { djangoCorsHeadersStack, djangoSeedStack } from "./django";
import { expressStack } from "./express";
import { fastapiStack } from "./fastapi";
import { fastifyStack } from "./fastify";
import { flaskStack } from "./flask";
import { honoStack } from "./hono";
import { koaStack } from "./koa";

export const STACKS: StackUnderTest[] = [
  expressStack,
  fastifyStack,
  koaStack,
  honoStack,
  djangoCorsHeadersStack,
  djangoSeedStack,
  flaskStack,
  fastapiStack,
];

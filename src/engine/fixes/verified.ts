/**
 * Which stacks' fixes CORS Lens's real-server suite (`npm run test:fixes`, test/fixes/) applies
 * mechanically to that real server, with the browser blocking before and allowing after, siblings
 * kept. The suite fails when a stack listed here is not run or does not pass, so this table
 * cannot claim more than was shown. Versions are those of the Debian and npm packages it ran.
 */
import type { Stack } from "../types";

export const VERIFIED: Partial<Record<Stack, string>> = {};

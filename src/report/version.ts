/** CORS Lens's version, injected at build time from package.json (scripts/version.ts). */
declare const __VERSION__: string;

export const VERSION: string = __VERSION__;

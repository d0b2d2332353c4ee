import { roomTranslator } from "../../i18n";
import type { FixImport, StackPackage } from "../types";
import { KO } from "./aiohttp-cors.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

/** The aiohttp-cors fix's own words in English (where it goes, its comments), the source; Korean in ./aiohttp-cors.ko.ts. */
export const EN = {
  place:
    "After every route is added, before web.run_app(app). Resources that answer OPTIONS already are left as they are.",
  where:
    "In the module that builds the app, after the last route is added and before web.run_app(app). An app that calls aiohttp_cors.setup makes the change above instead.",
  "preflight-first":
    "aiohttp runs every middleware before the route's handler: preflights (which carry no\ncredentials) go straight to aiohttp-cors's handler instead.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "pypi",
  name: "aiohttp-cors",
  modules: ["aiohttp_cors"],
  install: "pip install aiohttp-cors",
};

export function aiohttpImports(request: FixRequest): FixImport[] {
  return [
    { form: null, code: "import aiohttp_cors" },
    ...(request.focus === "preflight-before-auth" ? [{ form: null, code: "from aiohttp import web" }] : []),
  ];
}

/**
 * A middleware that hands a preflight straight to the route's handler (aiohttp-cors's preflight
 * handler) before the app's other middlewares, which run first in aiohttp and may ask for
 * credentials a preflight never carries. Inserted into `app.middlewares` before the app starts
 * (aiohttp freezes the list then: https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/web_app.py).
 */
export function aiohttpPreflightFirst(request: FixRequest): string {
  return [
    ...comment("#", words(request.t.lang)("preflight-first")),
    "@web.middleware",
    "async def cors_preflight_first(request, handler):",
    '    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:',
    "        return await request.match_info.handler(request)",
    "    return await handler(request)",
    "",
    "",
    "app.middlewares.insert(0, cors_preflight_first)",
  ].join("\n");
}

/**
 * aiohttp with aiohttp-cors (https://github.com/aio-libs/aiohttp-cors/blob/v0.7.0/README.rst):
 * `aiohttp_cors.setup(app, defaults={origin: ResourceOptions(…)})`, then `cors.add()` for each
 * resource. aiohttp-cors answers the request's own origin, never `*`, so credentials and `"*"` mix.
 */
export function aiohttpCors(request: FixRequest): string {
  const { policy, focus } = request;
  const options: string[] = [];
  if (policy.credentials) options.push("allow_credentials=True,");
  // Resources are added whole (not per route): allow_methods then decides every preflight's method.
  options.push(
    `allow_methods=${policy.anyMethods ? '"*"' : `[${quoted([...new Set(["GET", "HEAD", "POST", ...policy.methods])])}]`},`,
  );
  // Left out, allow_headers is (): only "*" reflects whatever a preflight asks for.
  if (policy.anyHeaders) options.push('allow_headers="*",');
  else if (policy.headers.length > 0) options.push(`allow_headers=[${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) options.push(`expose_headers=[${quoted(policy.exposeHeaders)}],`);
  options.push(`max_age=${policy.maxAge},`);
  const origins = anyOrigin(policy) ? ["*"] : policy.origins;
  const lines = [...heading(request, "#")];
  if (focus === "preflight-before-auth") lines.push(aiohttpPreflightFirst(request), "");
  lines.push(
    ...comment("#", words(request.t.lang)("place")),
    "cors = aiohttp_cors.setup(",
    "    app,",
    "    defaults={",
    ...origins.flatMap((o) => [
      `        ${JSON.stringify(o)}: aiohttp_cors.ResourceOptions(`,
      ...options.map((line) => `            ${line}`),
      "        ),",
    ]),
    "    },",
    ")",
    // A resource that answers OPTIONS already (this set-up pasted before, or the app's own handler)
    // is left alone: aiohttp-cors raises ValueError for it (add_preflight_handler).
    "for resource in list(app.router.resources()):",
    '    if not any(route.method == "OPTIONS" for route in resource):',
    "        cors.add(resource)",
  );
  return lines.join("\n");
}

import { roomTranslator } from "../../i18n";
import type { FixImport } from "../types";
import { KO } from "./fastapi.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

/** The FastAPI fix's own words in English (where it goes, its comments), the source; Korean in ./fastapi.ko.ts. */
export const EN = {
  where:
    "At the end of the module that creates the app, after every other app.add_middleware() or @app.middleware (the last one added runs first, so CORS answers before authentication). An app that has a CORSMiddleware makes the change above instead of adding a second one.",
  place: "The LAST add_middleware call: Starlette runs the last-added middleware first.",
  errors:
    "Unhandled exceptions are answered by ServerErrorMiddleware, outside CORSMiddleware, without its\nheaders (an exception_handler(Exception) lives there too): turn them into a 500 response inside it.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

export function fastapiImports(request: FixRequest): FixImport[] {
  return [
    { form: null, code: "from fastapi.middleware.cors import CORSMiddleware" },
    ...(request.focus === "error-responses"
      ? [{ form: null, code: "from fastapi.responses import JSONResponse" }]
      : []),
  ];
}

/** A middleware inside CORSMiddleware (added before it) that turns an exception into a 500 CORS can wrap. */
export function fastapiErrors(request: FixRequest): string {
  return [
    ...comment("#", words(request.t.lang)("errors")),
    '@app.middleware("http")',
    "async def errors_inside_cors(request, call_next):",
    "    try:",
    "        return await call_next(request)",
    "    except Exception:",
    '        return JSONResponse({"detail": "Internal Server Error"}, status_code=500)',
  ].join("\n");
}

/** FastAPI / Starlette `CORSMiddleware`. */
export function fastapi(request: FixRequest): string {
  const { policy, focus } = request;
  const lines = [...heading(request, "#")];
  lines.push(...comment("#", words(request.t.lang)("place")));
  if (focus === "error-responses") lines.push(fastapiErrors(request), "", "");
  lines.push("app.add_middleware(", "    CORSMiddleware,");
  lines.push(`    allow_origins=[${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}],`);
  if (policy.credentials && !anyOrigin(policy)) lines.push("    allow_credentials=True,");
  // Starlette's "*" allows every method and reflects every requested header: kept where the server had it.
  lines.push(
    `    allow_methods=[${quoted(policy.anyMethods ? ["*"] : [...new Set(["GET", "HEAD", "POST", ...policy.methods])])}],`,
  );
  lines.push(`    allow_headers=[${quoted(policy.anyHeaders ? ["*"] : policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) lines.push(`    expose_headers=[${quoted(policy.exposeHeaders)}],`);
  lines.push(`    max_age=${policy.maxAge},`, ")");
  return lines.join("\n");
}

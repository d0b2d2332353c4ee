import type { FixRequest } from "./policy";
import { anyOrigin, heading, quoted } from "./policy";

export const fastapiWhere =
  "At the end of the module that creates the app, after every other app.add_middleware() or @app.middleware (the last one added runs first, so CORS answers before authentication); replace any existing CORSMiddleware.";

/** FastAPI / Starlette `CORSMiddleware`. */
export function fastapi(request: FixRequest): string {
  const { policy, focus } = request;
  const lines = [...heading(request, "#")];
  lines.push("# The LAST add_middleware call: Starlette runs the last-added middleware first.");
  if (focus === "error-responses") {
    lines.push(
      "# Unhandled exceptions are answered by ServerErrorMiddleware, outside CORSMiddleware, without its",
      "# headers (an exception_handler(Exception) lives there too): turn them into a 500 response inside it.",
      "from fastapi.responses import JSONResponse",
      "",
      "",
      '@app.middleware("http")',
      "async def errors_inside_cors(request, call_next):",
      "    try:",
      "        return await call_next(request)",
      "    except Exception:",
      '        return JSONResponse({"detail": "Internal Server Error"}, status_code=500)',
      "",
      "",
    );
  }
  lines.push(
    "from fastapi.middleware.cors import CORSMiddleware",
    "",
    "app.add_middleware(",
    "    CORSMiddleware,",
  );
  lines.push(`    allow_origins=[${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}],`);
  if (policy.credentials && !anyOrigin(policy)) lines.push("    allow_credentials=True,");
  lines.push(`    allow_methods=[${quoted([...new Set(["GET", "HEAD", "POST", ...policy.methods])])}],`);
  lines.push(`    allow_headers=[${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) lines.push(`    expose_headers=[${quoted(policy.exposeHeaders)}],`);
  lines.push(`    max_age=${policy.maxAge},`, ")");
  return lines.join("\n");
}

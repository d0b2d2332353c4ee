import type { FixRequest } from "./policy";
import { quoted } from "./policy";

/** FastAPI / Starlette `CORSMiddleware`. */
export function fastapi({ policy, focus, summary }: FixRequest): string {
  const lines = [`# ${summary}`];
  if (focus === "error-responses") {
    lines.push("# Unhandled exceptions are answered by ServerErrorMiddleware, outside CORSMiddleware:");
    lines.push("# catch them in an exception handler that returns a JSONResponse, so the headers are added.");
  }
  lines.push(
    "from fastapi.middleware.cors import CORSMiddleware",
    "",
    "app.add_middleware(",
    "    CORSMiddleware,",
  );
  lines.push(`    allow_origins=[${quoted([policy.origin])}],`);
  if (policy.credentials) lines.push("    allow_credentials=True,");
  lines.push(`    allow_methods=[${quoted(policy.methods.length > 0 ? policy.methods : ["GET", "POST"])}],`);
  lines.push(`    allow_headers=[${quoted(policy.headers)}],`);
  if (policy.exposeHeaders.length > 0) lines.push(`    expose_headers=[${quoted(policy.exposeHeaders)}],`);
  lines.push(`    max_age=${policy.maxAge},`, ")");
  return lines.join("\n");
}

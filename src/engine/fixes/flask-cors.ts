import type { FixImport } from "../types";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

/** flask-cors's default methods (flask_cors/core.py, ALL_METHODS). */
const FLASK_METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"];

export function flaskImports(request: FixRequest): FixImport[] {
  return [
    { form: null, code: "from flask_cors import CORS" },
    ...(request.focus === "preflight-before-auth"
      ? [{ form: null, code: "from flask import request as cors_request" }]
      : []),
  ];
}

/** Flask with `flask-cors`. */
export function flaskCors(request: FixRequest): string {
  const { policy, focus } = request;
  const args = [`origins=[${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}]`];
  if (policy.credentials && !anyOrigin(policy)) args.push("supports_credentials=True");
  const methods = methodOption(policy, FLASK_METHODS);
  if (methods) args.push(`methods=[${quoted(methods)}]`);
  // Left out, allow_headers is "*": flask-cors answers the headers each preflight asks for.
  if (policy.headers.length > 0 && !policy.anyHeaders) args.push(`allow_headers=[${quoted(policy.headers)}]`);
  if (policy.exposeHeaders.length > 0) args.push(`expose_headers=[${quoted(policy.exposeHeaders)}]`);
  args.push(`max_age=${policy.maxAge}`);
  const lines = [...heading(request, "#"), ...comment(request, "#", "fix.flask-cors.place")];
  if (focus === "no-preflight-redirect") {
    lines.push(
      ...comment(request, "#", "fix.flask-cors.strict-slashes"),
      "app.url_map.strict_slashes = False",
    );
  }
  if (focus === "preflight-before-auth") {
    lines.push(
      ...comment(request, "#", "fix.flask-cors.before-auth"),
      "app.before_request_funcs.setdefault(None, []).insert(",
      "    0,",
      "    lambda: app.make_default_options_response()",
      '    if cors_request.method == "OPTIONS" and "Access-Control-Request-Method" in cors_request.headers',
      "    else None,",
      ")",
    );
  }
  lines.push("CORS(", "    app,", ...args.map((a) => `    ${a},`), ")");
  return lines.join("\n");
}

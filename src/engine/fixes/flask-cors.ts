import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

/** Flask with `flask-cors`. */
export function flaskCors(request: FixRequest): string {
  const { policy, focus } = request;
  const args = [`origins=[${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}]`];
  if (policy.credentials && !anyOrigin(policy)) args.push("supports_credentials=True");
  args.push(`methods=[${quoted([...new Set(["GET", "HEAD", "POST", "OPTIONS", ...policy.methods])])}]`);
  if (policy.headers.length > 0) args.push(`allow_headers=[${quoted(policy.headers)}]`);
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
      "from flask import request as cors_request",
      "",
      "app.before_request_funcs.setdefault(None, []).insert(",
      "    0,",
      "    lambda: app.make_default_options_response()",
      '    if cors_request.method == "OPTIONS" and "Access-Control-Request-Method" in cors_request.headers',
      "    else None,",
      ")",
    );
  }
  lines.push("from flask_cors import CORS", "", "CORS(", "    app,", ...args.map((a) => `    ${a},`), ")");
  return lines.join("\n");
}

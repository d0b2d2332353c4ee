import type { FixRequest } from "./policy";
import { anyOrigin, heading, quoted } from "./policy";

export const flaskCorsWhere =
  "Right after `app = Flask(__name__)`, replacing any other CORS(app, …) call or @cross_origin decorator; for a redirected preflight it also turns off the trailing-slash redirect.";

/** Flask with `flask-cors`. */
export function flaskCors(request: FixRequest): string {
  const { policy, focus } = request;
  const args = [`origins=[${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}]`];
  if (policy.credentials && !anyOrigin(policy)) args.push("supports_credentials=True");
  args.push(`methods=[${quoted([...new Set(["GET", "HEAD", "POST", "OPTIONS", ...policy.methods])])}]`);
  if (policy.headers.length > 0) args.push(`allow_headers=[${quoted(policy.headers)}]`);
  if (policy.exposeHeaders.length > 0) args.push(`expose_headers=[${quoted(policy.exposeHeaders)}]`);
  args.push(`max_age=${policy.maxAge}`);
  const lines = [
    ...heading(request, "#"),
    "# Right after app = Flask(__name__); replaces any other CORS(app, ...).",
  ];
  if (focus === "no-preflight-redirect") {
    lines.push(
      "# Werkzeug answers /items for a route declared /items/ with a 308 redirect, before any CORS code.",
      "app.url_map.strict_slashes = False",
    );
  }
  if (focus === "preflight-before-auth") {
    lines.push(
      "# Answer preflights before every before_request hook: auth would reject them (no credentials).",
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

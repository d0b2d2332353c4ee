import { roomTranslator } from "../../i18n";
import type { FixImport, StackPackage } from "../types";
import { KO } from "./flask-cors.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, methodOption, quoted } from "./policy";

/** The flask-cors fix's own words in English (where it goes, its comments), the source; Korean in ./flask-cors.ko.ts. */
export const EN = {
  where:
    "Right after `app = Flask(__name__)`; for a redirected preflight it also turns off the trailing-slash redirect. Where a change is given above, make it in your own CORS(app, …) call instead; a CORS(app, …) pasted beside yours does no harm (flask-cors leaves a response that already has CORS headers alone).",
  place: "Right after app = Flask(__name__).",
  "strict-slashes":
    "Werkzeug answers /items for a route declared /items/ with a 308 redirect, before any CORS code.",
  "before-auth":
    "Answer preflights before every before_request hook: auth would reject them (no credentials).",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "pypi",
  name: "flask-cors",
  modules: ["flask_cors"],
  install: "pip install flask-cors",
};

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
  const lines = [...heading(request, "#"), ...comment("#", words(request.t.lang)("place"))];
  if (focus === "no-preflight-redirect") {
    lines.push(
      ...comment("#", words(request.t.lang)("strict-slashes")),
      "app.url_map.strict_slashes = False",
    );
  }
  if (focus === "preflight-before-auth") {
    lines.push(
      ...comment("#", words(request.t.lang)("before-auth")),
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

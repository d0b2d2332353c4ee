/**
 * What a front end is likely to send, read from the application's own code when no request was
 * recorded (`check --config` without `--har`): a JSON body where the app parses one, the request
 * headers it reads (an API key, a bearer token), and cookies where it sets them for cross-site use
 * (SameSite=None). `check` asks the configuration's model for each such request from an origin it
 * allows; the ones it refuses are named where `fix` would change them. A guess, so a warning: a
 * recording (`--har`) replaces it.
 */
import { isForbiddenRequestHeader } from "../engine";
import type { ConfigFile } from "./types";

export interface LikelySignal {
  kind: "json" | "header" | "cookies";
  /** Where the code shows it (the parser, the header read, the SameSite=None cookie). */
  file: string;
  line: number;
  /** The header's name as the page sends it (kind "header"). */
  header?: string;
  /** Kind "cookies": read by the app (a session), not made SameSite=None. */
  read?: boolean;
}

/** Parses a JSON request body: Express/Koa/Hono/Fastify, Flask, Starlette/FastAPI, aiohttp, Django REST framework. */
const JSON_BODY: readonly RegExp[] = [
  /\b(?:express|bodyParser)\.json\s*\(/,
  /\.req\.json\s*\(/,
  /\bfrom\s+["'](?:koa-bodyparser|@koa\/bodyparser|koa-body)["']|require\(\s*["'](?:koa-bodyparser|@koa\/bodyparser|koa-body)["']\s*\)/,
  /\brequest\.get_json\s*\(|\brequest\.json\b(?!\s*\()/,
  /\bawait\s+request\.json\s*\(/,
  /["']rest_framework["']/,
  /\bjson\.loads\s*\(\s*request\.body\b/,
];

/** A header name read from the request, by the forms each stack's code uses. */
const HEADER_READS: readonly RegExp[] = [
  // request.headers.get("X-Api-Key"), request.headers["X-Api-Key"], req.headers["x-api-key"]
  /\b(?:request|req|ctx\.request|ctx|c\.req)\.headers(?:\.get)?\s*[[(]\s*["'`]([A-Za-z][\w-]*)["'`]/g,
  // req.get("X-Api-Key"), req.header("X-Api-Key"), c.req.header("X-Api-Key"), ctx.get("X-Api-Key")
  /\b(?:req|c\.req|ctx|request)\.(?:get|header)\s*\(\s*["'`]([A-Za-z][\w-]*)["'`]/g,
  // FastAPI: APIKeyHeader(name="X-API-Key"), Header(alias="X-Token")
  /\bAPIKeyHeader\s*\(\s*(?:name\s*=\s*)?["']([A-Za-z][\w-]*)["']/g,
  /\bHeader\s*\([^)]*\balias\s*=\s*["']([A-Za-z][\w-]*)["']/g,
  // "x-api-key" not in request.headers
  /["']([A-Za-z][\w-]*)["']\s+(?:not\s+)?in\s+(?:request|req|self\.request)\.headers\b/g,
];
/** req.headers.authorization (a name that is an identifier). */
const HEADER_PROPERTY =
  /\b(?:req|request|ctx\.request|c\.req)\.headers\.(?!get\b|has\b|keys\b|entries\b|items\b|values\b|update\b|copy\b|raw\b)([a-z][a-z0-9]*)\b/g;
/** Bodies parsed as JSON without a call that says so: a pydantic model a write route takes, Fastify's request.body. */
const JSON_BY_STACK: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/\bclass\s+\w+\s*\(\s*BaseModel\s*\)/, /@\w+\.(?:post|put|patch)\s*\(/],
  [/\brequest\.body\b/, /["']fastify["']/],
];
/** Django's request.META["HTTP_X_API_KEY"]: the header X-Api-Key. */
const META_READ = /\bMETA(?:\.get)?\s*[[(]\s*["']HTTP_([A-Z0-9_]+)["']/g;
/** A parameter `x_api_key: str = Header(...)`: FastAPI reads the header x-api-key. */
const HEADER_PARAM = /\b([a-z][a-z0-9_]*)\s*:\s*[\w[\]|. ]+=\s*Header\s*\((?![^)]*\balias\s*=)/g;
/** Bearer-token schemes: the page sends Authorization. */
const BEARER =
  /\b(?:HTTPBearer|OAuth2PasswordBearer|OAuth2AuthorizationCodeBearer|bearerAuth|expressjwt)\s*\(|\bpassport\.authenticate\s*\(\s*["']jwt["']|\bjwt\s*\(\s*\{|\brequest\.authorization\b/;
/** A cookie made for cross-site requests: the front end on another site sends it with credentials. */
const SAMESITE_NONE =
  /\b(?:SESSION_COOKIE_SAMESITE|CSRF_COOKIE_SAMESITE)\s*=\s*["']None["']|\bsame_?site\s*[=:]\s*["']none["']|\bSameSite=None\b/i;

/** The app reads the request's cookies (a session): a page on another origin sends them only with credentials. */
const COOKIE_READS: ReadonlyArray<readonly [RegExp, RegExp | null]> = [
  // Flask's session (imported from flask; not an ORM's db.session)
  [/(?<![.\w])session(?:\.get\s*\(|\s*\[)/, /\bfrom\s+flask\s+import\s[^\n]*\bsession\b/],
  [/\brequest\.cookies\b/, null],
  [/\breq\.(?:session|cookies|signedCookies)\b/, null],
  [/\bctx\.(?:session\b|cookies\.get\s*\()/, null],
  [/\bget(?:Signed)?Cookie\s*\(\s*c\b/, null],
  [/=\s*Cookie\s*\(/, /\bfrom\s+fastapi\s+import\s[^\n]*\bCookie\b/],
  [/\bawait\s+get_session\s*\(\s*request\s*\)/, null],
];

/** Headers no page's script sends on its own account: set by proxies, the browser, or other servers. */
const NOT_FROM_PAGES =
  /^(?:x-forwarded-[\w-]+|x-real-ip|forwarded|via|x-request-start|cf-[\w-]+|x-amzn-[\w-]+|x-vercel-[\w-]+|user-agent|referer|host|origin|accept|accept-language|content-language|content-type|content-length|if-[\w-]+|x-hub-signature[\w-]*|[\w-]*signature|x-github-[\w-]+|x-slack-[\w-]+|authorization-[\w-]+|upgrade|connection|sec-[\w-]+)$/i;

const lineAt = (text: string, index: number) => text.slice(0, index).split("\n").length;

/** The code files' signals, each kind and header once (its first place). */
export function likelySignals(files: readonly ConfigFile[]): LikelySignal[] {
  const out: LikelySignal[] = [];
  const have = (kind: LikelySignal["kind"], header?: string) =>
    out.some((s) => s.kind === kind && s.header?.toLowerCase() === header?.toLowerCase());
  const header = (file: ConfigFile, name: string, index: number) => {
    if (NOT_FROM_PAGES.test(name) || isForbiddenRequestHeader(name) || have("header", name)) return;
    out.push({ kind: "header", file: file.path, line: lineAt(file.text, index), header: name });
  };
  for (const file of files) {
    const text = file.text;
    for (const re of JSON_BODY) {
      const m = re.exec(text);
      if (m && !have("json")) out.push({ kind: "json", file: file.path, line: lineAt(text, m.index) });
    }
    for (const [re, also] of JSON_BY_STACK) {
      const m = re.exec(text);
      if (m && also.test(text) && !have("json"))
        out.push({ kind: "json", file: file.path, line: lineAt(text, m.index) });
    }
    for (const m of text.matchAll(HEADER_PROPERTY)) header(file, m[1] as string, m.index ?? 0);
    for (const re of HEADER_READS)
      for (const m of text.matchAll(re)) header(file, m[1] as string, m.index ?? 0);
    for (const m of text.matchAll(META_READ))
      header(file, (m[1] as string).toLowerCase().replaceAll("_", "-"), m.index ?? 0);
    for (const m of text.matchAll(HEADER_PARAM))
      header(file, (m[1] as string).replaceAll("_", "-"), m.index ?? 0);
    const bearer = BEARER.exec(text);
    if (bearer) header(file, "Authorization", bearer.index);
    const cookies = SAMESITE_NONE.exec(text);
    if (cookies && !have("cookies"))
      out.push({ kind: "cookies", file: file.path, line: lineAt(text, cookies.index) });
    for (const [re, also] of COOKIE_READS) {
      const m = re.exec(text);
      if (m && (also === null || also.test(text)) && !have("cookies"))
        out.push({ kind: "cookies", file: file.path, line: lineAt(text, m.index), read: true });
    }
  }
  return out;
}

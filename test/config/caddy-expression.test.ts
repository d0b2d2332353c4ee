import { describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, fixConfig } from "../../src/config";
import { answer } from "../../src/config/caddy/answer";
import { evaluateCel } from "../../src/config/caddy/cel";
import { buildTree } from "../../src/config/caddy/tree";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const OTHER = "https://other.example";
const file = (text: string): ConfigFile => ({ path: "Caddyfile", text });

/**
 * Set 19's correct Caddy configuration (HELDOUT19.md): credentials and the request's Origin echoed under
 * an `expression` matcher that lists the two front ends — `check` said any origin was reflected, and
 * `fix` could not evaluate the matcher.
 */
const LISTED = (expression: string) => `{
\tadmin off
}

:8080 {
\t@front_ends expression \`${expression}\`

\troute /api/* {
\t\theader @front_ends {
\t\t\tAccess-Control-Allow-Origin {http.request.header.Origin}
\t\t\tAccess-Control-Allow-Credentials true
\t\t\tVary Origin
\t\t}
\t\t@preflight {
\t\t\tmethod OPTIONS
\t\t\theader Access-Control-Request-Method *
\t\t}
\t\theader @preflight {
\t\t\tAccess-Control-Allow-Methods "GET, PUT"
\t\t\tAccess-Control-Allow-Headers "Content-Type, Authorization"
\t\t}
\t\trespond @preflight 204
\t\treverse_proxy 127.0.0.1:9090
\t}
}
`;
const IN_LIST = `{http.request.header.Origin} in ["${APP}", "${ADMIN}"]`;

function acao(text: string, req: Partial<HopRequest>): string[] {
  const a = answer(buildTree([file(text)]), {
    method: "GET",
    url: "http://localhost:8080/api/orders",
    headers: [["Origin", APP]],
    upstream: { status: 200, headers: [] },
    ...req,
  });
  if (a.kind !== "known") throw new Error(`unknown: ${JSON.stringify(a.why)}`);
  return (a.headers as HeaderList)
    .filter(([n]) => n.toLowerCase() === "access-control-allow-origin")
    .map(([, v]) => v);
}

describe("Caddy: an expression matcher over the Origin", () => {
  it("is evaluated: a listed origin gets its Allow-Origin, any other none", () => {
    const text = LISTED(IN_LIST);
    expect(acao(text, { headers: [["Origin", APP]] })).toEqual([APP]);
    expect(acao(text, { headers: [["Origin", ADMIN]] })).toEqual([ADMIN]);
    expect(acao(text, { headers: [["Origin", OTHER]] })).toEqual([]);
    expect(acao(text, { headers: [] })).toEqual([]);
  });

  it("check: the listed origins are not 'any origin reflected'; an expression that lets any https origin through is", () => {
    const errors = (text: string) =>
      checkConfig([file(text)])
        .findings.filter((f) => f.severity === "error")
        .map((f) => f.code);
    expect(errors(LISTED(IN_LIST))).toEqual([]);
    expect(
      errors(
        LISTED(`{http.request.header.Origin} == "${APP}" || {http.request.header.Origin} == "${ADMIN}"`),
      ),
    ).toEqual([]);
    expect(errors(LISTED(`{http.request.header.Origin}.startsWith("https://")`))).toContain(
      "reflected-with-credentials",
    );
  });

  it("fix: nothing to change when the page's calls pass", () => {
    const text = LISTED(IN_LIST);
    const ev = recordedFrom(
      [file(text)],
      [
        { url: "http://localhost:8080/api/orders", origin: APP, credentials: "include" },
        {
          url: "http://localhost:8080/api/orders/1",
          method: "PUT",
          origin: ADMIN,
          credentials: "include",
          headers: [
            ["Content-Type", "application/json"],
            ["Authorization", "Bearer x"],
          ],
        },
      ],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.rows.every((row) => row.after.verdict === "allowed")).toBe(true);
    expect(r.files.every((f) => f.after === f.before)).toBe(true);
  });

  it("a function CORS Lens does not know is still said, not guessed", () => {
    const a = answer(buildTree([file(LISTED(`remote_ip('10.0.0.0/8') && ${IN_LIST}`))]), {
      method: "GET",
      url: "http://localhost:8080/api/orders",
      headers: [["Origin", APP]],
      upstream: { status: 200, headers: [] },
    });
    expect(a.kind).toBe("unknown");
    if (a.kind === "unknown") expect(a.why.key).toBe("config.caddy.unknown.matcher");
  });
});

describe("the CEL Caddy's expression matchers are written in", () => {
  const req = (origin: string | null, method = "GET") => ({
    placeholder: (name: string) => (/header\.origin$/i.test(name) ? (origin ?? "") : ""),
    method: () => method,
    path: () => "/api/x",
    host: () => "api.example.com",
    scheme: () => "https",
    header: (name: string) => (name.toLowerCase() === "origin" ? origin : null),
    pathMatches: (p: string, path: string) => p === "*" || path.startsWith(p.replace(/\*$/, "")),
    hostMatches: (h: string, host: string) => h === host,
    valueMatches: (p: string, v: string) => p === "*" || p === v,
  });
  it.each([
    [`{http.request.header.Origin} in ['${APP}']`, APP, true],
    [`!({http.request.header.Origin} in ['${APP}'])`, APP, false],
    [`{http.request.header.Origin} != '' && method('GET', 'OPTIONS')`, APP, true],
    [`header({'Origin': ['${ADMIN}', '${APP}']}) && path('/api/*')`, APP, true],
    [`header({'Origin': '${ADMIN}'})`, APP, false],
    [`{http.request.header.Origin}.matches('^https://[a-z]+\\\\.example\\\\.com$')`, APP, true],
    [`{http.request.header.Origin}.endsWith('.example.com') || false`, OTHER, false],
    [`{http.request.header.Origin} == 'https://' + 'app.example.com'`, APP, true],
  ])("%s (Origin %s) → %s", (expression, origin, expected) => {
    expect(evaluateCel(expression, req(origin))).toBe(expected);
  });
});

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Fix } from "../../../src/engine";
import { insertAfterLine, removeLines } from "../edit";
import { debVersion, type Running, startProcess } from "../harness";
import { movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { appLine, behindProxy, corsLineCases } from "./upstream";

const APACHE = "/usr/sbin/apache2";
const MODULES = "/usr/lib/apache2/modules";
const LOAD = ["mpm_event", "authz_core", "headers", "rewrite", "setenvif", "alias", "proxy", "proxy_http"];

function conf(ownCors: string | null, lines: string[]): string {
  return `${appLine(ownCors)}
ServerRoot DIR
DefaultRuntimeDir DIR
${LOAD.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join("\n")}
PidFile DIR/httpd.pid
ErrorLog DIR/error.log
User www-data
Group www-data
Listen 127.0.0.1:PORT
ServerName localhost
<VirtualHost 127.0.0.1:PORT>
${lines.map((l) => `  ${l}`).join("\n")}
  ProxyPass /api/ http://UPSTREAM/api/
</VirtualHost>
`;
}

function headers(
  o: string,
  opts: {
    always?: boolean;
    origin?: string;
    credentials?: boolean;
    methods?: string;
    allow?: string;
    preflight?: boolean;
  } = {},
): string[] {
  const a = opts.always === false ? "" : " always";
  return [
    `Header${a} set Access-Control-Allow-Origin "${opts.origin ?? o}"`,
    ...(opts.credentials ? [`Header${a} set Access-Control-Allow-Credentials "true"`] : []),
    `Header${a} set Access-Control-Allow-Methods "${opts.methods ?? "GET, POST, PUT, PATCH, DELETE"}"`,
    `Header${a} set Access-Control-Allow-Headers "${opts.allow ?? "content-type, x-api-key"}"`,
    ...(opts.preflight === false
      ? []
      : ["RewriteEngine On", "RewriteCond %{REQUEST_METHOD} OPTIONS", "RewriteRule ^ - [R=204,L]"]),
  ];
}

const KEY_REQUIRED = [
  "<Location /api/items/>",
  "  <If \"-z req('X-Api-Key')\">",
  "    Require all denied",
  "  </If>",
  "</Location>",
];

const cases: StackCase[] = [
  ...corsLineCases((o, lines) => conf(null, headers(o, lines))),
  {
    name: "preflight-auth",
    target: "update",
    config: (o) => conf(null, [...headers(o, { preflight: false }), ...KEY_REQUIRED]),
    expect: ["preflight-status-not-ok"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    // An old prefix outside ProxyPass (mod_proxy would take /api/… first).
    extra: [movedRequest("/v1/items/1")],
    config: (o) => conf(null, [...headers(o, { preflight: false }), "Redirect 308 /v1/ /api/"]),
    expect: ["preflight-redirected"],
  },
  {
    name: "error-no-cors",
    target: "fail",
    // Apache's own error page replaces the app's 500; without `always` it gets no headers.
    config: (o) => conf(null, [...headers(o, { always: false }), "ProxyErrorOverride On"]),
    expect: ["missing-allow-origin"],
  },
  {
    name: "duplicate-proxy",
    target: "list",
    config: (o) => conf(o, headers(o)),
    expect: ["multiple-allow-origin"],
  },
];

async function start(config: string, port: number, dir: string): Promise<Running> {
  const file = join(dir, "httpd.conf");
  return behindProxy(config, (upstream) => {
    writeFileSync(
      file,
      config.replaceAll("DIR", dir).replaceAll("PORT", String(port)).replaceAll("UPSTREAM", upstream),
    );
    return startProcess(APACHE, ["-X", "-f", file], port);
  });
}

/**
 * "In the API's VirtualHost; replace its existing `Header … Access-Control-*` lines", and nothing
 * else: the app's own OPTIONS RewriteRule stays (the snippet's, above it, answers preflights first).
 */
function apply(config: string, fix: Fix): string {
  const out = removeLines(config, /^\s*Header .*Access-Control-/);
  return insertAfterLine(out, "<VirtualHost", `  ${fix.snippet.split("\n").join("\n  ")}`);
}

export const apacheStack: StackUnderTest = {
  stack: "apache",
  label: "Apache httpd (mod_proxy)",
  version: () => {
    const v = debVersion("apache2");
    return v ? `Apache httpd ${v} (Debian)` : null;
  },
  detected: "apache",
  install: "apt-get install apache2",
  cases,
  start,
  apply,
};

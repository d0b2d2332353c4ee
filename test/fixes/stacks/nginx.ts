import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Fix } from "../../../src/engine";
import { insertAfterLine, removeBlock, removeLines } from "../edit";
import { debVersion, type Running, startProcess } from "../harness";
import { movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { appLine, behindProxy, corsLineCases } from "./upstream";

const NGINX = "/usr/sbin/nginx";

interface Shape {
  /** CORS lines at the top of each API location. */
  cors: string[];
  /** Writes need an API key: the preflight (which has none) gets a 401. */
  auth?: boolean;
  /** An old prefix redirected to the new one. */
  redirect?: boolean;
  /** Proxied to the app (else nginx answers itself); the app may add its own CORS headers. */
  proxy?: { ownCors: string | null };
}

function conf(shape: Shape): string {
  const cors = shape.cors.map((l) => `      ${l}`).join("\n");
  const answer = shape.proxy
    ? "      proxy_pass http://UPSTREAM;"
    : `      default_type application/json;\n      return 200 '{"ok":true}';`;
  return `${shape.proxy ? appLine(shape.proxy.ownCors) : "# app: none"}
daemon off;
pid DIR/nginx.pid;
error_log DIR/error.log;
events {}
http {
  access_log off;
  client_body_temp_path DIR/body;
  proxy_temp_path DIR/proxy;
  fastcgi_temp_path DIR/fastcgi;
  uwsgi_temp_path DIR/uwsgi;
  scgi_temp_path DIR/scgi;
  server {
    listen 127.0.0.1:PORT;
    location /api/ {
${cors}
${answer}
    }
    location /api/items/ {
${cors}
${shape.auth ? '      if ($http_x_api_key = "") {\n        return 401;\n      }\n' : ""}${answer}
    }
${
  shape.redirect
    ? `    location /api/v1/ {
${cors}
      rewrite ^/api/v1/(.*)$ /api/$1 permanent;
    }
`
    : ""
}    location = /api/fail {
${cors}
${shape.proxy ? "      proxy_pass http://UPSTREAM;" : "      return 500;"}
    }
  }
}
`;
}

const preflight = (lines: string[]) => [
  "if ($request_method = OPTIONS) {",
  ...lines.map((l) => `  ${l}`),
  "  return 204;",
  "}",
];

function standard(
  o: string,
  opts: { always?: boolean; origin?: string; credentials?: boolean; methods?: string; headers?: string } = {},
): string[] {
  const a = opts.always === false ? "" : " always";
  const common = [
    `add_header Access-Control-Allow-Origin "${opts.origin ?? o}"${a};`,
    ...(opts.credentials ? [`add_header Access-Control-Allow-Credentials "true"${a};`] : []),
  ];
  return [
    ...preflight([
      ...common,
      `add_header Access-Control-Allow-Methods "${opts.methods ?? "GET, POST, PUT, PATCH, DELETE"}"${a};`,
      `add_header Access-Control-Allow-Headers "${opts.headers ?? "content-type, x-api-key"}"${a};`,
    ]),
    ...common,
  ];
}

const cases: StackCase[] = [
  ...corsLineCases((o, { allow, ...lines }) => conf({ cors: standard(o, { ...lines, headers: allow }) })),
  {
    name: "preflight-auth",
    target: "update",
    // Headers but no OPTIONS answer: the key check answers the preflight.
    config: (o) => conf({ cors: [`add_header Access-Control-Allow-Origin "${o}" always;`], auth: true }),
    expect: ["preflight-status-not-ok"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    extra: [movedRequest("/api/v1/items/1")],
    config: (o) => conf({ cors: [`add_header Access-Control-Allow-Origin "${o}" always;`], redirect: true }),
    expect: ["preflight-redirected"],
  },
  {
    name: "error-no-cors",
    target: "fail",
    // Without `always`, add_header skips 4xx/5xx responses.
    config: (o) => conf({ cors: standard(o, { always: false }) }),
    expect: ["missing-allow-origin"],
  },
];

const proxyCases: StackCase[] = [
  {
    name: "duplicate-proxy",
    target: "list",
    // nginx adds the header and so does the app behind it: two Access-Control-Allow-Origin lines.
    config: (o) => conf({ cors: standard(o), proxy: { ownCors: o } }),
    expect: ["multiple-allow-origin"],
  },
  {
    name: "error-no-cors",
    target: "fail",
    config: (o) => conf({ cors: standard(o, { always: false }), proxy: { ownCors: null } }),
    expect: ["missing-allow-origin"],
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      conf({
        cors: [`add_header Access-Control-Allow-Origin "${o}" always;`],
        auth: true,
        proxy: { ownCors: null },
      }),
    expect: ["preflight-status-not-ok"],
  },
];

async function start(config: string, port: number, dir: string): Promise<Running> {
  const file = join(dir, "nginx.conf");
  return behindProxy(config, (upstream) => {
    writeFileSync(
      file,
      config.replaceAll("DIR", dir).replaceAll("PORT", String(port)).replaceAll("UPSTREAM", upstream),
    );
    return startProcess(NGINX, ["-p", dir, "-c", file, "-e", join(dir, "error.log")], port);
  });
}

/** "At the top of every location of the API: replace its add_header Access-Control-* lines and any OPTIONS if block." */
function apply(config: string, fix: Fix): string {
  let out = removeBlock(config, "if ($request_method = OPTIONS)");
  out = removeLines(out, /add_header Access-Control-/);
  for (const location of [
    "location /api/ {",
    "location /api/items/ {",
    "location /api/v1/ {",
    "location = /api/fail {",
  ])
    if (out.includes(location))
      out = insertAfterLine(out, location, `  ${fix.snippet.split("\n").join("\n  ")}`);
  return out;
}

const version = () => {
  const v = debVersion("nginx-light") ?? debVersion("nginx-core") ?? debVersion("nginx");
  return v ? `nginx ${v} (Debian)` : null;
};

export const nginxStack: StackUnderTest = {
  stack: "nginx",
  label: "nginx",
  version,
  install: "apt-get install nginx-light",
  cases,
  notApplicable: { "duplicate-proxy": "nginx alone has no app behind it: see nginx in front of an app" },
  start,
  apply,
};

export const nginxProxyStack: StackUnderTest = {
  stack: "nginx",
  label: "nginx in front of an app",
  version,
  install: "apt-get install nginx-light",
  cases: proxyCases,
  notApplicable: {
    "wildcard-credentials": "as nginx alone",
    "header-missing": "as nginx alone",
    "method-missing": "as nginx alone",
    "preflight-redirect": "as nginx alone",
  },
  start,
  apply,
};

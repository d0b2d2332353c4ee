import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Fix } from "../../../src/engine";
import { insertAfterLine, removeLines } from "../edit";
import { debVersion, type Running, startProcess } from "../harness";
import { movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { appLine, behindProxy, corsLineCases } from "./upstream";

function conf(ownCors: string | null, lines: string[]): string {
  return `${appLine(ownCors)}
{
  admin off
  auto_https off
}
http://127.0.0.1:PORT {
${lines.map((l) => `  ${l}`).join("\n")}
  reverse_proxy UPSTREAM
}
`;
}

function headers(
  o: string,
  opts: {
    origin?: string;
    credentials?: boolean;
    methods?: string;
    allow?: string;
    preflight?: boolean;
  } = {},
): string[] {
  const common = [
    `header Access-Control-Allow-Origin "${opts.origin ?? o}"`,
    ...(opts.credentials ? ['header Access-Control-Allow-Credentials "true"'] : []),
  ];
  return [
    ...common,
    ...(opts.preflight === false
      ? []
      : [
          "@preflight method OPTIONS",
          "handle @preflight {",
          `  header Access-Control-Allow-Methods "${opts.methods ?? "GET, POST, PUT, PATCH, DELETE"}"`,
          `  header Access-Control-Allow-Headers "${opts.allow ?? "content-type, x-api-key"}"`,
          "  respond 204",
          "}",
        ]),
  ];
}

const cases: StackCase[] = [
  ...corsLineCases((o, lines) => conf(null, headers(o, lines))),
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      conf(null, [
        ...headers(o, { preflight: false }),
        "@nokey {",
        "  path /api/items/*",
        "  not header X-Api-Key *",
        "}",
        "respond @nokey 401",
      ]),
    expect: ["preflight-status-not-ok"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    extra: [movedRequest("/api/v1/items/1")],
    // CORS set up right, but redir sorts before handle: the moved endpoint's preflight is redirected.
    config: (o) => conf(null, [...headers(o), "redir /api/v1/items/1 /api/items/1 308"]),
    expect: ["preflight-redirected"],
  },
  {
    name: "duplicate-proxy",
    target: "list",
    config: (o) => conf(o, headers(o)),
    expect: ["multiple-allow-origin"],
  },
];

async function start(config: string, port: number, dir: string): Promise<Running> {
  const file = join(dir, "Caddyfile");
  return behindProxy(config, (upstream) => {
    writeFileSync(file, config.replaceAll("PORT", String(port)).replaceAll("UPSTREAM", upstream));
    return startProcess("/usr/bin/caddy", ["run", "--config", file, "--adapter", "caddyfile"], port, {
      env: { XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, HOME: dir },
    });
  });
}

/**
 * What the printed text says, and only that: "replace any existing header Access-Control-* lines"
 * (`where`), "first in the site block", and where the fix says so, "give every redir a named
 * matcher that skips preflights" and "give your basicauth a named matcher that keeps its path and
 * skips OPTIONS". The app's own `handle @preflight` stays (its header lines go, as said): the
 * printed `handle @cors_preflight` comes first, and handle blocks are mutually exclusive.
 */
function apply(config: string, fix: Fix): string {
  let out = removeLines(config, /^\s*header Access-Control-/);
  if (fix.snippet.includes("redir @moved")) {
    let n = 0;
    out = out.replace(/^(\s*)redir (\/\S*) (.*)$/gm, (_all, indent: string, path: string, rest: string) => {
      n += 1;
      return `${indent}@moved${n} {\n${indent}  path ${path}\n${indent}  not method OPTIONS\n${indent}}\n${indent}redir @moved${n} ${rest}`;
    });
  }
  if (fix.snippet.includes("basicauth @cors_authed")) {
    let n = 0;
    out = out.replace(
      /^(\s*)(basicauth|basic_auth|forward_auth) (\/\S*) /gm,
      (_all, indent: string, directive: string, path: string) => {
        n += 1;
        return `${indent}@cors_authed${n} {\n${indent}  path ${path}\n${indent}  not method OPTIONS\n${indent}}\n${indent}${directive} @cors_authed${n} `;
      },
    );
  }
  return insertAfterLine(out, "http://127.0.0.1:PORT {", `  ${fix.snippet.split("\n").join("\n  ")}`);
}

export const caddyStack: StackUnderTest = {
  stack: "caddy",
  label: "Caddy (reverse_proxy)",
  version: () => {
    const v = debVersion("caddy");
    return v ? `Caddy ${v} (Debian)` : null;
  },
  detected: "caddy",
  install: "apt-get install caddy",
  cases,
  notApplicable: {
    "error-no-cors": "Caddy's header directive also applies to the app's 4xx/5xx responses",
  },
  start,
  apply,
};

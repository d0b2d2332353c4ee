import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { debVersion, type Running, startProcess } from "../harness";
import type { StackCase, StackUnderTest } from "../stack";

/** A plain PHP front script served by `php -S`, its CORS written with header() as PHP users write it. */
function app(cors: string, auth = ""): string {
  return `<?php
$origin = $_SERVER['HTTP_ORIGIN'] ?? '';
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$method = $_SERVER['REQUEST_METHOD'];
${auth}${cors}
header('Content-Type: application/json');
if ($path === '/api/fail') {
    http_response_code(500);
    echo '{"error":"boom"}';
    exit;
}
if ($method === 'DELETE') {
    http_response_code(204);
    exit;
}
if ($method === 'POST') {
    http_response_code(201);
}
echo '{"ok":true}';
`;
}

/** An allow-list of origins, the methods and headers as one header() line each. */
function cors(origins: string[], methods: string, headers: string): string {
  return `$allowed = [${origins.map((o) => `'${o}'`).join(", ")}];
if (in_array($origin, $allowed, true)) {
    header("Access-Control-Allow-Origin: $origin");
    header('Access-Control-Allow-Credentials: true');
}
header('Vary: Origin');
header('Access-Control-Allow-Methods: ${methods}');
header('Access-Control-Allow-Headers: ${headers}');
if ($method === 'OPTIONS') {
    http_response_code(204);
    exit;
}
`;
}

const ALL = "GET, POST, PUT, PATCH, DELETE";

const cases: StackCase[] = [
  { name: "no-cors", target: "list", config: () => app(""), expect: ["missing-allow-origin"], bare: true },
  {
    name: "no-cors-twice",
    target: "update",
    config: () => app(""),
    expect: ["missing-allow-origin", "preflight-status-not-ok"],
    bare: true,
    times: 2,
  },
  {
    name: "wildcard-credentials",
    target: "me",
    config: () =>
      app(`header('Access-Control-Allow-Origin: *');
header('Access-Control-Allow-Credentials: true');
header('Access-Control-Allow-Methods: ${ALL}');
header('Access-Control-Allow-Headers: Content-Type, X-Api-Key, X-Trace-Id');
if ($method === 'OPTIONS') {
    http_response_code(204);
    exit;
}
`),
    expect: ["wildcard-origin-with-credentials"],
  },
  {
    name: "header-missing",
    target: "update",
    config: (o) => app(cors([o, "https://admin.example"], ALL, "Content-Type, X-Trace-Id")),
    expect: ["header-not-allowed"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) =>
      app(cors([o, "https://admin.example"], "GET, POST, PUT, PATCH", "Content-Type, X-Api-Key, X-Trace-Id")),
    expect: ["method-not-allowed"],
  },
  {
    name: "origin-missing",
    target: "list",
    config: () =>
      app(cors(["https://admin.example", "https://staging.example"], ALL, "Content-Type, X-Trace-Id")),
    expect: ["missing-allow-origin"],
    bare: true,
  },
];

async function start(config: string, port: number, dir: string): Promise<Running> {
  writeFileSync(join(dir, "index.php"), config);
  return startProcess("/usr/bin/php", ["-S", `127.0.0.1:${port}`, "index.php"], port, { cwd: dir });
}

export const phpStack: StackUnderTest = {
  stack: "php",
  label: "PHP header() (php -S)",
  version: () => {
    const p = debVersion("php8.2-cli");
    return p ? `PHP ${p} (Debian)` : null;
  },
  detected: "php",
  install: "apt-get install php-cli",
  cases,
  notApplicable: {
    "preflight-redirect": "php -S sends every request to the front script: no trailing-slash redirect",
    "error-no-cors":
      "headers set with header() stay on PHP's own 500 (seen: a fatal error's 500 keeps Access-Control-Allow-Origin)",
    "header-missing-string": "header() lines are comma-joined strings already (header-missing)",
    "preflight-auth":
      "not covered yet: the printed fix for an auth check above the header() lines is the whole snippet at the top, whose preflight answer lists only the headers and methods seen, not the app's broader lines",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start,
  shape: { syntax: "header-lines", call: null, anchor: "<?php" },
  broad: true,
};

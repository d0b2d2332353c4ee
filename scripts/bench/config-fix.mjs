// Benchmark: `cors-lens fix --config` on a 5,000-line nginx configuration (400 origins in a `map`,
// 1,000 static locations, one proxied API location missing a request header) with the ~100 MB,
// 80%-blocked bench HAR as evidence — issue #23's target: ≤ 5 s.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeHar } from "./make-har.mjs";

/** The configuration: as a site with many tenants and versioned static trees writes it. */
export function bigNginx() {
  const lines = [
    "upstream app { server 127.0.0.1:9000; }",
    "map $http_origin $cors_origin {",
    '    default "";',
  ];
  lines.push('    "http://127.0.0.1:5601" $http_origin;');
  for (let i = 0; i < 400; i++) lines.push(`    "https://tenant${i}.example.com" $http_origin;`);
  lines.push("}", "server {", "    listen 5602;", "    server_name 127.0.0.1;");
  for (let i = 0; lines.length < 4980; i++)
    lines.push(
      `    location /static/v${i}/ {`,
      `        root /srv/www/v${i};`,
      "        expires 30d;",
      '        add_header Cache-Control "public";',
      "    }",
    );
  lines.push(
    "    location /api/ {",
    "        add_header Access-Control-Allow-Origin $cors_origin always;",
    '        add_header Access-Control-Allow-Methods "GET, PUT" always;',
    '        add_header Access-Control-Allow-Headers "content-type" always;',
    "        add_header Vary Origin always;",
    "        if ($request_method = OPTIONS) { return 204; }",
    "        proxy_pass http://app;",
    "    }",
    "}",
  );
  return `${lines.join("\n")}\n`;
}

export async function configFix(root, { megabytes = 100 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-config-fix-"));
  try {
    const har = join(dir, "big.har");
    const { entries } = await makeHar(har, megabytes * 1024 * 1024, { mostlyBlocked: true });
    const conf = join(dir, "big.conf");
    const text = bigNginx();
    writeFileSync(conf, text);
    const t0 = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        join(root, "scripts/bench/report-rss.mjs"),
        join(root, "dist/cli/cors-lens.mjs"),
        "fix",
        "--config",
        conf,
        "--har",
        har,
      ],
      { maxBuffer: 2 ** 31 - 1 },
    );
    const seconds = (performance.now() - t0) / 1000;
    const rss = Number(/maxrss_kb=(\d+)/.exec(run.stderr.toString())?.[1] ?? 0) / 1024;
    const changed = run.stdout
      .toString()
      .split("\n")
      .filter((l) => /^[+-][^+-]/.test(l)).length;
    return [
      {
        bench: `fix --config, ${text.split("\n").length - 1}-line nginx file, ${(statSync(har).size / 1048576).toFixed(0)} MB HAR (${entries.toLocaleString("en")} requests, 80% blocked)`,
        what: "diff + before/after table",
        value: `${seconds.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB, ${changed} changed lines`,
        ratio: `exit ${run.status}; target ≤ 5 s ${seconds <= 5 ? "met" : "MISSED"}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

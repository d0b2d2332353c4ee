// Benchmark 6: gzipped bundle sizes of the service worker, panel and devtools page (each with the
// chunks it imports).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

function closure(dist, entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, "utf8");
  for (const m of text.matchAll(/(?:from\s*|import\s*\(?\s*)["']([^"']+\.js)["']/g)) {
    const spec = m[1];
    const file = spec.startsWith("/") ? join(dist, spec) : resolve(dirname(entry), spec);
    closure(dist, file, seen);
  }
  return seen;
}

function htmlScripts(dist, html) {
  const text = readFileSync(join(dist, html), "utf8");
  return [...text.matchAll(/<(?:script[^>]*src|link[^>]*href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    join(dist, m[1]),
  );
}

export function bundleSizes(root) {
  const dist = join(root, "dist/chrome");
  const measure = (files) => {
    const all = new Set();
    for (const f of files) for (const x of f.endsWith(".js") ? closure(dist, f) : [f]) all.add(x);
    let raw = 0;
    let gz = 0;
    for (const f of all) {
      const b = readFileSync(f);
      raw += b.length;
      gz += gzipSync(b, { level: 9 }).length;
    }
    return `${(gz / 1024).toFixed(1)} kB gzipped (${(raw / 1024).toFixed(1)} kB raw)`;
  };
  return [
    {
      bench: "bundle",
      what: "service worker",
      value: measure([join(dist, "service-worker-loader.js")]),
      ratio: "",
    },
    {
      bench: "bundle",
      what: "panel (JS + CSS)",
      value: measure(htmlScripts(dist, "src/devtools/panel.html")),
      ratio: "",
    },
    {
      bench: "bundle",
      what: "devtools page",
      value: measure(htmlScripts(dist, "src/devtools/devtools.html")),
      ratio: "",
    },
  ];
}

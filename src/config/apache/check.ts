/**
 * `cors-lens check` for Apache httpd files: CORS mistakes visible in the configuration, each with
 * its file and line. Apache-specific ones: `Header` without `always` (httpd's own 401/403/redirect/
 * `R=` answers send the "always" table only: https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header),
 * one header set in both tables (a successful answer carries both lines), the preflight refused by
 * `Require` or sent on to the application behind `ProxyPass` (both found by answering a preflight
 * with the model), an OPTIONS rewrite in a per-directory context (it runs after authorization).
 */
import { regexWithoutScheme, unescapedHostDot } from "../origin-regex";
import type { ConfigFinding } from "../types";
import { STRANGER_ORIGIN, Unknown } from "../whatif";
import { type ApacheTree, allNodes, allOps, ignoredBy, newSt, type Op, render, route } from "./answer";
import { evalExpr, HTTP_VARS } from "./expr";
import { VARIABLE } from "./patch";
import type { Node } from "./syntax";

const lower = (s: string) => s.toLowerCase();
const sets = (o: Op) => ["set", "add", "append", "merge", "setifempty"].includes(o.action);
const isAcao = (o: Op) => lower(o.field) === "access-control-allow-origin" && sets(o);
const isCreds = (o: Op) =>
  lower(o.field) === "access-control-allow-credentials" && sets(o) && lower(o.value) === "true";

function unanchored(regex: string): boolean {
  const body = regex.replace(/^\(\?i\)/, "");
  return !body.startsWith("^") || !(body.endsWith("$") || body.endsWith("$)"));
}

/** Two sections whose `Header` lines can reach one response. */
function overlap(a: Op, b: Op): boolean {
  // Two virtual hosts never answer one request.
  if (a.layer.vhost && b.layer.vhost && a.layer.vhost !== b.layer.vhost) return false;
  if (a.layer.section === b.layer.section) return true;
  if (a.layer.where !== "location" || b.layer.where !== "location") return true;
  const pa = a.layer.section?.args.at(-1)?.value ?? "";
  const pb = b.layer.section?.args.at(-1)?.value ?? "";
  return pa.startsWith(pb) || pb.startsWith(pa);
}

function safeTest(re: string, nocase: boolean, s: string): boolean {
  try {
    return new RegExp(re.replace(/^\(\?i\)/, ""), nocase || re.startsWith("(?i)") ? "i" : "").test(s);
  } catch {
    return false;
  }
}

export function checkApache(tree: ApacheTree): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const seen = new Set<string>();
  const push = (f: ConfigFinding) => {
    const key = `${f.code}:${f.file}:${f.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  const at = (n: Node) => ({ file: n.file, line: n.line });
  const ops = allOps(tree);
  const acao = ops.filter(isAcao);
  if (acao.length === 0) return out;
  const nodes = allNodes(tree).map((x) => x.node);
  const originSetters = nodes.filter(
    (n) => (n.key === "setenvif" || n.key === "setenvifnocase") && lower(n.args[0]?.value ?? "") === "origin",
  );
  const vary = ops.some(
    (o) => lower(o.field) === "vary" && sets(o) && /(^|[\s,])origin($|[\s,])/i.test(o.value),
  );
  for (const o of ops) {
    if (/^access-control-/i.test(o.field) && sets(o) && !o.always)
      push({
        code: "no-always",
        severity: "warning",
        ...at(o.node),
        words: { key: "config.apache.check.no-always", params: { name: o.field } },
      });
  }
  for (const h of acao) {
    const v = h.value.trim();
    const creds = ops.find((o) => isCreds(o) && overlap(o, h));
    const variable = VARIABLE.exec(v)?.[1];
    const setter = variable
      ? originSetters.find((n) => n.args.slice(2).some((a) => a.value.split("=")[0] === variable))
      : undefined;
    // The variable sent as Allow-Origin set to more than the whole match: `$0` is the Origin, `$1`…
    // its groups (https://httpd.apache.org/docs/2.4/mod/mod_setenvif.html#setenvif): `$0$1` sends the
    // origin with a group appended ("https://app.example.coms"), which no page equals.
    const written = setter?.args
      .slice(2)
      .find((a) => a.value.split("=")[0] === variable)
      ?.value.split("=")[1];
    if (setter && written !== undefined && /\$\d/.test(written) && written !== "$0")
      push({
        code: "origin-env-not-whole",
        severity: "error",
        ...at(setter),
        words: { key: "config.apache.check.env-not-whole", params: { name: variable ?? "", value: written } },
      });
    // `%{HTTP_ORIGIN}e` with no line setting HTTP_ORIGIN: httpd makes HTTP_* variables for CGI
    // scripts only (https://httpd.apache.org/docs/2.4/env.html), not for a request it proxies or a
    // file it serves, so the value is empty and `env=HTTP_ORIGIN` never holds.
    const anySetter = nodes.some(
      (n) =>
        ["setenvif", "setenvifnocase", "setenv", "rewriterule"].includes(n.key) &&
        n.args.some((a) => a.value.split("=")[0] === variable || a.value.includes(`E=${variable}`)),
    );
    // A PHP or CGI handler makes them (mod_php adds the CGI variables): said surely where httpd proxies.
    const proxies = nodes.some(
      (n) =>
        n.key === "proxypass" ||
        (n.key === "rewriterule" && /\[[^\]]*\bP\b/i.test(n.args.map((a) => a.value).join(" "))),
    );
    if (variable?.startsWith("HTTP_") && !anySetter)
      push({
        code: "origin-env-http",
        severity: proxies ? "error" : "warning",
        ...at(h.node),
        words: {
          key: "config.apache.check.env-http",
          params: {
            name: variable,
            read: `%{${variable
              .slice(5)
              .toLowerCase()
              .replaceAll("_", "-")
              .replace(/(^|-)\w/g, (c) => c.toUpperCase())}}i`,
          },
        },
      });
    // An <If> that tests the origin guards what its Header lines reflect.
    const guarded = nodes.some(
      (n) =>
        (n.key === "if" || n.key === "elseif") &&
        /origin/i.test(n.args.map((t) => t.value).join(" ")) &&
        !!n.section?.children.includes(h.node),
    );
    const reflectsAny =
      (!guarded && /^expr=.*(%\{(req|http|HTTP):origin\}|%\{HTTP_ORIGIN\}|req\('origin'\))/i.test(v)) ||
      (!!setter && safeTest(setter.args[1]?.value ?? "", setter.key === "setenvifnocase", STRANGER_ORIGIN));
    // A `*` kept for other origins while the credentialed ones get their own origin (a later conditional set).
    const narrowed = ops.some(
      (o) =>
        isAcao(o) && o !== h && o.cond && o.layer.section === h.layer.section && o.node.start > h.node.start,
    );
    if (v === "*" && creds && !narrowed)
      push({
        code: "wildcard-with-credentials",
        severity: "error",
        ...at(h.node),
        words: { key: "config.check.wildcard-credentials", params: { line: creds.node.line } },
      });
    if (reflectsAny && creds)
      push({
        code: "reflected-with-credentials",
        severity: "error",
        ...at(h.node),
        words: { key: "config.check.reflected-credentials", params: { line: creds.node.line } },
      });
    if ((variable || /^expr=/i.test(v)) && !vary)
      push({
        code: "vary-origin-missing",
        severity: "warning",
        ...at(h.node),
        words: { key: "config.check.vary" },
      });
    if (/^https?:\/\/\S+[\s,]+\S/.test(v))
      push({
        code: "origin-list",
        severity: "error",
        ...at(h.node),
        words: { key: "config.check.origin-list" },
      });
    if (v === "null")
      push({
        code: "null-origin-allowed",
        severity: "warning",
        ...at(h.node),
        words: { key: "config.check.null" },
      });
    // Two lines of Allow-Origin: set and add, or one name in both tables.
    for (const g of acao) {
      if (g.node.start >= h.node.start && g.node.file === h.node.file) continue;
      if (g.node.file !== h.node.file && g.node.file > h.node.file) continue;
      if (!overlap(g, h)) continue;
      if (h.action === "add" || g.action === "add")
        push({
          code: "duplicate-allow-origin",
          severity: "error",
          ...at(h.node),
          words: { key: "config.check.duplicate", params: { line: g.node.line } },
        });
      else if (g.always !== h.always && !g.cond && !h.cond)
        push({
          code: "duplicate-allow-origin",
          severity: "error",
          ...at(h.always ? g.node : h.node),
          words: {
            key: "config.apache.check.two-tables",
            params: { name: h.field, line: (h.always ? h.node : g.node).line },
          },
        });
    }
  }
  // Allow-Origin set only under an <If> that holds for OPTIONS alone: the request after the preflight gets none.
  const ifs = nodes.filter((n) => n.key === "if" || n.key === "elseif");
  const optionsOnly = (n: Node) => {
    const src = n.args.map((t) => t.value).join(" ");
    const on = (method: string) => {
      try {
        return evalExpr(src, { method, path: "/", headers: [["Origin", STRANGER_ORIGIN]], env: new Map() });
      } catch {
        return null;
      }
    };
    return on("OPTIONS") === true && on("GET") === false && on("PUT") === false;
  };
  const inOptions = (o: Op) => ifs.some((n) => optionsOnly(n) && !!n.section?.children.includes(o.node));
  const preflightOnly = acao.filter(inOptions);
  for (const o of preflightOnly) {
    const holder = ifs.find((n) => n.section?.children.includes(o.node)) as Node;
    if (!acao.some((g) => !inOptions(g) && overlap(g, o)))
      push({
        code: "cors-on-preflight-only",
        severity: "error",
        ...at(holder),
        words: { key: "config.check.preflight-only" },
      });
  }
  // A RewriteRule that redirects (R, R=3xx) with no RewriteCond on the method before it: it redirects the
  // preflight too, and a preflight must not be redirected (https://fetch.spec.whatwg.org/#cors-preflight-fetch:
  // a response that is not ok fails it), so every preflighted call to those URLs is refused.
  const lists = [
    tree.top,
    ...tree.htaccess.map((h) => h.nodes),
    ...nodes.map((n) => n.section?.children ?? []),
  ];
  for (const list of lists) {
    list.forEach((n, i) => {
      if (n.key !== "rewriterule") return;
      const flags = n.args[2]?.value ?? "";
      if (!/^\[(?:[^\]]*,)?R(=3\d\d)?(,[^\]]*)?\]$/i.test(flags)) return;
      let j = i - 1;
      while (j >= 0 && list[j]?.key === "rewritecond") {
        if (/REQUEST_METHOD/i.test(list[j]?.args[0]?.value ?? "")) return;
        j--;
      }
      push({
        code: "preflight-redirected",
        severity: "warning",
        ...at(n),
        words: {
          key: "config.apache.check.rewrite-redirects-preflight",
          params: { cond: "RewriteCond %{REQUEST_METHOD} !=OPTIONS" },
        },
      });
    });
  }
  // A RewriteCond reading a header through an HTTP_ variable httpd does not have: always empty.
  for (const n of nodes) {
    if (n.key !== "rewritecond") continue;
    for (const m of (n.args[0]?.value ?? "").matchAll(/%\{(HTTP_[A-Z0-9_]+)\}/g)) {
      const name = m[1] as string;
      if (HTTP_VARS.has(name)) continue;
      const header = name
        .slice(5)
        .toLowerCase()
        .replace(/(^|_)([a-z])/g, (_x, sep: string, c: string) => `${sep ? "-" : ""}${c.toUpperCase()}`);
      push({
        code: "rewrite-variable-empty",
        severity: "error",
        ...at(n),
        words: {
          key: "config.apache.check.rewrite-variable",
          params: { name: `%{${name}}`, header: `%{HTTP:${header}}` },
        },
      });
    }
  }
  // CORS in a .htaccess that an AllowOverride without FileInfo makes httpd skip.
  for (const h of tree.htaccess) {
    const off = ignoredBy(tree, h.dir);
    const first = acao.find((o) => o.node.file === h.file);
    if (off && first)
      push({
        code: "htaccess-ignored",
        severity: "error",
        ...at(first.node),
        words: {
          key: "config.apache.check.htaccess-ignored",
          params: { value: off.args.map((a) => a.value).join(" "), file: off.file, line: off.line },
        },
        // The AllowOverride is where it is mended (fix gives it FileInfo): named too.
        also: [{ file: off.file, line: off.line }],
      });
  }
  // Origin regexes: SetEnvIf Origin, RewriteCond on the Origin header, <If> and expr= tests of it.
  const regexes: Array<{ regex: string; n: Node; nocase: boolean }> = [];
  // A SetEnvIf whose variable only tells that an Origin is present (h5bp's `SetEnvIf Origin ":" IS_CORS`
  // before `*`) allows no list: its regex is not an allow-list.
  for (const n of originSetters) {
    const vars = n.args.slice(2).map((a) => a.value.replace(/^!/, "").split("=")[0]);
    const decides = acao.some(
      (o) =>
        vars.some((v) => o.value.includes(`%{${v}}e`)) ||
        (o.value.trim() !== "*" && vars.some((v) => o.cond === `env=${v}`)),
    );
    if (decides) regexes.push({ regex: n.args[1]?.value ?? "", n, nocase: n.key === "setenvifnocase" });
  }
  for (const n of nodes) {
    if (n.key === "rewritecond" && /%\{(HTTP:Origin|HTTP_ORIGIN)\}/i.test(n.args[0]?.value ?? ""))
      regexes.push({
        regex: (n.args[1]?.value ?? "").replace(/^!/, ""),
        n,
        nocase: /NC/i.test(n.args[2]?.value ?? ""),
      });
    if (
      n.key === "if" ||
      n.key === "elseif" ||
      (n.key === "header" && /expr=/i.test(n.args.map((a) => a.value).join(" ")))
    ) {
      const src = n.args.map((a) => a.value).join(" ");
      const m = /(?:origin\}|'origin'\))\s*=~\s*(?:\/((?:\\.|[^/])*)\/|m(.)(.*?)\2)/i.exec(src);
      if (m) regexes.push({ regex: m[1] ?? m[3] ?? "", n, nocase: false });
    }
  }
  for (const { regex, n, nocase } of regexes) {
    if (regex === "" || /^\^?\(?\.[*+]\)?\$?$/.test(regex)) continue;
    if (unescapedHostDot(regex))
      push({
        code: "origin-regex-dot",
        severity: "error",
        ...at(n),
        words: { key: "config.check.regex-dot", params: { regex } },
      });
    if (unanchored(regex))
      push({
        code: "origin-regex-anchor",
        severity: "error",
        ...at(n),
        words: { key: "config.check.regex-anchor", params: { regex } },
      });
    if (regexWithoutScheme(regex))
      push({
        code: "origin-no-scheme",
        severity: "error",
        ...at(n),
        words: { key: "config.check.regex-no-scheme", params: { regex } },
      });
    if (safeTest(regex, nocase, "null") && !safeTest(regex, nocase, STRANGER_ORIGIN))
      push({
        code: "null-origin-allowed",
        severity: "warning",
        ...at(n),
        words: { key: "config.check.null" },
      });
  }
  // The preflight as httpd answers it, for each place CORS is set: refused, or sent on to the application.
  const paths = new Set<string>(["/"]);
  for (const n of nodes)
    if (n.key === "proxypass" && n.args[0]?.value.startsWith("/"))
      paths.add(`${n.args[0].value.replace(/\/$/, "")}/x`);
  for (const n of nodes)
    if (n.key === "location" && n.args[0]?.value.startsWith("/"))
      paths.add(`${n.args[0].value.replace(/\/$/, "")}/x`);
  const vhosts = nodes.filter((n) => n.key === "virtualhost");
  const bases =
    vhosts.length > 0
      ? vhosts.map((v) => `http://localhost:${/:(\d+)$/.exec(v.args[0]?.value ?? "")?.[1] ?? "80"}`)
      : ["http://localhost"];
  for (const base of bases)
    for (const p of paths) {
      const request = {
        method: "OPTIONS",
        url: `${base}${p}`,
        headers: [
          ["Origin", STRANGER_ORIGIN],
          ["Access-Control-Request-Method", "PUT"],
        ] as Array<[string, string]>,
      };
      try {
        const r = render(tree, request);
        if (
          !r.headers.some((h) => lower(h.name) === "access-control-allow-origin") &&
          !r.ops.some((x) => isAcao(x.op))
        )
          continue;
        // Answered (2xx) with neither Access-Control-Allow-Methods nor -Headers: every preflight asks
        // for a method beyond GET, HEAD and POST or a header beyond the safelisted ones, so none passes.
        const names = new Set(r.headers.map((h) => lower(h.name)));
        const acaoOp = r.ops.find((x) => isAcao(x.op))?.op;
        // Only an answer the file writes for OPTIONS (a RewriteRule's R=2xx), not httpd's own.
        const rewritten = r.outcome.kind === "local" && r.outcome.by?.key === "rewriterule";
        if (
          rewritten &&
          r.status >= 200 &&
          r.status < 300 &&
          acaoOp &&
          names.has("access-control-allow-origin") &&
          !names.has("access-control-allow-methods") &&
          !names.has("access-control-allow-headers")
        )
          push({
            code: "preflight-allows-nothing",
            severity: "error",
            ...at(acaoOp.node),
            words: { key: "config.check.preflight-allows-nothing" },
          });
        const by = r.outcome.kind === "local" ? r.outcome.by : null;
        if (by && by.key === "require" && r.status >= 400) {
          push({
            code: "preflight-refused",
            severity: "error",
            ...at(by),
            words: {
              key: "config.check.preflight-refused",
              params: { directive: `Require ${by.args.map((a) => a.value).join(" ")}` },
            },
          });
          const late = nodes.find(
            (n) =>
              n.key === "rewritecond" &&
              /REQUEST_METHOD/.test(n.args[0]?.value ?? "") &&
              /OPTIONS/i.test(n.args[1]?.value ?? "") &&
              !r.route.vhost?.section?.children.includes(n),
          );
          if (late)
            push({
              code: "preflight-rewrite-after-auth",
              severity: "error",
              ...at(late),
              words: { key: "config.apache.check.rewrite-after-auth", params: { line: by.line } },
            });
        }
      } catch (e) {
        if (!(e instanceof Unknown)) throw e;
        if (e.why.key !== "config.apache.unknown.upstream-options") continue;
        const proxied = route(tree, newSt(request)).proxied;
        if (proxied)
          push({
            code: "preflight-to-upstream",
            severity: "warning",
            ...at(proxied),
            words: { key: "config.apache.check.preflight-upstream" },
          });
      }
    }
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

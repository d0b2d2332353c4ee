// https://github.com/apereo/mod_auth_cas/issues/142 — `Header set "Access-Control-Allow-Origin" "*"`
// everywhere, yet the 302 that sends the call to the CAS login goes out without it; the answer:
// `Header always set` (the default table is skipped for non-2xx responses). The CAS redirect is
// rebuilt as a mod_rewrite 302 to a login URL on the same API (mod_auth_cas is not installed here).
import { apacheStack } from "../stacks/apache";
import { appLine } from "../stacks/upstream";
import type { Report } from "./report";

const MODULES = "/usr/lib/apache2/modules";
const LOAD = ["mpm_event", "authz_core", "headers", "rewrite", "setenvif", "alias", "proxy", "proxy_http"];

export const modAuthCas142: Report = {
  url: "https://github.com/apereo/mod_auth_cas/issues/142",
  id: "mod_auth_cas#142",
  stack: "apache",
  mistake: "Header set (without always) is not applied to the 302 redirect: use Header always set",
  names: [/always/],
  target: "list",
  expect: ["missing-allow-origin"],
  config: () => `${appLine(null)}
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
  Header set "Access-Control-Allow-Origin" "*"
  RewriteEngine On
  RewriteRule ^/api/items$ /api/cas/login?service=items [R=302,L]
  ProxyPass /api/ http://UPSTREAM/api/
</VirtualHost>
`,
  start: apacheStack.start,
  apply: (config, fix) => apacheStack.apply?.(config, fix, "error-no-cors") ?? config,
};

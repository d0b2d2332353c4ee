/**
 * Issue #23's eighth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT8_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/mitre/multiscanner-ansible/pull/41 — the allowed origin captured with
    // SetEnvIf and written back as `$0$1`: the regex's first group is the optional "s" of https, so an
    // https front end gets its origin with an "s" appended, which matches nothing. Root: the SetEnvIf.
    name: "heldout8 Apache: SetEnvIf writes $0$1, an https origin comes back with an 's' appended",
    url: "https://github.com/mitre/multiscanner-ansible/pull/41",
    rootText: 'SetEnvIf Origin "^http(s)?://(app|admin)\\.example\\.com$" CORS_ALLOW=$0$1',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    SetEnvIf Origin "^http(s)?://(app|admin)\\.example\\.com$" CORS_ALLOW=$0$1
    Header always set Access-Control-Allow-Origin "%{CORS_ALLOW}e" env=CORS_ALLOW
    Header always merge Vary Origin

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/opencpu/opencpu/issues/285 — HTTP basic auth (Require valid-user) on the API
    // location: the browser's preflight carries no Authorization, Apache answers it 401, and the
    // authenticated call never goes out. Root: the Require valid-user line.
    name: "heldout8 Apache: Require valid-user on the API location answers the preflight 401",
    url: "https://github.com/opencpu/opencpu/issues/285",
    rootText: "Require valid-user",
    files: { ".htpasswd": "admin:$2y$05$wE9/inVte30w0GzPszw7eONOVqsKhEY2FjXQRvTnC1ie0SDgOTFzG\n" },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    <Location /api/>
        AuthType Basic
        AuthName "API"
        AuthUserFile .htpasswd
        Require valid-user

        Header always set Access-Control-Allow-Origin "${APP_ORIGIN}"
        Header always set Access-Control-Allow-Methods "GET, POST, PUT, OPTIONS"
        Header always set Access-Control-Allow-Headers "Authorization, Content-Type"
    </Location>

    ProxyPass /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: APP_ORIGIN,
        headers: [["Authorization", "Basic YWRtaW46czNjcmV0"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/phpipam/phpipam/issues/3554 — `Header always set Access-Control-Allow-Origin "*"`
    // in front of an application that sends its own: `always` writes to a separate header table, the
    // application's value is kept, and the answer carries two Allow-Origin values. Root: that line.
    name: "heldout8 Apache: Header always set Allow-Origin over the application's own, two values sent",
    url: "https://github.com/phpipam/phpipam/issues/3554",
    rootText: 'Header always set Access-Control-Allow-Origin "*"',
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName ipam.example.com

    Header always set Access-Control-Allow-Origin "*"
    Header always set Access-Control-Allow-Methods "POST, GET, OPTIONS, DELETE, PUT"
    Header always set Access-Control-Allow-Headers "x-requested-with, Content-Type, origin, authorization, accept"
    Header always set Access-Control-Max-Age "600"

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
];

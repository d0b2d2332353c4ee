/**
 * Issue #23's thirteenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first
 * line holding it).
 */
import { createHash } from "node:crypto";
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
/** htpasswd's {SHA} form (mod_authn_file reads it): bob / secret. */
const HTPASSWD = `bob:{SHA}${createHash("sha1").update("secret").digest("base64")}\n`;

export const HELD_OUT13_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/gssapi/mod_auth_gssapi/issues/221 — "CORS support": the Kerberos-protected API
    // sets Access-Control-Allow-Origin with `Header set`, which Apache applies to successful answers
    // only; the 401 of the authentication handshake goes out without it, so the browser stops at the
    // first answer and never sends the second (the answer: early/late processing of mod_headers).
    // mod_auth_gssapi is not installed here: Basic authentication stands in for the Negotiate
    // handshake (the same 401 from httpd's auth phase). Root: the `Header set` line.
    name: "heldout13 Apache: Allow-Origin set without 'always', the auth handshake's 401 goes out without it",
    url: "https://github.com/gssapi/mod_auth_gssapi/issues/221",
    rootText: 'Header set Access-Control-Allow-Origin "https://app.example.com"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.desired.server

    Header set Access-Control-Allow-Origin "https://app.example.com"

    <Location /api/>
        # AuthType GSSAPI in production (mod_auth_gssapi); Basic here
        AuthType Basic
        AuthName "Kerberos Login"
        AuthBasicProvider file
        AuthUserFile DIR/htpasswd
        Require valid-user
    </Location>

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    files: { htpasswd: HTPASSWD },
    calls: [{ method: "GET", path: "/api/whoami", origin: APP_ORIGIN }],
    check: [],
  },
];

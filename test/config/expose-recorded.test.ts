/**
 * CORS written where a server config set none (nginx, Apache, Caddy) exposes the headers the
 * application's recorded answers carry that a script can read only when exposed (whatif.ts
 * recordedExposable): a list's X-Total-Count stays readable by the page. Safelisted, transport and CORS
 * names are left out, as the engine's header-not-exposed leaves them.
 */
import { describe, expect, it } from "vitest";
import { fixConfig, readConfig } from "../../src/config";
import type { ConfigFile } from "../../src/config/types";
import { renderExchange } from "../../src/config/whatif";
import type { ObservedExchange } from "../../src/engine";
import { APP } from "./recorded";

const ANSWER = {
  status: 200,
  headers: [
    ["Content-Type", "application/json"],
    ["Date", "Mon, 07 Dec 2026 08:00:00 GMT"],
    ["Server", "gunicorn"],
    ["X-Total-Count", "42"],
    ["Link", '</api/items?page=2>; rel="next"'],
  ] as Array<[string, string]>,
};

/** What Chromium recorded: the server's answer, the application's headers in it. */
function recorded(files: ConfigFile[], url: string, answer = ANSWER): ObservedExchange[] {
  const config = readConfig(files);
  const r = renderExchange(
    { id: "e0", url, method: "GET", origin: APP, headers: [], credentials: "omit", source: "evidence" },
    (req) => config.answer({ ...req, upstream: answer }),
  );
  if (!("exchange" in r)) throw new Error("unknown");
  return [{ ...r.exchange, recordedBy: "chromium" }];
}

function fixed(path: string, text: string, url: string) {
  const files = [{ path, text }];
  const r = fixConfig(files, recorded(files, url));
  const after = r.files[0]?.after ?? text;
  // The patched file, read back: the page's origin answered with the names exposed.
  const a = readConfig([{ path, text: after }]).answer({
    method: "GET",
    url,
    headers: [["Origin", APP]],
    upstream: ANSWER,
  });
  const exposed =
    a.kind === "known"
      ? a.headers.find(([n]) => n.toLowerCase() === "access-control-expose-headers")
      : undefined;
  return { r, after, exposed: exposed?.[1] ?? null };
}

describe("fix --config, Allow-Origin written where none was set: the recorded answers' headers exposed", () => {
  it("nginx: add_header … always beside the new Allow-Origin", () => {
    const { r, after, exposed } = fixed(
      "site.conf",
      `server {
    listen 80;
    server_name api.example.com;
    location /api/ {
        proxy_pass http://127.0.0.1:8000;
    }
}
`,
      "http://api.example.com/api/items",
    );
    expect(r.ok).toBe(true);
    expect(after).toContain(
      '        add_header Access-Control-Expose-Headers "X-Total-Count, Link" always;\n',
    );
    expect(r.edits[0]?.why).toEqual({
      key: "config.fix.fresh-expose",
      params: { origins: APP, expose: "X-Total-Count, Link" },
    });
    expect(exposed).toBe("X-Total-Count, Link");
  });

  it("Apache: Header always set in the virtual host", () => {
    const { r, after, exposed } = fixed(
      "site.conf",
      `<VirtualHost *:80>
    ServerName api.example.com
    ProxyPass /api/ http://127.0.0.1:8000/api/
</VirtualHost>
`,
      "http://api.example.com/api/items",
    );
    expect(r.ok).toBe(true);
    expect(after).toContain('Header always set Access-Control-Expose-Headers "X-Total-Count, Link"\n');
    expect(exposed).toBe("X-Total-Count, Link");
  });

  it("Apache, two virtual hosts: each exposes what its own answers carried", () => {
    const text = `<VirtualHost *:80>
    ServerName api.example.com
    ProxyPass /api/ http://127.0.0.1:8000/api/
</VirtualHost>
<VirtualHost *:80>
    ServerName files.example.com
    ProxyPass / http://127.0.0.1:8001/
</VirtualHost>
`;
    const files = [{ path: "site.conf", text }];
    const r = fixConfig(files, [
      ...recorded(files, "http://api.example.com/api/items"),
      ...recorded(files, "http://files.example.com/a.pdf", {
        status: 200,
        headers: [["X-File-Id", "7"]],
      }),
    ]);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    const [api, files2] = after.split("</VirtualHost>");
    expect(api).toContain('Header always set Access-Control-Expose-Headers "X-Total-Count, Link"');
    expect(files2).toContain("Header always set Access-Control-Expose-Headers X-File-Id\n");
  });

  it("Caddy: a header line in the site", () => {
    const { r, after, exposed } = fixed(
      "Caddyfile",
      `api.example.com:80 {
	reverse_proxy 127.0.0.1:8000
}
`,
      "http://api.example.com/api/items",
    );
    expect(r.ok).toBe(true);
    expect(after).toContain('header Access-Control-Expose-Headers "X-Total-Count, Link"');
    expect(exposed).toBe("X-Total-Count, Link");
  });

  it("a name that is no HTTP token (a hostile or broken recording) is never written into the file", () => {
    const files = [
      {
        path: "site.conf",
        text: "server {\n    listen 80;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
      },
    ];
    // As a HAR hands it over: the recorded answer's header list taken as written.
    const [x] = recorded(files, "http://localhost/api/items", {
      status: 200,
      headers: [["X-Total-Count", "2"]],
    });
    const hop = x?.hops[0];
    if (!x || !hop) throw new Error("no exchange");
    const hostile: ObservedExchange = {
      ...x,
      hops: [
        {
          ...hop,
          responseHeaders: [
            ['X-Evil" always; return 302 http://evil.example; #', "1"],
            ...hop.responseHeaders,
          ],
        },
      ],
    };
    const r = fixConfig(files, [hostile]);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain('add_header Access-Control-Expose-Headers "X-Total-Count" always;');
    expect(r.files[0]?.after).not.toContain("evil");
  });

  it("answers carrying nothing worth exposing: no Expose-Headers line", () => {
    const files = [
      {
        path: "site.conf",
        text: "server {\n    listen 80;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
      },
    ];
    const r = fixConfig(
      files,
      recorded(files, "http://localhost/api/items", {
        status: 200,
        headers: [["Content-Type", "application/json"]],
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).not.toContain("Expose");
    expect(r.edits[0]?.why.key).toBe("config.fix.fresh");
  });
});

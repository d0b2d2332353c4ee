/**
 * `check --config` findings added for shapes held-out set 14 brought (test/fixes/HELDOUT14.md), each on
 * a file of its own: the code and the line it names, and nothing on the same file made right.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { regexWithoutScheme } from "../../src/config/origin-regex";
import { grammarBytes } from "./recorded";

beforeAll(async () => {
  await prepareConfig(
    [
      { path: "app.py", text: "from flask import Flask\n" },
      { path: "settings.py", text: "MIDDLEWARE = []\n" },
    ],
    grammarBytes,
  );
});

const codes = (path: string, text: string) =>
  checkConfig([{ path, text }]).findings.map((f) => `${f.code}@${f.line}`);

describe("origin regexes without a scheme", () => {
  it("a literal start that cannot begin scheme:// is named; a scheme, a group or null is not", () => {
    for (const r of [
      "^app\\.example\\.com$",
      "^localhost:\\d{4}$",
      "^127\\.0\\.0\\.1(:\\d+)?$",
      "^localhost:3000",
    ])
      expect(regexWithoutScheme(r), r).toBe(true);
    for (const r of [
      "^https?://app\\.example\\.com$",
      "^https?:\\/\\/app\\.example\\.com$",
      "^(https?://)?localhost(:[0-9]{4})?$",
      "^[a-z]+://app\\.example\\.com$",
      "^null$",
      "^capacitor://localhost$",
      "^app\\.example\\.com$|^https://b\\.example$",
      "app\\.example\\.com$",
      "^http",
    ])
      expect(regexWithoutScheme(r), r).toBe(false);
    // Python's re.match anchors the start without ^.
    expect(regexWithoutScheme("localhost:\\d{4}$", true)).toBe(true);
    expect(regexWithoutScheme("localhost:\\d{4}$")).toBe(false);
  });

  it("nginx: a map key of the Origin written without https:// (wp-project#136's cors map)", () => {
    const text = `map $http_origin $cors_origin {
    default "";
    "~^app\\.example\\.com$" $http_origin;
    "~^https://admin\\.example\\.com$" $http_origin;
}
server {
    listen 8080;
    location / {
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;
        return 200;
    }
}
`;
    expect(codes("site.conf", text)).toEqual(["origin-no-scheme@3"]);
    expect(codes("site.conf", text.replace("~^app", "~^https://app"))).toEqual([]);
  });

  it("Django: CORS_ALLOWED_ORIGIN_REGEXES (re.match: anchored without ^)", () => {
    const text = `INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ALLOWED_ORIGIN_REGEXES = [r"localhost:\\d{4}$"]
`;
    expect(codes("settings.py", text)).toContain("django-regex-no-scheme@3");
    expect(codes("settings.py", text.replace('r"localhost', 'r"^http://localhost'))).not.toContain(
      "django-regex-no-scheme@3",
    );
  });
});

describe("Express: the origin function's own list", () => {
  it("a bare host in the list the callback looks the Origin up in (expressjs/cors#89)", () => {
    const text = `var express = require("express");
var cors = require("cors");
var app = express();
var whitelist = ["localhost", "https://app.example.com"];
var corsOptions = {
  origin: function (origin, callback) {
    var ok = whitelist.indexOf(origin) !== -1;
    callback(ok ? null : "Bad Request", ok);
  },
};
app.use(cors(corsOptions));
app.get("/todos", (req, res) => res.json([]));
`;
    expect(codes("server.js", text)).toContain("origin-no-scheme@4");
    expect(codes("server.js", text.replace('"localhost"', '"http://localhost:3000"'))).not.toContain(
      "origin-no-scheme@4",
    );
  });
});

describe("Flask: Allow-Origin set by the view alone", () => {
  it("names each route taking a preflighted method; OPTIONS listed, or flask-cors, is not named", () => {
    const text = `from flask import Flask, Response

app = Flask(__name__)

HEADERS = {"Access-Control-Allow-Origin": "*"}


@app.route("/", defaults={"path": ""}, methods=["GET", "POST"])
@app.route("/<path:path>", methods=["GET", "POST"])
def catch_all(path):
    return Response("{}", headers=HEADERS)


@app.route("/status")
def status():
    return Response("{}", headers=HEADERS)
`;
    expect(codes("app.py", text)).toEqual(["flask-view-cors-preflight@8", "flask-view-cors-preflight@9"]);
    expect(
      codes("app.py", text.replaceAll('methods=["GET", "POST"]', 'methods=["GET", "POST", "OPTIONS"]')),
    ).toEqual([]);
    const withCors = text
      .replace(
        "from flask import Flask, Response",
        "from flask import Flask, Response\nfrom flask_cors import CORS",
      )
      .replace("app = Flask(__name__)", "app = Flask(__name__)\nCORS(app)");
    expect(codes("app.py", withCors).filter((c) => c.startsWith("flask-view-cors-preflight"))).toEqual([]);
  });
});

describe("Django: the CSRF token header left out of CORS_ALLOW_HEADERS", () => {
  const text = `INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = (
    "x-requested-with",
    "content-type",
    "authorization",
)
`;
  it("with cookies and CsrfViewMiddleware (django-cors-headers#15)", () => {
    expect(codes("settings.py", text)).toContain("django-setting-drops-default@9");
  });
  it("not without credentials, nor with the header listed, nor without the CSRF middleware", () => {
    expect(codes("settings.py", text.replace("= True", "= False"))).not.toContain(
      "django-setting-drops-default@9",
    );
    expect(
      codes("settings.py", text.replace('"authorization",', '"authorization",\n    "x-csrftoken",')),
    ).not.toContain("django-setting-drops-default@9");
    expect(
      codes("settings.py", text.replace('    "django.middleware.csrf.CsrfViewMiddleware",\n', "")),
    ).not.toContain("django-setting-drops-default@9");
  });
  it("CSRF_HEADER_NAME names the header", () => {
    const custom = `${text.replace('"authorization",', '"authorization",\n    "x-csrftoken",')}CSRF_HEADER_NAME = "HTTP_X_XSRF_TOKEN"\n`;
    expect(codes("settings.py", custom)).toContain("django-setting-drops-default@9");
  });
});

describe("Apache: a colon after the header name", () => {
  it("httpd drops it: the line sets Access-Control-Allow-Origin (woocommerce#9395's preflight to WordPress)", () => {
    const text = `<VirtualHost 127.0.0.1:8080>
    <IfModule mod_headers.c>
        Header always set Access-Control-Allow-Origin: "*"
        Header always set Access-Control-Allow-Methods "POST, GET, OPTIONS"
        Header always set Access-Control-Allow-Headers "authorization"
    </IfModule>
    ProxyPass /wc-api/ http://127.0.0.1:9000/wc-api/
</VirtualHost>
`;
    expect(codes("site.conf", text)).toEqual(["preflight-to-upstream@7"]);
  });
});

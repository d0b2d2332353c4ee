/**
 * `check --config` findings added for shapes held-out sets 11 and 12 brought (test/fixes/HELDOUT11.md, HELDOUT12.md), each
 * on a file of its own: the code and the line it names, and nothing on the same file made right.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, detectFormat, prepareConfig } from "../../src/config";
import { grammarBytes } from "./recorded";

beforeAll(async () => {
  await prepareConfig(
    [
      { path: "app.py", text: "from flask import Flask\n" },
      { path: "config.ru", text: "use Rack::Cors\n" },
    ],
    grammarBytes,
  );
});

const codes = (path: string, text: string) =>
  checkConfig([{ path, text }]).findings.map((f) => `${f.code}@${f.line}`);

describe("nginx", () => {
  it("a CORS regex location another regex location before it takes the files of", () => {
    const text = `server {
    listen 80;
    location ~* \\.(?:jpg|png|ttf|woff)$ {
        expires 1M;
        proxy_pass http://app;
    }
    location ~* \\.(ttf|otf|woff)$ {
        add_header Access-Control-Allow-Origin "*";
        proxy_pass http://app;
    }
}
`;
    expect(codes("site.conf", text)).toContain("cors-location-shadowed@3");
    // The CORS location first: nothing to say.
    const fixed = text.replace(
      /( {4}location ~\* \\\.\(\?:jpg[\s\S]*?\n {4}\}\n)([\s\S]*?\n {4}\}\n)/,
      "$2$1",
    );
    expect(fixed).not.toBe(text);
    expect(codes("site.conf", fixed)).not.toContain("cors-location-shadowed@7");
    expect(codes("site.conf", fixed).filter((c) => c.startsWith("cors-location-shadowed"))).toEqual([]);
  });
  it("a location with CORS headers nested in a proxied one, without a proxy_pass of its own", () => {
    const text = `server {
    listen 80;
    root /srv/static;
    location / {
        proxy_pass http://app;
        add_header Access-Control-Allow-Origin "https://a.example" always;
        location ~* \\.(?:woff2?|ttf)$ {
            add_header Access-Control-Allow-Origin "https://a.example";
        }
    }
}
`;
    expect(codes("site.conf", text)).toContain("nested-location-not-proxied@7");
    const fixed = text.replace(
      '            add_header Access-Control-Allow-Origin "https://a.example";\n',
      '            add_header Access-Control-Allow-Origin "https://a.example";\n            proxy_pass http://app;\n',
    );
    expect(codes("site.conf", fixed)).not.toContain("nested-location-not-proxied@7");
  });
});

describe("Express and Hono", () => {
  it("an origin RegExp with the g flag", () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
app.use(cors({ origin: [/^https:\\/\\/a\\.example$/g] }));
app.get("/api", (req, res) => res.json([]));
`;
    expect(codes("app.js", text)).toContain("origin-regex-global@4");
    expect(codes("app.js", text.replace("$/g]", "$/]"))).not.toContain("origin-regex-global@4");
  });
  it("cors() on OPTIONS routes only", () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
app.options("/{*splat}", cors());
app.get("/api", (req, res) => res.json([]));
`;
    expect(codes("app.js", text)).toContain("cors-options-only@4");
    expect(codes("app.js", `${text}app.use(cors());\n`)).not.toContain("cors-options-only@4");
  });
  it("an app with no CORS at all, named where it is made", () => {
    const text = `const Fastify = require("fastify");

const server = Fastify({ logger: false });
server.get("/trails", async () => []);
`;
    expect(codes("server.js", text)).toEqual(["no-cors@3"]);
  });
  it("hono/cors with the documentation's example allowHeaders", () => {
    const text = `import { Hono } from "hono";
import { cors } from "hono/cors";
const app = new Hono();
app.use(
  "/api/*",
  cors({
    origin: "https://a.example",
    allowHeaders: ["X-Custom-Header", "Upgrade-Insecure-Requests"],
  }),
);
app.get("/api/notes", (c) => c.json([]));
export default app;
`;
    expect(codes("server.mjs", text)).toContain("docs-example-headers@8");
    expect(codes("server.mjs", text.replace('"X-Custom-Header", ', '"Authorization", '))).not.toContain(
      "docs-example-headers@8",
    );
  });
});

describe("FastAPI", () => {
  const head = `from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"], allow_methods=["*"], allow_headers=["*"])


class NotFound(Exception):
    pass
`;
  it("an exception handler that raises", () => {
    const text = `${head}

@app.exception_handler(NotFound)
async def not_found(request: Request, exc: NotFound):
    raise HTTPException(status_code=404, detail=str(exc))
`;
    expect(codes("app.py", text)).toContain("starlette-handler-raises@15");
    expect(
      codes(
        "app.py",
        text.replace("raise HTTPException(status_code=404, detail=str(exc))", "return JSONResponse({}, 404)"),
      ),
    ).not.toContain("starlette-handler-raises@15");
  });
  it("a handler for Exception, outside CORSMiddleware", () => {
    const text = `${head}

@app.exception_handler(Exception)
async def everything(request: Request, exc: Exception):
    return JSONResponse({"error": str(exc)}, status_code=500)
`;
    expect(codes("app.py", text)).toContain("starlette-handler-outside-cors@13");
  });
});

describe("Flask", () => {
  it("a route's method the CORS() methods refuse", () => {
    const text = `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": "*"}}, methods=["GET", "POST", "PUT", "OPTIONS"])


@app.route("/api/items/<int:item_id>", methods=["GET", "PATCH"])
def item(item_id):
    return jsonify({})
`;
    expect(codes("app.py", text)).toContain("flask-route-method@5");
    expect(codes("app.py", text.replace('"PUT", "OPTIONS"', '"PUT", "PATCH", "OPTIONS"'))).not.toContain(
      "flask-route-method@5",
    );
  });
  it("provide_automatic_options set inside the view, at call time", () => {
    const text = `from functools import wraps

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)


def allows_cors(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        wrapper.provide_automatic_options = False
        response = make_response(f(*args, **kwargs))
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


@app.route("/api/me", methods=["GET", "PUT"])
@allows_cors
def me():
    return jsonify({})
`;
    expect(codes("app.py", text)).toContain("flask-automatic-options-late@11");
  });
});

describe("S3", () => {
  it("a write method without allowed headers is named at the method's own line", () => {
    const text = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>https://a.example</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
  </CORSRule>
</CORSConfiguration>
`;
    expect(codes("cors.xml", text)).toContain("s3-no-headers@5");
  });
});

describe("Django settings", () => {
  const base = `INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ALLOWED_ORIGINS = ["https://a.example"]
`;
  it("a list that replaces the defaults and leaves out content-type, or one write method of several", () => {
    expect(codes("settings.py", `${base}CORS_ALLOW_HEADERS = ["authorization", "x-api-key"]\n`)).toContain(
      "django-setting-drops-default@4",
    );
    expect(codes("settings.py", `${base}CORS_ALLOW_METHODS = ["GET", "POST", "PUT", "OPTIONS"]\n`)).toContain(
      "django-setting-drops-default@4",
    );
    // The defaults kept, or a read-only list: nothing to say.
    expect(
      codes(
        "settings.py",
        `from corsheaders.defaults import default_headers\n${base}CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")\n`,
      ),
    ).toEqual([]);
    expect(codes("settings.py", `${base}CORS_ALLOW_METHODS = ["GET", "OPTIONS"]\n`)).toEqual([]);
  });
});

describe("held-out set 12's shapes", () => {
  it("nginx: Allow-Methods '*' beside Allow-Credentials", () => {
    const text = `server {
    listen 80;
    location / {
        add_header 'Access-Control-Allow-Origin' $http_origin always;
        add_header 'Access-Control-Allow-Credentials' 'true' always;
        add_header 'Access-Control-Allow-Methods' '*' always;
        proxy_pass http://app;
    }
}
`;
    expect(codes("site.conf", text)).toContain("wildcard-list-with-credentials@6");
    expect(codes("site.conf", text.replace("'*' always;", "'GET, PUT' always;"))).not.toContain(
      "wildcard-list-with-credentials@6",
    );
  });
  it("rack-cors: methods with patch but not put", () => {
    const text = `use Rack::Cors do
  allow do
    origins 'https://a.example'
    resource '*', headers: :any, methods: [:get, :post, :patch, :delete, :options]
  end
end
`;
    expect(codes("config.ru", text)).toContain("rack-cors-methods-partial@4");
    expect(codes("config.ru", text.replace(":patch,", ":put, :patch,"))).not.toContain(
      "rack-cors-methods-partial@4",
    );
    expect(codes("config.ru", text.replace(":patch, :delete, ", ""))).not.toContain(
      "rack-cors-methods-partial@4",
    );
  });
  it("Express: an OPTIONS route whose headers come from a function of the file is no options-route-no-cors", () => {
    const text = `const express = require("express");
const app = express();
function buildCorsHeaders(req) {
  return { "Access-Control-Allow-Origin": "https://a.example" };
}
app.options("/{*splat}", (req, res) => {
  res.set(buildCorsHeaders(req)).sendStatus(204);
});
app.get("/api", (req, res) => res.set(buildCorsHeaders(req)).json([]));
`;
    expect(codes("app.js", text).filter((c) => c.startsWith("options-route-no-cors"))).toEqual([]);
  });
});

describe("held-out set 13's shapes", () => {
  it("a Flask app with a CORS_HEADERS dict of its own is read as Flask, not as Django settings", () => {
    const text = `from flask import Flask, jsonify, request

app = Flask(__name__)
CORS_HEADERS = {"Access-Control-Allow-Origin": "*"}


@app.after_request
def add_cors_headers(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
`;
    expect(detectFormat({ path: "app.py", text })).toEqual({ format: "flask" });
    // Django settings keep being read as such.
    expect(
      detectFormat({ path: "settings.py", text: 'CORS_ALLOWED_ORIGINS = ["https://a.example"]\n' }),
    ).toEqual({
      format: "django",
    });
  });
});

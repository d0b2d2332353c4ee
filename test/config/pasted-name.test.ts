import { describe, expect, it } from "vitest";
import { detectFormat, pastedName } from "../../src/config";

// The panel's "Paste your config" with its file name left empty: the name is told from the text,
// and it must read as the format the text is in (messages name that file).
describe("pastedName: a name for a configuration pasted without one", () => {
  const cases: Array<[string, string, string]> = [
    ["S3 JSON", '[{"AllowedOrigins":["*"],"AllowedMethods":["GET"]}]', "s3-json"],
    ["S3 XML", "<CORSConfiguration><CORSRule></CORSRule></CORSConfiguration>", "s3-xml"],
    [
      "Django settings",
      'import os\nINSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGINS = ["http://a.test"]\n',
      "django",
    ],
    [
      "Flask app",
      "from flask import Flask\nfrom flask_cors import CORS\napp = Flask(__name__)\nCORS(app)\n",
      "flask",
    ],
    [
      "FastAPI app",
      "from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\n",
      "fastapi",
    ],
    ["Express (CommonJS)", 'const express = require("express");\nconst app = express();\n', "express"],
    ["Hono (ES module)", 'import { Hono } from "hono";\nconst app = new Hono();\n', "hono"],
    [
      "Caddyfile",
      "api.example.com {\n\theader Access-Control-Allow-Origin *\n\treverse_proxy :8080\n}\n",
      "caddy",
    ],
    [
      "Apache",
      '<VirtualHost *:80>\n  Header set Access-Control-Allow-Origin "*"\n</VirtualHost>\n',
      "apache",
    ],
    ["nginx", "server {\n  listen 80;\n  add_header Access-Control-Allow-Origin *;\n}\n", "nginx"],
  ];
  for (const [what, text, format] of cases)
    it(`${what} → a name read as ${format}`, () => {
      const path = pastedName(text);
      expect(detectFormat({ path, text })).toEqual({ format });
    });
});

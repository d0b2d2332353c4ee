import { describe, expect, it } from "vitest";
import { declaresPackage, neededPackages } from "../../src/config/packages";

const file = (path: string, before: string, after: string) => ({ path, before, after });

describe("the packages a patch makes the app need", () => {
  it("names a CORS library the patch imports where the file had none, at its line", () => {
    const before = 'const express = require("express");\nconst app = express();\n';
    const after =
      'const express = require("express");\nconst cors = require("cors");\nconst app = express();\napp.use(cors());\n';
    expect(neededPackages([file("server.js", before, after)])).toEqual([
      { file: "server.js", line: 2, ecosystem: "npm", name: "cors", install: "npm install cors" },
    ]);
    const koa = neededPackages([file("app.mjs", "", 'import cors from "@koa/cors";\n')]);
    expect(koa.map((n) => n.name)).toEqual(["@koa/cors"]);
  });

  it("names nothing when the files already used it, or for a framework's own module", () => {
    const before = 'const cors = require("cors");\napp.use(cors());\n';
    expect(neededPackages([file("a.js", before, `${before}app.options("*", cors());\n`)])).toEqual([]);
    expect(
      neededPackages([file("main.py", "", "from fastapi.middleware.cors import CORSMiddleware\n")]),
    ).toEqual([]);
    expect(neededPackages([file("app.ts", "", 'import { cors } from "hono/cors";\n')])).toEqual([]);
    // Imported by another file given with --config: the project has it.
    expect(
      neededPackages([
        file(
          "plugins.js",
          'module.exports = require("@fastify/cors");\n',
          'module.exports = require("@fastify/cors");\n',
        ),
        file("app.js", "", 'app.register(require("@fastify/cors"));\n'),
      ]),
    ).toEqual([]);
  });

  it("reads Python imports and Django's dotted names, and rack-cors in Ruby", () => {
    expect(neededPackages([file("app.py", "", "from flask_cors import CORS\n")])[0]).toMatchObject({
      name: "flask-cors",
      install: "pip install flask-cors",
    });
    expect(neededPackages([file("app.py", "", "import aiohttp_cors\n")])[0]?.name).toBe("aiohttp-cors");
    const settings = neededPackages([
      file("settings.py", "INSTALLED_APPS = [\n]\n", 'INSTALLED_APPS = [\n    "corsheaders",\n]\n'),
    ]);
    expect(settings).toMatchObject([{ line: 2, ecosystem: "pypi", name: "django-cors-headers" }]);
    const rack = neededPackages([
      file("config.ru", "run App\n", "require 'rack/cors'\nuse Rack::Cors do\nend\nrun App\n"),
    ]);
    expect(rack).toMatchObject([
      { line: 1, ecosystem: "gem", name: "rack-cors", install: "bundle add rack-cors" },
    ]);
  });
});

describe("whether a project's dependency list declares a package", () => {
  const npm = { ecosystem: "npm", name: "cors" } as const;
  const pypi = { ecosystem: "pypi", name: "flask-cors" } as const;
  it("package.json: any of its dependency tables, never a mention elsewhere", () => {
    expect(declaresPackage("package.json", '{"dependencies":{"cors":"^2.8.5"}}', npm)).toBe(true);
    expect(declaresPackage("package.json", '{"devDependencies":{"cors":"*"}}', npm)).toBe(true);
    expect(
      declaresPackage("package.json", '{"description":"cors","dependencies":{"corsify":"1"}}', npm),
    ).toBe(false);
    expect(declaresPackage("package.json", "{ not json", npm)).toBe(false);
  });

  it("Python lists: the name as PEP 503 compares it, with or without a version", () => {
    expect(declaresPackage("requirements.txt", "Flask==2.2\nFlask_CORS>=3.0  # api\n", pypi)).toBe(true);
    expect(declaresPackage("requirements.txt", "flask\n# flask-cors removed\n", pypi)).toBe(false);
    expect(
      declaresPackage("pyproject.toml", '[project]\ndependencies = [\n  "flask-cors>=4",\n]\n', pypi),
    ).toBe(true);
    expect(declaresPackage("pyproject.toml", '[tool.poetry.dependencies]\nflask-cors = "^4.0"\n', pypi)).toBe(
      true,
    );
    expect(declaresPackage("Pipfile", '[packages]\nflask = "*"\n', pypi)).toBe(false);
    expect(declaresPackage("setup.py", 'install_requires=["flask", "flask_cors"]', pypi)).toBe(true);
  });

  it("Gemfile: a gem line", () => {
    const gem = { ecosystem: "gem", name: "rack-cors" } as const;
    expect(
      declaresPackage("Gemfile", "source 'https://rubygems.org'\ngem 'rack-cors', '~> 2.0'\n", gem),
    ).toBe(true);
    expect(declaresPackage("Gemfile", "# gem 'rack-cors'\n", gem)).toBe(false);
  });
});

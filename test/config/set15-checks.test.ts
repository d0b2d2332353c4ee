/**
 * `check --config` findings added for shapes held-out set 15 brought (test/fixes/HELDOUT15.md), each on
 * a file of its own, and nothing on the same file made right.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
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

describe("Flask: several origins in one string the module sends (quay#1791)", () => {
  const text = `from flask import Flask, make_response

CORS_ORIGIN = "https://console.example.com, https://app.example.com"

app = Flask(__name__)


@app.route("/api/v1/repository")
def repos():
    response = make_response("[]")
    response.headers["Access-Control-Allow-Origin"] = CORS_ORIGIN
    return response
`;
  it("named at the string; not when the module splits it, nor for one origin", () => {
    expect(codes("app.py", text)).toContain("origin-list@3");
    const split = text.replace(
      "= CORS_ORIGIN\n",
      '= request_origin if request_origin in CORS_ORIGIN.split(", ") else ""\n',
    );
    expect(codes("app.py", split)).not.toContain("origin-list@3");
    expect(codes("app.py", text.replace("https://console.example.com, ", ""))).not.toContain("origin-list@3");
  });
});

describe("rack-cors: origins 'localhost' without a port (cyu/rack-cors#167)", () => {
  const text = `require 'rack/cors'

use Rack::Cors do
  allow do
    origins 'localhost'
    resource '*', headers: :any, methods: :any
  end
end

run ->(env) { [200, {}, ['ok']] }
`;
  it("named: rack-cors compares it with the whole Origin, a dev page sends its port", () => {
    expect(codes("config.ru", text)).toContain("origin-localhost-no-port@5");
    expect(codes("config.ru", text.replace("'localhost'", "'localhost:3000'"))).not.toContain(
      "origin-localhost-no-port@5",
    );
  });
});

import { describe, expect, it } from "vitest";
import { credentialsCanMatter } from "../../src/engine/credentials";
import { exchange, h, PAGE } from "./build";

describe("credentialsCanMatter", () => {
  it("is false when no response has * or an origin without Allow-Credentials: true", () => {
    expect(
      credentialsCanMatter(exchange({ response: { status: 500, headers: h("Content-Type", "text/html") } })),
    ).toBe(false);
    expect(
      credentialsCanMatter(
        exchange({
          response: {
            status: 200,
            headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true"),
          },
        }),
      ),
    ).toBe(false);
  });

  it("is true for *, for an echoed origin without Allow-Credentials, and for * in the preflight's lists", () => {
    expect(
      credentialsCanMatter(
        exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") } }),
      ),
    ).toBe(true);
    expect(
      credentialsCanMatter(
        exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", PAGE) } }),
      ),
    ).toBe(true);
    const creds = h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true");
    const preflight = { status: 204, headers: [...creds, ...h("Access-Control-Allow-Headers", "*")] };
    expect(
      credentialsCanMatter(exchange({ method: "PUT", preflight, response: { status: 200, headers: creds } })),
    ).toBe(true);
  });
});

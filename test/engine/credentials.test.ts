import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/engine";
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

describe("the credentials mode, where no Cookie says it", () => {
  // Firefox 153, `credentials: "include"` to a host it has no cookie for, answered `*`: Firefox
  // blocked it (CORSNotSupportingCredentials) and its webRequest reported the request completed.
  const toStar = (extra: string[]) =>
    exchange({
      recordedBy: "firefox",
      requestHeaders: h("Origin", PAGE, "Sec-Fetch-Mode", "cors", "Sec-Fetch-Site", "cross-site", ...extra),
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });

  it("reads Sec-Fetch-Storage-Access as credentials mode include", () => {
    const d = diagnose(toStar(["Sec-Fetch-Storage-Access", "none"]));
    expect(d.verdict).toBe("blocked");
    expect(d.causes[0]?.code).toBe("wildcard-origin-with-credentials");
    expect(d.credentials).toMatchObject({
      mode: "include",
      basis: expect.stringMatching(/Sec-Fetch-Storage-Access/),
    });
  });

  it("without it (same-origin or omit mode) the same answer is allowed", () => {
    expect(diagnose(toStar([])).verdict).toBe("allowed");
  });
});

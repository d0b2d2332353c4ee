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

describe("credentials, decided or inferred", () => {
  const echoed = h("Access-Control-Allow-Origin", PAGE);

  it("* counts even beside Allow-Credentials: true, and a preflight's answer counts", () => {
    const star = h("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true");
    expect(credentialsCanMatter(exchange({ response: { status: 200, headers: star } }))).toBe(true);
    const creds = h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true");
    expect(
      credentialsCanMatter(
        exchange({
          method: "PUT",
          preflight: { status: 204, headers: echoed },
          response: { status: 200, headers: creds },
        }),
      ),
    ).toBe(true);
  });

  it("include as seen, or told from a Cookie or Sec-Fetch-Storage-Access", () => {
    const star = { status: 200, headers: h("Access-Control-Allow-Origin", "*") };
    const sent = (...extra: string[]) => h("Origin", PAGE, "Sec-Fetch-Mode", "cors", ...extra);
    expect(diagnose(exchange({ credentials: "include", response: star })).credentials).toEqual({
      mode: "include",
      inferred: false,
      basis: "credentials mode include",
    });
    expect(diagnose(exchange({ requestHeaders: sent("Cookie", "s=1"), response: star })).credentials).toEqual(
      {
        mode: "include",
        inferred: true,
        basis: "the Cookie header",
      },
    );
    expect(
      diagnose(exchange({ requestHeaders: sent("Sec-Fetch-Storage-Access", "none"), response: star }))
        .credentials.inferred,
    ).toBe(true);
  });

  it("a mode the recorder saw is the mode, not inferred", () => {
    for (const mode of ["omit", "same-origin"] as const) {
      const d = diagnose(
        exchange({
          credentials: mode,
          response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
        }),
      );
      expect(d.verdict).toBe("allowed");
      expect(d.credentials).toEqual({ mode, inferred: false, basis: `credentials mode ${mode}` });
    }
  });

  it("Chromium's CORS error that only credentials explain: include, inferred", () => {
    const d = diagnose(exchange({ response: { status: 200, headers: echoed }, error: "net::ERR_FAILED" }));
    expect(d.verdict).toBe("blocked");
    expect(d.causes[0]?.code).toBe("allow-credentials-not-true");
    expect(d.credentials).toEqual({
      mode: "include",
      inferred: true,
      basis: "inferred: the browser blocked it, and only credentials explain that",
    });
  });

  it("no inference when a later hop's response is missing: it could explain the block as well", () => {
    // The redirect passes without credentials; its target's response was never recorded.
    const x = exchange({
      redirects: [{ status: 302, to: "http://other.test/x", headers: echoed }],
      response: { status: null, headers: [], error: "net::ERR_FAILED" },
    });
    const d = diagnose(x);
    expect(d.verdict).toBe("unknown");
    expect(d.credentials.mode).toBe("same-origin");
    expect(d.credentials.basis).toMatch(
      /^not visible to extensions, and the browser did not report its outcome/,
    );
    expect(d.credentials.basis).toContain(
      "If the page sent it with credentials, the browser blocked it instead",
    );
  });

  it("a CORS error on the preflight alone is a block too", () => {
    const d = diagnose(
      exchange({
        method: "PUT",
        preflight: {
          status: 204,
          headers: h("Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT"),
          error: "net::ERR_FAILED",
        },
        response: null,
      }),
    );
    expect(d.causes[0]?.code).toBe("allow-credentials-not-true");
    expect(d.credentials.mode).toBe("include");
  });

  it("no success is inferred from a response without a status or with a transport error", () => {
    // Chromium, an echoed origin without Allow-Credentials: allowed only without credentials.
    const noStatus = diagnose(exchange({ response: { status: null, headers: echoed } }));
    expect(noStatus.credentials.basis).not.toBe("inferred: the browser let the response through");
    const failed = diagnose(
      exchange({ response: { status: 200, headers: echoed }, error: "net::ERR_CONNECTION_RESET" }),
    );
    expect(failed.credentials.basis).not.toBe("inferred: the browser let the response through");
    expect(failed.credentials.mode).toBe("same-origin");
    expect(failed.credentials.basis).toMatch(
      /^not visible to extensions, and the browser did not report its outcome/,
    );
  });
});

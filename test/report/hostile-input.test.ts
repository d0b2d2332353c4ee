/** Hostile input reaching the report: never a throw, a hang or an escape that acts. */
import { describe, expect, it } from "vitest";
import { parseHar } from "../../src/capture/har-import";
import { diagnose } from "../../src/engine";
import { exportHar } from "../../src/report/har-export";
import { redactUserinfo } from "../../src/report/redact";
import { buildReport } from "../../src/report/report";
import { visibleText } from "../../src/report/safe-text";
import { exchange, h, PAGE } from "../engine/build";

const redirectedPreflight = (location: string) =>
  exchange({
    method: "PUT",
    requestHeaders: h("Origin", PAGE, "Content-Type", "application/json"),
    preflight: {
      status: 301,
      requestHeaders: h(
        "Origin",
        PAGE,
        "Access-Control-Request-Method",
        "PUT",
        "Access-Control-Request-Headers",
        "content-type",
      ),
      headers: h("Location", location, "Access-Control-Allow-Origin", PAGE),
    },
    response: null,
    error: "net::ERR_FAILED",
  });

describe("hostile input", () => {
  it.each(["http://[", "http://h:99999/", "\u0000", ""])(
    "a preflight redirected to the unparseable Location %j still makes a whole report",
    (location) => {
      const x = redirectedPreflight(location);
      expect(diagnose(x).causes[0]?.code).toBe("preflight-redirected");
      // Serializing reads the lazy fixes, which parse the Location for the client alternative.
      const report = buildReport([x, { ...exchange(), id: "other" }], { kind: "har", file: "x.har" });
      const text = JSON.stringify(report);
      expect(JSON.parse(text).exchanges).toHaveLength(2);
      expect(() => JSON.stringify(exportHar([x]))).not.toThrow();
    },
  );

  it("times outside Date's range give a report and a HAR, not a RangeError", () => {
    const x = {
      ...exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") } }),
      startedAt: 1e20,
    };
    const hop = x.hops[0];
    if (hop) hop.startedAt = -1e20;
    const report = buildReport([x], { kind: "har", file: "x.har" });
    expect(report.exchanges[0]?.startedAt).toBe("1970-01-01T00:00:00.000Z");
    expect(() => JSON.stringify(exportHar([x]))).not.toThrow();
  });

  it("redacts userinfo in one linear pass: a 1 MiB value is done at once", () => {
    const huge = `${"a".repeat(512 * 1024)}://${"b".repeat(512 * 1024)}`;
    expect(redactUserinfo(huge)).toBe(huge);
    const hostile = "x".repeat(64 * 1024);
    expect(redactUserinfo(`${hostile} https://u:p@h/ ${hostile}`)).toBe(
      `${hostile} https://<redacted>@h/ ${hostile}`,
    );
  }, 5_000);

  it("redacts userinfo wherever a URL stands, and nothing else", () => {
    expect(redactUserinfo("to https://user:pw@api.test/x and `ftp://a@b`")).toBe(
      "to https://<redacted>@api.test/x and `ftp://<redacted>@b`",
    );
    for (const kept of ["mailto:x@y.test", "http://host/path@x", "http://host?q=a@b", "://a@b", "a@b"])
      expect(redactUserinfo(kept)).toBe(kept);
  });

  it("makes controls, C1 and bidi overrides visible so that nothing in a value acts", () => {
    expect(visibleText("a\u202Eb\u001b[2J\u0085\u2066c")).toBe("a⟨U+202E⟩b\u241b[2J⟨U+0085⟩⟨U+2066⟩c");
    expect(visibleText("héllo, 世界 ✓")).toBe("héllo, 世界 ✓");
    // Lone surrogates are marked; a pair (an emoji) is text.
    expect(visibleText("a\ud800b\udfffc😀")).toBe("a⟨U+D800⟩b⟨U+DFFF⟩c😀");
  });

  it("calls a HAR cut after a comma truncated", () => {
    // Cut inside an entry object, after a comma: V8 says "Expected double-quoted property name".
    const text = JSON.stringify({
      log: { version: "1.2", entries: [{ request: { method: "GET", url: "x" } }] },
    });
    expect(() => parseHar(text.slice(0, text.indexOf('"GET",') + 6))).toThrow(/truncated JSON/);
    expect(() => parseHar('{"log": nope}')).toThrow(/not JSON/);
  });
});

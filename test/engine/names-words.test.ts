/** Names and words read by code: a renamed Chromium error, a rule's title and description, a cut value. */
import { describe, expect, it } from "vitest";
import { currentChromiumName, detectServer, diagnose, ruleWords } from "../../src/engine";
import { EN } from "../../src/engine/causes/missing-allow-origin";
import { KO } from "../../src/engine/causes/missing-allow-origin.ko";
import { API, exchange, h, PAGE } from "./build";

describe("names and words by code", () => {
  it("maps every Private Network name to its Local Network one, and leaves current names", () => {
    expect(currentChromiumName("InsecurePrivateNetwork")).toBe("InsecureLocalNetwork");
    expect(currentChromiumName("InvalidPrivateNetworkAccess")).toBe("InvalidLocalNetworkAccess");
    expect(currentChromiumName("PrivateNetworkAccessPermissionDenied")).toBe(
      "LocalNetworkAccessPermissionDenied",
    );
    expect(currentChromiumName("MissingAllowOriginHeader")).toBe("MissingAllowOriginHeader");
  });

  it("a rule's title and description come from its room, in the language asked", () => {
    expect(ruleWords("missing-allow-origin", "en")).toEqual({
      title: EN.ruleTitle,
      description: EN.ruleDescription,
    });
    expect(ruleWords("missing-allow-origin", "ko")).toEqual({
      title: KO.ruleTitle,
      description: KO.ruleDescription,
    });
  });

  it("a value is cut after 120 characters, with an ellipsis; 120 are kept whole", () => {
    const said = (server: string) =>
      detectServer(exchange({ response: { status: 200, headers: h("Server", server) } }))?.basis;
    const at = `nginx/${"1".repeat(114)}`;
    expect(said(at)).toBe(`Server: ${at}`);
    expect(said(`${at}2`)).toBe(`Server: ${at}…`);
  });
});

describe("what a check expected, in the reader's language", () => {
  const expectedIn = (x: Parameters<typeof diagnose>[0]) => [
    diagnose(x).causes[0]?.expected,
    diagnose(x, { lang: "ko" }).causes[0]?.expected,
  ];
  const preflighted = (answer: string[], names = "") =>
    exchange({
      method: "PUT",
      requestHeaders: h("Origin", PAGE, ...(names ? ["X-Api-Key", "k"] : [])),
      preflight: {
        status: answer[0] === "301" ? 301 : 204,
        requestHeaders: h(
          "Origin",
          PAGE,
          "Access-Control-Request-Method",
          "PUT",
          ...(names ? ["Access-Control-Request-Headers", names] : []),
        ),
        headers: h(...answer.slice(1)),
      },
      response: null,
      error: "net::ERR_FAILED",
    });

  it("words where the check expected words, a value left as it is", () => {
    expect(expectedIn(exchange({ response: null, error: "net::ERR_CONNECTION_REFUSED" }))).toEqual([
      "a response",
      "응답",
    ]);
    expect(expectedIn(preflighted(["301", "Location", `${API}/x/`]))).toEqual([
      "a 2xx answer to OPTIONS at this URL",
      "이 URL에서 OPTIONS에 대한 2xx 응답",
    ]);
    expect(
      expectedIn(
        preflighted(["204", "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Methods", "PUT;"]),
      ),
    ).toEqual(["a comma-separated list of method tokens", "쉼표로 구분한 메서드 토큰 목록"]);
    expect(
      expectedIn(
        preflighted(
          [
            "204",
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Methods",
            "PUT",
            "Access-Control-Allow-Headers",
            "x-api-key;",
          ],
          "x-api-key",
        ),
      ),
    ).toEqual(["a comma-separated list of header names", "쉼표로 구분한 헤더 이름 목록"]);
    const userinfo = exchange({
      redirects: [
        { status: 302, to: "http://u:p@other.test/x", headers: h("Access-Control-Allow-Origin", PAGE) },
      ],
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*") },
    });
    expect(expectedIn(userinfo)).toEqual([
      "a Location without user:password@",
      "user:password@가 없는 Location",
    ]);
    expect(
      expectedIn(
        exchange({ response: { status: 200, headers: h("Access-Control-Allow-Origin", "http://o.test") } }),
      ),
    ).toEqual([PAGE, PAGE]);
  });
});

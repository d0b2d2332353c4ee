/** Names and words read by code: a renamed Chromium error, a rule's title and description, a cut value. */
import { describe, expect, it } from "vitest";
import { currentChromiumName, detectServer, ruleWords } from "../../src/engine";
import { EN } from "../../src/engine/causes/missing-allow-origin";
import { KO } from "../../src/engine/causes/missing-allow-origin.ko";
import { exchange, h } from "./build";

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

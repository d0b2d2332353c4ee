import { describe, expect, it } from "vitest";
import { isWorthRecording } from "../../src/capture/worth-recording";
import { exchange, h, PAGE } from "../engine/build";

describe("isWorthRecording", () => {
  it("keeps cross-origin CORS requests and their failures", () => {
    expect(isWorthRecording(exchange())).toBe(true);
    expect(isWorthRecording(exchange({ response: null, error: "net::ERR_CONNECTION_REFUSED" }))).toBe(true);
  });

  it("leaves out DevTools' own re-fetch of the page (same URL as the page, no initiator)", () => {
    const refetch = {
      ...exchange({
        url: `${PAGE}/`,
        requestHeaders: h("Accept", "text/html"),
        response: { status: 200, headers: [] },
      }),
      initiator: null,
      resourceType: "other",
    };
    expect(isWorthRecording(refetch)).toBe(false);
  });

  it("leaves out same-origin requests and plain no-cors images that loaded", () => {
    expect(isWorthRecording(exchange({ url: `${PAGE}/api` }))).toBe(false);
    const image = {
      ...exchange({ requestHeaders: h("Accept", "image/*"), response: { status: 200, headers: [] } }),
      resourceType: "image",
    };
    expect(isWorthRecording(image)).toBe(false);
  });

  it("leaves out Chromium's font cache probe", () => {
    const probe = {
      ...exchange({ response: { status: null, error: "net::ERR_CACHE_MISS" } }),
      resourceType: "font",
    };
    expect(isWorthRecording(probe)).toBe(false);
  });
});

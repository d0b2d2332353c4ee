/**
 * rack-cors `origins '*'` and a page that sends credentials (shinosakarb/tebukuro#218, held-out set
 * 18): a copy of the block for the page's origin, with credentials, goes above it — every other site
 * keeps `*`. The printed patch is run on the real rack-cors under puma by the rack suite, in Chromium.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { allowOrigin, grammarBytes, modelAnswer, recordedFrom } from "./recorded";

const PAGE = "http://localhost:4000";

beforeAll(async () => {
  await prepareConfig([{ path: "config.ru", text: "use Rack::Cors\n" }], grammarBytes);
});

const text = `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '*'

    resource '*',
      headers: :any,
      methods: %i[get post delete patch options head]
  end
end

run ->(env) { [200, { 'content-type' => 'application/json' }, ['[]']] }
`;

describe("rack-cors: origins '*' and a credentialed page", () => {
  const file = { path: "config.ru", text };
  const evidence = () =>
    recordedFrom(
      [file],
      [
        { url: "http://h/events", origin: PAGE, credentials: "include" },
        {
          url: "http://h/events",
          method: "POST",
          origin: PAGE,
          credentials: "include",
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );

  it("a copy of the block for the page's origin, with credentials, above the '*' one", () => {
    const r = fixConfig([file], evidence());
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`  allow do
    origins '${PAGE}'

    resource '*',
      headers: :any,
      methods: %i[get post delete patch options head], credentials: true
  end
  allow do
    origins '*'
`);
    // Every other site keeps '*'; the page gets its own origin with credentials.
    expect(
      allowOrigin(
        modelAnswer(after, "config.ru", { url: "http://h/events", origin: "https://other.example" }),
      ),
    ).toEqual(["*"]);
    const own = modelAnswer(after, "config.ru", {
      url: "http://h/events",
      origin: PAGE,
      credentials: "include",
    });
    expect(allowOrigin(own)).toEqual([PAGE]);
    // Round trip: nothing more to change.
    expect(fixDiff(fixConfig([{ path: "config.ru", text: after }], evidence()))).toBe("");
  });
});

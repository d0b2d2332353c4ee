import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  readConfig,
} from "../../src/config";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { fillS3, lineOf, S3_CASES, S3_CORRECT } from "../fixes/config-s3-cases";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const OBJECT = "https://photos.s3.eu-west-1.amazonaws.com/uploads/cat.jpg";
const json = (text: string, path = "cors.json"): ConfigFile => ({ path, text });

function ask(text: string, req: Partial<HopRequest> & { url?: string }) {
  const c = readConfig([json(text)]);
  return c.answer({ method: "GET", url: OBJECT, headers: [["Origin", APP]], ...req });
}
function known(a: ReturnType<typeof ask>) {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a;
}
const value = (h: HeaderList, name: string) => h.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const preflight = (method: string, headers?: string): HeaderList => [
  ["Origin", APP],
  ["Access-Control-Request-Method", method],
  ...(headers ? ([["Access-Control-Request-Headers", headers]] as HeaderList) : []),
];

const TWO_RULES = `{
  "CORSRules": [
    { "AllowedOrigins": ["*"], "AllowedMethods": ["GET"] },
    { "AllowedOrigins": ["${APP}"], "AllowedMethods": ["GET", "PUT"], "AllowedHeaders": ["content-type", "x-amz-*"], "ExposeHeaders": ["ETag"], "MaxAgeSeconds": 600 }
  ]
}`;

describe("S3 bucket CORS: reading the file", () => {
  it("tells the JSON and XML forms apart from other files (a pretty-printed JSON is not a Caddyfile)", () => {
    expect(detectFormat(json(TWO_RULES))).toEqual({ format: "s3-json" });
    expect(
      detectFormat(
        json('[\n  {\n    "AllowedOrigins": ["*"],\n    "AllowedMethods": ["GET"]\n  }\n]\n', "cors"),
      ),
    ).toEqual({
      format: "s3-json",
    });
    expect(
      detectFormat(
        json(
          '{"Bucket": "b", "CORSConfiguration": {"CORSRules": [{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]}]}}',
        ),
      ),
    ).toEqual({ format: "s3-json" });
    expect(detectFormat(json("<CORSConfiguration><CORSRule/></CORSConfiguration>", "cors.xml"))).toEqual({
      format: "s3-xml",
    });
    expect(
      detectFormat(
        json(
          '<?xml version="1.0"?>\n<!-- bucket -->\n<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
          "c.xml",
        ),
      ),
    ).toEqual({ format: "s3-xml" });
    expect(detectFormat(json('{\n  "name": "app"\n}\n', "package.json"))).toEqual({
      unsupported: "JSON files",
    });
    expect(detectFormat(json("example.com {\n  reverse_proxy localhost:3000\n}\n", "site"))).toEqual({
      format: "caddy",
    });
  });

  it("reads the three JSON shapes and XML with or without xmlns to the same rules", () => {
    const rule = { AllowedOrigins: [APP], AllowedMethods: ["GET", "PUT"], AllowedHeaders: ["*"] };
    const texts = [
      JSON.stringify({ CORSRules: [rule] }, null, 2),
      JSON.stringify([rule], null, 4),
      JSON.stringify({ Bucket: "photos", CORSConfiguration: { CORSRules: [rule] } }),
      `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CORSRule><AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule></CORSConfiguration>`,
      `<CORSConfiguration>\n  <CORSRule>\n    <AllowedOrigin>${APP}</AllowedOrigin>\n    <AllowedMethod>GET</AllowedMethod>\n    <AllowedMethod>PUT</AllowedMethod>\n    <AllowedHeader>*</AllowedHeader>\n  </CORSRule>\n</CORSConfiguration>`,
    ];
    for (const t of texts) {
      const a = known(ask(t, { method: "OPTIONS", headers: preflight("PUT", "content-type") }));
      expect(a.status, t).toBe(200);
      expect(value(a.headers, "access-control-allow-origin")).toBe(APP);
    }
  });

  it("bad input is a ConfigError with the line, never a crash", () => {
    for (const [text, line] of [
      ['{\n  "CORSRules": [\n    { "AllowedOrigins": ["*"], }\n  ]\n}', 3],
      ["<CORSConfiguration>\n  <CORSRule>\n  <AllowedOrigin>*</CORSRule>\n</CORSConfiguration>", 3],
      ['{\n  "CORSRules": {}\n}', 1],
      ["<CORSConfiguration>\n<CORSRule>", 2],
    ] as const) {
      try {
        readConfig([json(text, text.startsWith("<") ? "c.xml" : "c.json")]);
        expect.unreachable(text);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).words.key).toBe("config.error.syntax");
        expect((e as ConfigError).words.params?.line, text).toBe(line);
      }
    }
  });
});

describe("S3 bucket CORS: how S3 answers", () => {
  it("the first rule whose origin, method and every requested header match answers the preflight", () => {
    const a = known(
      ask(TWO_RULES, { method: "OPTIONS", headers: preflight("PUT", "content-type,x-amz-acl") }),
    );
    expect(a.status).toBe(200);
    expect(value(a.headers, "access-control-allow-origin")).toBe(APP);
    expect(value(a.headers, "access-control-allow-credentials")).toBe("true");
    expect(value(a.headers, "access-control-allow-methods")).toBe("GET, PUT");
    expect(value(a.headers, "access-control-allow-headers")).toBe("content-type, x-amz-acl");
    expect(value(a.headers, "access-control-max-age")).toBe("600");
    expect(value(a.headers, "vary")).toMatch(/^Origin/);
    expect(a.fromUpstream).toBe(false);
  });

  it("a preflight no rule matches gets 403 with no CORS header", () => {
    for (const h of [preflight("DELETE"), preflight("PUT", "authorization"), preflight("PATCH")]) {
      const a = known(ask(TWO_RULES, { method: "OPTIONS", headers: h }));
      expect(a.status).toBe(403);
      expect(a.headers).toEqual([]);
    }
  });

  it("* is answered * without credentials; the first rule wins for the actual request", () => {
    const a = known(ask(TWO_RULES, { method: "GET" }));
    expect(value(a.headers, "access-control-allow-origin")).toBe("*");
    expect(value(a.headers, "access-control-allow-credentials")).toBeUndefined();
    const put = known(ask(TWO_RULES, { method: "PUT", upstream: { status: 200, headers: [] } }));
    expect(value(put.headers, "access-control-allow-origin")).toBe(APP);
    expect(value(put.headers, "access-control-expose-headers")).toBe("ETag");
    expect(put.assumed).toEqual([]);
  });

  it("no matching rule: the object's own status, no CORS header; its status is the recorded one", () => {
    const text = `[{"AllowedOrigins": ["https://other.example"], "AllowedMethods": ["GET"]}]`;
    const a = known(ask(text, { upstream: { status: 403, headers: [] } }));
    expect(a.status).toBe(403);
    expect(a.headers).toEqual([]);
    const b = known(ask(text, {}));
    expect(b.status).toBe(200);
    expect(b.assumed.map((w) => w.key)).toEqual(["config.s3.assumed.object-200"]);
  });

  it("wildcards: one * in an origin or a header name; origins compare exactly, header names in any case", () => {
    const text = `[{"AllowedOrigins": ["https://*.example.com"], "AllowedMethods": ["PUT"], "AllowedHeaders": ["X-Amz-*"]}]`;
    expect(known(ask(text, { method: "OPTIONS", headers: preflight("PUT", "x-amz-date") })).status).toBe(200);
    expect(
      known(
        ask(text, {
          method: "OPTIONS",
          headers: [
            ["Origin", "https://example.com"],
            ["Access-Control-Request-Method", "PUT"],
          ],
        }),
      ).status,
    ).toBe(403);
    expect(
      known(
        ask(text, {
          method: "OPTIONS",
          headers: [
            ["Origin", "HTTPS://APP.EXAMPLE.COM"],
            ["Access-Control-Request-Method", "PUT"],
          ],
        }),
      ).status,
    ).toBe(403);
  });

  it("every S3 URL form answers from the rules; CloudFront and other AWS hosts are unknown", () => {
    for (const url of [
      "https://photos.s3.amazonaws.com/a.txt",
      "https://s3.eu-west-1.amazonaws.com/photos/a.txt",
      "https://photos.s3-eu-west-1.amazonaws.com/a.txt",
      `${OBJECT}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab`,
      "http://127.0.0.1:4568/photos/a.txt",
    ])
      expect(value(known(ask(TWO_RULES, { url })).headers, "access-control-allow-origin"), url).toBe("*");
    expect(ask(TWO_RULES, { url: "https://d111.cloudfront.net/a.txt" }).kind).toBe("unknown");
    expect(ask(TWO_RULES, { url: "https://abc.execute-api.us-east-1.amazonaws.com/x" }).kind).toBe("unknown");
  });

  it("a file S3 refuses answers unknown (the bucket keeps its old rules)", () => {
    const a = ask(`[{"AllowedOrigins": ["*"], "AllowedMethods": ["GET", "OPTIONS"]}]`, {});
    expect(a.kind === "unknown" && a.why.key).toBe("config.s3.unknown.refused");
  });
});

/** The model's own answers to the case's calls: what a browser would have recorded. */
function casesEvidence(text: string, calls: (typeof S3_CASES)[number]["calls"], origin = APP) {
  return recordedFrom(
    [json(text)],
    calls.map((c) => ({
      url: `https://photos.s3.us-east-1.amazonaws.com${c.path.replace(/^\/photos/, "")}`,
      method: c.method,
      origin,
      headers: Object.entries(c.headers),
      credentials: c.credentials,
    })),
  );
}

describe("S3 bucket CORS: fix and check on the broken files", () => {
  for (const c of S3_CASES) {
    it(c.name, () => {
      const path = c.text.trimStart().startsWith("<") ? "cors.xml" : "cors.json";
      const text = fillS3(c.text, APP);
      // A refused file is not what the bucket runs: the evidence is that of a bucket with no rule.
      const evidence = c.refused
        ? casesEvidence(
            '[{"AllowedOrigins": ["https://nobody.example"], "AllowedMethods": ["HEAD"]}]',
            c.calls,
          )
        : casesEvidence(text, c.calls);
      const r = fixConfig([{ path, text }], evidence);
      const after = r.files[0]?.after ?? "";
      expect(
        r.ok,
        `${fixDiff(r)}\n${JSON.stringify(r.rows.map((x) => [x.id, x.before.verdict, x.after.verdict, x.after.cause, x.after.unknown]))}\n${JSON.stringify(r.cannot)}`,
      ).toBe(true);
      expect(after).not.toBe(text);
      if (!c.refused)
        expect(
          r.rows.filter((x) => x.source === "evidence").some((x) => x.before.verdict === "blocked"),
        ).toBe(true);
      // Lines the diff does not remove are all still there, in order.
      const removed = fixDiff(r)
        .split("\n")
        .filter((l) => l.startsWith("-") && !l.startsWith("---"))
        .map((l) => l.slice(1));
      let at = 0;
      const out = after.split("\n");
      for (const line of text.split("\n").filter((l) => !removed.includes(l))) {
        at = out.indexOf(line, at);
        expect(at, `kept: ${line}`).toBeGreaterThanOrEqual(0);
        at++;
      }
      // The patched file is valid for S3, and fixing it again changes nothing.
      expect(checkConfig([{ path, text: after }]).findings.filter((f) => f.severity === "error")).toEqual([]);
      const again = fixConfig([{ path, text: after }], casesEvidence(after, c.calls));
      expect(fixDiff(again)).toBe("");
      expect(again.ok).toBe(true);
      const found = checkConfig([{ path, text }]).findings;
      for (const want of c.check)
        expect(found, JSON.stringify(found)).toContainEqual(
          expect.objectContaining({ code: want.code, line: lineOf(text, fillS3(want.at, APP)) }),
        );
    });
  }

  it("no error in correct files", () => {
    for (const text of S3_CORRECT) {
      const r = checkConfig([json(text, text.startsWith("<") ? "cors.xml" : "cors.json")]);
      expect(
        r.findings.filter((f) => f.severity === "error"),
        text,
      ).toEqual([]);
    }
  });

  it("the edits say why, in English and Korean", () => {
    const c = S3_CASES[0] as (typeof S3_CASES)[number];
    const text = fillS3(c.text, APP);
    const r = fixConfig([json(text)], casesEvidence(text, c.calls), { lang: "ko" });
    expect(r.edits.map((e) => e.why.key)).toEqual(["config.s3.fix.origin-replace"]);
    expect(r.edits[0]?.line).toBe(6);
  });
});

describe("S3 bucket CORS: edits keep the file's own layout", () => {
  const put = (text: string, path = "cors.json") => {
    const evidence = casesEvidence(text, [
      {
        name: "update",
        method: "PUT",
        path: "/photos/a.jpg",
        headers: { "content-type": "image/jpeg" },
        credentials: "omit",
        body: "x",
      },
    ]);
    const r = fixConfig([{ path, text }], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    return r.files[0]?.after ?? "";
  };

  it("tabs and CRLF stay tabs and CRLF; a one-line rule stays on one line", () => {
    const tabs = `{\r\n\t"CORSRules": [\r\n\t\t{\r\n\t\t\t"AllowedOrigins": [\r\n\t\t\t\t"${APP}"\r\n\t\t\t],\r\n\t\t\t"AllowedMethods": [\r\n\t\t\t\t"GET"\r\n\t\t\t]\r\n\t\t}\r\n\t]\r\n}\r\n`;
    expect(put(tabs)).toBe(
      `{\r\n\t"CORSRules": [\r\n\t\t{\r\n\t\t\t"AllowedOrigins": [\r\n\t\t\t\t"${APP}"\r\n\t\t\t],\r\n\t\t\t"AllowedMethods": [\r\n\t\t\t\t"GET",\r\n\t\t\t\t"PUT"\r\n\t\t\t],\r\n\t\t\t"AllowedHeaders": [\r\n\t\t\t\t"content-type"\r\n\t\t\t]\r\n\t\t}\r\n\t]\r\n}\r\n`,
    );
    const one = `{"CORSRules": [{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["GET"]}]}`;
    expect(put(one)).toBe(
      `{"CORSRules": [{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["GET", "PUT"], "AllowedHeaders": ["content-type"]}]}`,
    );
  });

  it("XML on one line stays on one line; indented XML gets its neighbours' indentation", () => {
    const one = `<CORSConfiguration><CORSRule><AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>`;
    expect(put(one, "cors.xml")).toBe(
      `<CORSConfiguration><CORSRule><AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>content-type</AllowedHeader></CORSRule></CORSConfiguration>`,
    );
    const indented = `<CORSConfiguration>\n\t<CORSRule>\n\t\t<AllowedOrigin>${APP}</AllowedOrigin>\n\t\t<AllowedMethod>GET</AllowedMethod>\n\t</CORSRule>\n</CORSConfiguration>\n`;
    expect(put(indented, "cors.xml")).toBe(
      `<CORSConfiguration>\n\t<CORSRule>\n\t\t<AllowedOrigin>${APP}</AllowedOrigin>\n\t\t<AllowedMethod>GET</AllowedMethod>\n\t\t<AllowedMethod>PUT</AllowedMethod>\n\t\t<AllowedHeader>content-type</AllowedHeader>\n\t</CORSRule>\n</CORSConfiguration>\n`,
    );
  });

  it("any text is read or refused with a ConfigError, never a crash or a hang", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `{"CORSRules": [${s}`),
          fc.string().map((s) => `<CORSConfiguration>${s}`),
          fc
            .array(
              fc.constantFrom(
                "<",
                ">",
                "/",
                "CORSRule",
                "AllowedOrigin",
                "*",
                '"',
                "[",
                "]",
                "{",
                "}",
                ":",
                ",",
                "<!--",
                "-->",
              ),
            )
            .map((a) => `<CORSConfiguration>${a.join("")}`),
        ),
        (text) => {
          for (const path of ["cors.json", "cors.xml"]) {
            try {
              const c = readConfig([{ path, text }]);
              c.check();
              c.answer({ method: "OPTIONS", url: OBJECT, headers: preflight("PUT", "content-type") });
            } catch (e) {
              if (!(e instanceof ConfigError)) throw e;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("S3 bucket CORS: what cannot be fixed is said", () => {
  it("PATCH: S3 has no such AllowedMethod, the request is named with the reason", () => {
    const text = `[{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["GET", "PUT"], "AllowedHeaders": ["*"]}]`;
    const evidence = casesEvidence(text, [
      {
        name: "moved",
        method: "PATCH",
        path: "/photos/a.json",
        headers: {},
        credentials: "omit",
        body: "{}",
      },
    ]);
    const r = fixConfig([json(text)], evidence);
    expect(r.ok).toBe(false);
    expect(fixDiff(r)).toBe("");
    expect(r.cannot.map((c) => c.why.key)).toEqual(["config.s3.cannot.method"]);
  });

  it("two * in one origin: S3 refuses the file and CORS Lens does not guess the intent", () => {
    const text = `[{"AllowedOrigins": ["https://*.example.*"], "AllowedMethods": ["GET"]}]`;
    const evidence = casesEvidence(
      '[{"AllowedOrigins": ["https://x.example"], "AllowedMethods": ["HEAD"]}]',
      [{ name: "list", method: "GET", path: "/photos/a.txt", headers: {}, credentials: "omit", body: null }],
    );
    const r = fixConfig([json(text)], evidence);
    expect(r.ok).toBe(false);
    expect(r.cannot.map((c) => c.why.key)).toEqual(["config.s3.cannot.refused"]);
    expect(checkConfig([json(text)]).findings).toContainEqual(
      expect.objectContaining({ code: "s3-wildcards", line: 1, severity: "error" }),
    );
  });
});

it("a byte order mark before the JSON or the XML is read", () => {
  for (const [path, text] of [
    ["cors.json", `\uFEFF[{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["GET"]}]`],
    [
      "cors.xml",
      `\uFEFF<?xml version="1.0"?>\n<CORSConfiguration><CORSRule><AllowedOrigin>${APP}</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>`,
    ],
  ] as const) {
    const c = readConfig([{ path, text }]);
    const a = c.answer({ method: "GET", url: OBJECT, headers: [["Origin", APP]] });
    expect(a.kind === "known" && value(a.headers, "access-control-allow-origin"), path).toBe(APP);
  }
});

it("a comment in the JSON is an error on its line (the AWS CLI and the console refuse it)", () => {
  const text = `{\n  // the web app\n  "CORSRules": [{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["GET"]}]\n}\n`;
  expect(checkConfig([json(text)]).findings).toContainEqual(
    expect.objectContaining({ code: "s3-json-comment", line: 2, severity: "error" }),
  );
  expect(checkConfig([json(text.replace("  // the web app\n", ""))]).findings).toEqual([]);
});

it("JSON S3 refuses is repaired where the intent is plain: a singular name, one value for a list", () => {
  const text = `[\n  {\n    "AllowedOrigin": ["${APP}"],\n    "AllowedMethods": "GET"\n  }\n]\n`;
  expect(checkConfig([json(text)]).findings.map((f) => [f.code, f.line])).toEqual(
    [
      ["s3-unknown-field", 3],
      ["s3-missing-field", 2],
      ["s3-not-list", 4],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)),
  );
  const evidence = casesEvidence(
    '[{"AllowedOrigins": ["https://nobody.example"], "AllowedMethods": ["HEAD"]}]',
    [{ name: "list", method: "GET", path: "/photos/a.txt", headers: {}, credentials: "omit", body: null }],
  );
  const r = fixConfig([json(text)], evidence);
  expect(r.ok, fixDiff(r)).toBe(true);
  expect(r.files[0]?.after).toBe(
    `[\n  {\n    "AllowedOrigins": ["${APP}"],\n    "AllowedMethods": ["GET"]\n  }\n]\n`,
  );
});

it("an origin that never matches is not also called shadowed", () => {
  const text = `[\n  {"AllowedOrigins": ["*"], "AllowedMethods": ["GET"]},\n  {"AllowedOrigins": ["${APP}/"], "AllowedMethods": ["GET"]}\n]\n`;
  expect(checkConfig([json(text)]).findings.map((f) => [f.code, f.line])).toEqual([["s3-origin-path", 3]]);
});

describe("S3 bucket CORS: the standard requests the old file allowed", () => {
  it("include the page's own origin where a * rule allowed it, and stay allowed after the patch", () => {
    // The upload rule names another origin; only the * GET rule takes the page's origin.
    const text = `<CORSConfiguration>
 <CORSRule>
   <AllowedOrigin>http://localhost:1338</AllowedOrigin>
   <AllowedMethod>PUT</AllowedMethod>
   <AllowedHeader>*</AllowedHeader>
 </CORSRule>
 <CORSRule>
   <AllowedOrigin>*</AllowedOrigin>
   <AllowedMethod>GET</AllowedMethod>
 </CORSRule>
</CORSConfiguration>
`;
    const evidence = casesEvidence(text, [
      { name: "list", method: "GET", path: "/photos/a.txt", headers: {}, credentials: "omit", body: null },
      {
        name: "update",
        method: "PUT",
        path: "/photos/a.jpg",
        headers: { "content-type": "image/jpeg" },
        credentials: "omit",
        body: "x",
      },
    ]);
    const r = fixConfig([{ path: "cors.xml", text }], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    // The page's origin joins the upload rule; the * rule is not widened to PUT for every origin.
    expect(r.files[0]?.after).toBe(
      text.replace(
        "<AllowedOrigin>http://localhost:1338</AllowedOrigin>",
        `<AllowedOrigin>http://localhost:1338</AllowedOrigin>\n   <AllowedOrigin>${APP}</AllowedOrigin>`,
      ),
    );
    const mine = r.rows.filter((x) => x.source === "standard" && x.origin === APP);
    expect(mine.map((x) => [x.method, x.credentials])).toContainEqual(["GET", "omit"]);
    expect(mine.every((x) => x.before.verdict === "allowed" && x.after.verdict === "allowed")).toBe(true);
    // The stand-ins are still there, and nothing is listed twice.
    expect(r.rows.some((x) => x.source === "standard" && x.origin === "https://other.example")).toBe(true);
    const keys = r.rows
      .filter((x) => x.source === "standard")
      .map((x) => JSON.stringify([x.url, x.method, x.origin, x.headers, x.credentials]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("list no request of the page's origin the old file refused", () => {
    const text = `[{"AllowedOrigins": ["https://other.example.org"], "AllowedMethods": ["GET"]}]`;
    const evidence = casesEvidence(text, [
      { name: "list", method: "GET", path: "/photos/a.txt", headers: {}, credentials: "omit", body: null },
    ]);
    const r = fixConfig([json(text)], evidence);
    expect(r.rows.filter((x) => x.source === "standard" && x.origin === APP)).toEqual([]);
  });
});

describe("S3 bucket CORS: a closing tag that names another element (S3: MalformedXML)", () => {
  // A vendor's example: `<MaxAgeSeconds>3000</MaxAgeSec>`. S3 refuses the document and the bucket
  // keeps its old rules (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html).
  const TYPO = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>${APP}</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSec>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
  </CORSRule>
</CORSConfiguration>
`;
  const noRule = (calls: Parameters<typeof casesEvidence>[1]) =>
    casesEvidence('[{"AllowedOrigins": ["https://nobody.example"], "AllowedMethods": ["HEAD"]}]', calls);
  const DELETE = {
    name: "remove" as const,
    method: "DELETE",
    path: "/photos/old.jpg",
    headers: {},
    credentials: "omit" as const,
    body: null,
  };

  it("check: an error on the tag's line, and the rest of the file is still checked", () => {
    const found = checkConfig([json(TYPO, "cors.xml")]).findings;
    expect(found).toContainEqual(
      expect.objectContaining({
        code: "s3-xml-tag",
        line: 7,
        severity: "error",
        words: { key: "config.s3.check.tag", params: { close: "MaxAgeSec", open: "MaxAgeSeconds" } },
      }),
    );
    // The answer is unknown: S3 runs the bucket's old rules.
    const a = ask(TYPO, { method: "GET" });
    expect(a.kind === "unknown" && a.why.key).toBe("config.s3.unknown.refused");
  });

  it("fix: the closing tag gets the open element's name, then the CORS problem is fixed", () => {
    const r = fixConfig([json(TYPO, "cors.xml")], noRule([DELETE]));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after.split("\n")[6]).toBe("    <MaxAgeSeconds>3000</MaxAgeSeconds>");
    expect(r.edits.map((e) => [e.line, e.why.key])).toEqual([[7, "config.s3.fix.tag"]]);
    expect(checkConfig([json(after, "cors.xml")]).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("plain: a prefix, the name with more after it, another case, a near miss; a namespace prefix kept", () => {
    for (const [close, open] of [
      ["MaxAgeSec", "MaxAgeSeconds"],
      ["CORSRules", "CORSRule"],
      ["allowedorigin", "AllowedOrigin"],
      ["AllowedOrgin", "AllowedOrigin"],
    ]) {
      const text = `<CORSConfiguration>\n<CORSRule>\n<AllowedOrigin>${APP}</AllowedOrigin>\n<AllowedMethod>GET</AllowedMethod>\n<${open}>${open === "MaxAgeSeconds" ? "60" : open === "CORSRule" ? "" : "x"}</${close}>\n</CORSRule>\n</CORSConfiguration>`;
      const fixed = text.replace(`</${close}>`, `</${open}>`);
      const r = fixConfig([json(text, "cors.xml")], noRule([DELETE]));
      expect(r.files[0]?.after, close).toContain(fixed.split("\n")[4]);
    }
    const ns = `<s3:CORSConfiguration xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/"><s3:CORSRule><s3:AllowedOrigin>${APP}</s3:AllowedOrigin><s3:AllowedMethod>GET</s3:AllowedMeth></s3:CORSRule></s3:CORSConfiguration>`;
    const r = fixConfig([json(ns, "cors.xml")], noRule([DELETE]));
    expect(r.files[0]?.after).toContain("<s3:AllowedMethod>GET</s3:AllowedMethod>");
  });

  it("not plain: found by check, and fix says so without guessing", () => {
    const text = `<CORSConfiguration>\n<CORSRule>\n<AllowedOrigin>${APP}</ExposeHeader>\n<AllowedMethod>GET</AllowedMethod>\n</CORSRule>\n</CORSConfiguration>\n`;
    expect(checkConfig([json(text, "cors.xml")]).findings).toContainEqual(
      expect.objectContaining({ code: "s3-xml-tag", line: 3, severity: "error" }),
    );
    const r = fixConfig([json(text, "cors.xml")], noRule([DELETE]));
    expect(r.ok).toBe(false);
    expect(fixDiff(r)).toBe("");
    expect(r.cannot.map((c) => c.why)).toEqual([
      {
        key: "config.s3.cannot.tag",
        params: { close: "ExposeHeader", open: "AllowedOrigin", line: 3 },
      },
    ]);
  });
});

describe("S3 bucket CORS: check on uploads", () => {
  const codes = (text: string, path = "cors.json") =>
    checkConfig([json(text, path)]).findings.map((f) => [f.code, f.line, f.severity]);

  it("s3-put-content-type: a PUT rule whose AllowedHeaders does not take Content-Type, on its line", () => {
    const text = `{
  "CORSRules": [
    {
      "AllowedOrigins": ["*"],
      "AllowedMethods": ["GET", "POST", "PUT"],
      "MaxAgeSeconds": 3000,
      "AllowedHeaders": ["Authorization"]
    }
  ]
}
`;
    expect(codes(text)).toContainEqual(["s3-put-content-type", 7, "warning"]);
    const xml = `<CORSConfiguration>\n<CORSRule>\n<AllowedOrigin>${APP}</AllowedOrigin>\n<AllowedMethod>PUT</AllowedMethod>\n<AllowedHeader>x-amz-acl</AllowedHeader>\n</CORSRule>\n</CORSConfiguration>`;
    expect(codes(xml, "cors.xml")).toContainEqual(["s3-put-content-type", 5, "warning"]);
  });

  it("not when Content-Type is taken: *, a pattern, any case, or a rule S3 goes on to for the origin", () => {
    for (const headers of ['["*"]', '["Content-*"]', '["CONTENT-TYPE", "x-amz-acl"]'])
      expect(
        codes(
          `[{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["PUT"], "AllowedHeaders": ${headers}}]`,
        ).map(([c]) => c),
      ).not.toContain("s3-put-content-type");
    const later = `[{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["PUT"], "AllowedHeaders": ["x-amz-acl"]},
 {"AllowedOrigins": ["*"], "AllowedMethods": ["PUT"], "AllowedHeaders": ["content-type"]}]`;
    expect(codes(later).map(([c]) => c)).not.toContain("s3-put-content-type");
    // No PUT, or no AllowedHeaders at all (that is s3-no-headers). Authorization alone: a request the
    // SDK signs sends x-amz-date and x-amz-content-sha256 too (s3-sdk-headers).
    expect(
      codes(`[{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "AllowedHeaders": ["Authorization"]}]`),
    ).toEqual([["s3-sdk-headers", 1, "warning"]]);
    expect(
      codes(
        `[{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "AllowedHeaders": ["Authorization", "x-amz-*"]}]`,
      ),
    ).toEqual([]);
    expect(
      codes(`[{"AllowedOrigins": ["*"], "AllowedMethods": ["PUT"], "ExposeHeaders": ["ETag"]}]`),
    ).toEqual([["s3-no-headers", 1, "warning"]]);
  });

  it("s3-etag is a warning, never an error: only multipart uploads need ETag", () => {
    const found = checkConfig([
      json(`[{"AllowedOrigins": ["${APP}"], "AllowedMethods": ["PUT"], "AllowedHeaders": ["*"]}]`),
    ]).findings;
    expect(found.map((f) => [f.code, f.severity])).toEqual([["s3-etag", "warning"]]);
  });
});

/**
 * An origin read from the environment with a default (`process.env.X ?? "…"` / `|| "…"`): the patch
 * cannot know the deployed value, so it must not narrow any of them. The app before and after the
 * printed patch run on the real express and cors packages with each deployed value; every origin
 * allowed before is allowed after.
 */
import { describe, expect, it } from "vitest";
import { fixConfig } from "../../src/config";
import { recordedFrom } from "./recorded";
import { allowOrigin } from "./run-express";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const OTHER = "https://other.example";

const appText = (origin: string) => `const express = require("express");
const cors = require("cors");

const app = express();
app.use(cors({ origin: ${origin}, credentials: true }));
app.get("/api/items", (req, res) => res.json([]));
module.exports = app;
`;

describe("Express: an origin from the environment with a default", () => {
  for (const op of ["??", "||"])
    it(`process.env.ORIGIN ${op} "…": the page's origin added, no deployed value narrowed`, async () => {
      const before = appText(`process.env.ORIGIN ${op} "${APP}"`);
      const files = [{ path: "server.js", text: before }];
      const r = fixConfig(
        files,
        recordedFrom(files, [
          { url: "http://localhost:3000/api/items", origin: ADMIN, credentials: "include" },
        ]),
      );
      expect(r.ok).toBe(true);
      const after = r.files[0]?.after ?? "";
      expect(after).not.toBe(before);
      // The default deployment: the page's origin is answered now.
      expect(await allowOrigin(after, undefined, ADMIN)).toBe(ADMIN);
      for (const deployed of [undefined, "*", "", APP, OTHER])
        for (const origin of [APP, ADMIN, OTHER]) {
          // Allowed: the answer names the origin, or is `*` (no cookies are sent here).
          const allows = (v: string | null) => v === origin || v === "*";
          if (!allows(await allowOrigin(before, deployed, origin))) continue;
          expect({ deployed, origin, allowed: allows(await allowOrigin(after, deployed, origin)) }).toEqual({
            deployed,
            origin,
            allowed: true,
          });
        }
    });
});

import { roomTranslator } from "../../i18n";
import type { StackPackage } from "../types";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted, STANDARD_METHODS } from "./policy";
import { KO } from "./rails.ko";

/** The rack-cors fix's own words in English (where it goes, its comments), the source; Korean in ./rails.ko.ts. */
export const EN = {
  where:
    "config/initializers/cors.rb in Rails (replacing its allow block); in a plain Rack app, as `use Rack::Cors do … end` (replacing the `use Rack::Cors` block it has), the first middleware in config.ru, before auth.",
  errors:
    "In a plain Rack app (Rails rescues on its own): an exception must become a 500 inside Rack::Cors,\nor the server answers it without CORS headers. Define this and `use ErrorsInsideCors` right after\nthe `use Rack::Cors` block.",
  place:
    "insert_before 0 puts it ahead of authentication and error middleware\n(in a plain Rack app: `use Rack::Cors do … end` first in config.ru).",
  /** The set-up as the change sentence names it. */
  setup: "your `allow do … end` block",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "gem",
  name: "rack-cors",
  modules: ["rack/cors"],
  install: "bundle add rack-cors",
};

/** Rails / Rack with `rack-cors`. */
/** Rails rescues exceptions inside its stack; a plain Rack app lets them pass Rack::Cors bare. */
const rackErrors = (request: FixRequest) => [
  "",
  ...comment("#", words(request.t.lang)("errors")),
  "class ErrorsInsideCors",
  "  def initialize(app)",
  "    @app = app",
  "  end",
  "",
  "  def call(env)",
  "    @app.call(env)",
  "  rescue StandardError",
  '    [500, { "content-type" => "text/plain" }, ["Internal Server Error"]]',
  "  end",
  "end",
];

export function rails(request: FixRequest): string {
  const { policy } = request;
  const methods = [
    ...new Set(["GET", "HEAD", "POST", ...(policy.anyMethods ? STANDARD_METHODS : []), ...policy.methods]),
  ].map((m) => `:${m.toLowerCase()}`);
  const options = [`      methods: [${[...new Set([...methods, ":options"])].join(", ")}],`];
  options.push(
    `      headers: ${policy.headers.length > 0 && !policy.anyHeaders ? `[${quoted(policy.headers)}]` : ":any"},`,
  );
  if (policy.exposeHeaders.length > 0) options.push(`      expose: [${quoted(policy.exposeHeaders)}],`);
  if (policy.credentials && !anyOrigin(policy)) options.push("      credentials: true,");
  options.push(`      max_age: ${policy.maxAge}`);
  return [
    ...heading(request, "#"),
    ...comment("#", words(request.t.lang)("place")),
    "Rails.application.config.middleware.insert_before 0, Rack::Cors do",
    "  allow do",
    `    origins ${quoted(anyOrigin(policy) ? ["*"] : policy.origins)}`,
    '    resource "*",',
    ...options,
    "  end",
    "end",
    ...(request.focus === "error-responses" ? rackErrors(request) : []),
  ].join("\n");
}

import { roomTranslator } from "../../i18n";
import { phpQuoted as phpString } from "./laravel";
import { KO } from "./php.ko";
import type { FixRequest } from "./policy";
import { allMethodsOr, anyOrigin, comment, heading, list } from "./policy";

/** The PHP fix's own words in English (where it goes, its comments), the source; Korean in ./php.ko.ts. */
export const EN = {
  where:
    "At the top of the script every request goes through (index.php, the front controller), right after <?php and before any output or authentication. An app that sends these headers already makes the change above instead.",
  place: "Right after <?php, before any output or authentication check.",
  /** The set-up as the change sentence names it. */
  setup: "your `header('Access-Control-…')` lines",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/**
 * Plain PHP with header() (https://www.php.net/manual/en/function.header.php): at the top of the
 * front script, before any output. header() replaces an earlier header of the same name by default,
 * so the snippet pasted twice sends what it sends once; it declares nothing.
 */
export function php(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const lines = [...heading(request, "//"), ...comment("//", words(request.t.lang)("place"))];
  if (any) lines.push("header('Access-Control-Allow-Origin: *');");
  else {
    lines.push(
      "$cors_origin = $_SERVER['HTTP_ORIGIN'] ?? '';",
      `if (in_array($cors_origin, [${policy.origins.map(phpString).join(", ")}], true)) {`,
      "    header('Access-Control-Allow-Origin: ' . $cors_origin);",
      ...(policy.credentials ? ["    header('Access-Control-Allow-Credentials: true');"] : []),
      "}",
      "header('Vary: Origin');",
    );
  }
  if (policy.exposeHeaders.length > 0)
    lines.push(`header(${phpString(`Access-Control-Expose-Headers: ${list(policy.exposeHeaders)}`)});`);
  lines.push(
    "if ($_SERVER['REQUEST_METHOD'] === 'OPTIONS' && isset($_SERVER['HTTP_ACCESS_CONTROL_REQUEST_METHOD'])) {",
    `    header(${phpString(`Access-Control-Allow-Methods: ${list([...new Set(["GET", "HEAD", "POST", ...allMethodsOr(policy)])])}`)});`,
  );
  // Where the server allowed any header, the preflight's own list is answered back, as before.
  if (policy.anyHeaders)
    lines.push(
      "    header('Access-Control-Allow-Headers: ' . ($_SERVER['HTTP_ACCESS_CONTROL_REQUEST_HEADERS'] ?? ''));",
    );
  else if (policy.headers.length > 0)
    lines.push(`    header(${phpString(`Access-Control-Allow-Headers: ${list(policy.headers)}`)});`);
  lines.push(
    `    header('Access-Control-Max-Age: ${policy.maxAge}');`,
    "    http_response_code(204);",
    "    exit;",
    "}",
  );
  return lines.join("\n");
}

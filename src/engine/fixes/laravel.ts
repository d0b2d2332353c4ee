import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading } from "./policy";

/** A PHP single-quoted string: only `\` and `'` are escaped. */
export const phpQuoted = (s: string) => `'${s.replace(/[\\']/g, "\\$&")}'`;
const phpList = (items: readonly string[]) => `[${items.map(phpQuoted).join(", ")}]`;

/**
 * Laravel's config/cors.php, read by its HandleCors middleware (laravel/framework 9.2+, or
 * fruitcake/laravel-cors before) through fruitcake/php-cors
 * (https://github.com/fruitcake/php-cors/blob/master/src/CorsService.php): `['*']` in
 * allowed_headers or allowed_methods answers whatever the preflight asks for; with
 * supports_credentials an `'*'` origin is answered with the request's own origin, never `*`.
 * The snippet is the whole file: written twice, it is the same file.
 */
export function laravel(request: FixRequest): string {
  const { policy } = request;
  const methods = policy.anyMethods ? ["*"] : [...new Set(["GET", "HEAD", "POST", ...policy.methods])];
  const headers = policy.anyHeaders ? ["*"] : policy.headers;
  return [
    "<?php",
    "",
    ...heading(request, "//"),
    ...comment(request, "//", "fix.laravel.place"),
    "return [",
    "    'paths' => ['*'],",
    `    'allowed_methods' => ${phpList(methods)},`,
    `    'allowed_origins' => ${phpList(anyOrigin(policy) ? ["*"] : policy.origins)},`,
    "    'allowed_origins_patterns' => [],",
    `    'allowed_headers' => ${phpList(headers)},`,
    `    'exposed_headers' => ${phpList(policy.exposeHeaders)},`,
    `    'max_age' => ${policy.maxAge},`,
    `    'supports_credentials' => ${policy.credentials ? "true" : "false"},`,
    "];",
  ].join("\n");
}

import { roomTranslator } from "../../i18n";
import { KO } from "./laravel.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading } from "./policy";

/** The Laravel fix's own words in English (where it goes, its comments), the source; Korean in ./laravel.ko.ts. */
export const EN = {
  where:
    "Replace config/cors.php with this (Laravel 9.2+ runs HandleCors for it before routing and authentication; older apps need fruitcake/laravel-cors), then run php artisan config:clear. An app that has the file makes the change above instead. Written from Laravel's and fruitcake/php-cors' source: CORS Lens's fix suite has not run it (Debian packages Laravel 8 without HandleCors).",
  place:
    "'paths' => ['*'] covers every route; list only the API's (['api/*']) if that is all the page calls.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

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
    ...comment("//", words(request.t.lang)("place")),
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

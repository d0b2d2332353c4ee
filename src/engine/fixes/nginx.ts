import type { FixRequest } from "./policy";
import { list } from "./policy";

/** nginx: `always` so 4xx/5xx get the headers too; OPTIONS answered before proxying or auth. */
export function nginx({ policy, summary }: FixRequest): string {
  const common = [`add_header Access-Control-Allow-Origin "${policy.origin}" always;`];
  if (policy.credentials) common.push('add_header Access-Control-Allow-Credentials "true" always;');
  if (policy.origin !== "*") common.push('add_header Vary "Origin" always;');
  const preflight = [
    ...common,
    `add_header Access-Control-Allow-Methods "${list(policy.methods, "GET, POST")}" always;`,
    ...(policy.headers.length > 0
      ? [`add_header Access-Control-Allow-Headers "${list(policy.headers)}" always;`]
      : []),
    `add_header Access-Control-Max-Age ${policy.maxAge} always;`,
    "return 204;",
  ];
  const actual = [
    ...common,
    ...(policy.exposeHeaders.length > 0
      ? [`add_header Access-Control-Expose-Headers "${list(policy.exposeHeaders)}" always;`]
      : []),
  ];
  return [
    `# ${summary}`,
    "# Inside the location that serves the API. Without `always`, nginx drops these headers on",
    "# 4xx/5xx responses; an add_header in a nested block replaces every inherited one.",
    "location / {",
    "    if ($request_method = OPTIONS) {",
    ...preflight.map((l) => `        ${l}`),
    "    }",
    ...actual.map((l) => `    ${l}`),
    "    # ... your existing proxy_pass / root directives",
    "}",
  ].join("\n");
}

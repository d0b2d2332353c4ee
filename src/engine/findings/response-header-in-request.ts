import { code } from "../explain/context";
import { type FindingRule, finding } from "./context";

/** The page sent `Access-Control-Allow-*` as a request header: it only triggers a preflight that fails. */
export const responseHeaderInRequest: FindingRule = (ctx) => {
  const names = (ctx.facts.unsafeNames ?? []).filter(
    (n) =>
      n.startsWith("access-control-allow-") ||
      n === "access-control-expose-headers" ||
      n === "access-control-max-age",
  );
  if (names.length === 0) return null;
  return finding(
    "response-header-in-request",
    "Response headers sent from the page",
    `The page sends ${names.map(code).join(", ")} as request ${names.length === 1 ? "header" : "headers"}. These are response headers: only the server can grant access. Sent by the page, they do nothing except force a preflight that must then allow them. Remove them from the request and set them on the server.`,
  );
};

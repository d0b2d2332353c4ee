import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";

export const noCorsRedirectMode: CauseSpec<"no-cors-redirect-mode"> = {
  code: "no-cors-redirect-mode",
  chromium: always("NoCorsRedirectModeNotFollow"),
  firefox: always(null),
  chromiumConsole: always(null),
  chromiumRendererMessage: (url) =>
    `Fetch API cannot load ${url}. Request mode is "no-cors" but the redirect mode is not "follow".`,
  chromiumDocs: null,
  text: (ctx) => ({
    title: ctx.t("cause.no-cors-redirect-mode.title"),
    message: ctx.t("cause.no-cors-redirect-mode.message"),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(
      ctx.t("cause.no-cors-redirect-mode.client"),
      `fetch(${JSON.stringify(ctx.exchange.url)}, { mode: "no-cors", redirect: "follow" });`,
    ),
};

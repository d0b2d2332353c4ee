/** The engine's public surface: pure, no browser globals; runs in Node and in the extension. */

export { type ApiProfile, apiOf, apiProfiles } from "./api-profile";
export { currentChromiumName } from "./browser-names";
export {
  type BrowserWordsContext,
  chromiumConsoleMessage,
  chromiumDocs,
  type DocLink,
  firefoxConsoleMessage,
  firefoxDocs,
} from "./browser-words";
export { type DiagnoseOptions, diagnose } from "./diagnose";
export { type EvidenceRow, type EvidenceSubject, evidenceRows, failingHop } from "./evidence";
export { isCorsBlockError, isPreflightRequest, needsPreflight, preflightNeeded, sentOrigin } from "./facts";
export { worthExposing } from "./findings/header-not-exposed";
export { type EchoSample, originReflection } from "./findings/origin-reflected-with-credentials";
export { SERVER_STACKS, STACK_PACKAGES } from "./fixes";
export { VERIFIED } from "./fixes/verified";
export { combinedHeader, hasHeader, headerValues } from "./headers";
export { type ObservedFields, observedExchange, preflightOnlyExchange, visibilityOf } from "./observed";
export { hostOf, originOf, requestOrigin } from "./origin";
export { type RuleKey, ruleWords } from "./rule-words";
export { isRedirectStatus } from "./rules/check-response-chain";
export { MAX_AGE_CAP } from "./rules/max-age";
export {
  corsUnsafeHeaderNames,
  isForbiddenRequestHeader,
  isSafelistedMethod,
  scriptSetUnsafeHeaderNames,
} from "./safelist";
export { detectServer, type ServerGuess } from "./server-stack";
export * from "./types";

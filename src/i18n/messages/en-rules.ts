/**
 * The CI formats' words (English) and the one code-scanning rule that is no cause or finding code
 * (a failure whose cause was not recorded); each cause's and finding's rule words are in its room
 * (`ruleTitle`, `ruleDescription` in src/engine/causes|findings/<code>.ts). A rule's words hold for
 * every result of that rule, so they name no request's header, method, status, origin or URL.
 */
export const enRules = {
  "rule.cause-not-recorded.title": "Cross-origin request failed; its cause was not recorded",
  "rule.cause-not-recorded.description":
    'The browser reported that a cross-origin request failed, but the recording kept no response headers (and no preflight) for it, so CORS Lens cannot tell which check failed. It counts as a failure unless --allow-unknown. Record with cors-lens/playwright\'s lens.har(), Chrome DevTools\' "Export HAR" or Firefox\'s "Save All As HAR" to keep the cause.',

  "ci.unrecorded":
    "{request} failed ({error}); the recording holds no response headers for it, so its cause is not recorded.",
  "ci.unrecorded.hint":
    'Record with cors-lens/playwright\'s lens.har(), Chrome DevTools\' "Export HAR" ("Save all as HAR with content") or Firefox\'s "Save All As HAR" to keep the cause; --allow-unknown lets these pass.',
  "ci.config.rule": "CORS configuration: {code}",
  "ci.summary.title": "CORS Lens",
  "ci.summary.fix-for": "Fix for {count, plural, one {# request} other {# requests}} to {host}",
  "ci.annotation.fix": "Fix ({title}): {line}",
  "ci.annotation.more": "(the whole fix is in the job summary)",
  "cli.totals.outcomes":
    "{count, plural, one {# file} other {# files}}, {requests} requests: {blocked} blocked, {unknown} unknown ({unrecorded} failed, cause not recorded), {warned} with warnings",
  "cli.summary.unrecorded": "{count} × failed, cause not recorded",
  "cli.summary.unrecorded-error": "The browser reported {error}; this HAR holds no response headers for it.",
} as const;

/** CI 문구와 원인 코드가 없는 코드 스캐닝 규칙(한국어). 원인과 발견 사항의 규칙 문구는 각 방(src/engine/causes|findings/<code>.ko.ts)에 있다. */
import type { enRules } from "./en-rules";

export const koRules: Record<keyof typeof enRules, string> = {
  "rule.cause-not-recorded.title": "교차 출처 요청이 실패했지만 원인이 기록되지 않음",
  "rule.cause-not-recorded.description":
    '브라우저는 교차 출처 요청이 실패했다고 보고했지만 기록에 그 요청의 응답 헤더(와 사전 요청)가 없어 어떤 검사가 실패했는지 알 수 없습니다. --allow-unknown을 주지 않으면 실패로 셉니다. 원인을 남기려면 cors-lens/playwright의 lens.har(), Chrome DevTools의 "Export HAR", Firefox의 "Save All As HAR"로 기록하세요.',

  "ci.unrecorded":
    "{request} 요청이 실패했습니다({error}). 기록에 이 요청의 응답 헤더가 없어 원인이 기록되지 않았습니다.",
  "ci.unrecorded.hint":
    '원인을 남기려면 cors-lens/playwright의 lens.har(), Chrome DevTools의 "Export HAR"("Save all as HAR with content"), Firefox의 "Save All As HAR"로 기록하세요. --allow-unknown을 주면 이 요청들은 통과합니다.',
  "ci.config.rule": "CORS 설정: {code}",
  "ci.summary.title": "CORS Lens 결과",
  "ci.summary.fix-for": "{host}에 보낸 요청 {count}개의 수정 방법",
  "ci.annotation.fix": "수정 ({title}): {line}",
  "ci.annotation.more": "(전체 수정 방법은 작업 요약에 있음)",
  "cli.totals.outcomes":
    "파일 {count}개, 요청 {requests}개: {blocked}개 차단, {unknown}개 판단 불가({unrecorded}개는 실패했으나 원인 기록 안 됨), {warned}개 경고",
  "cli.summary.unrecorded": "{count} × 실패, 원인 기록 안 됨",
  "cli.summary.unrecorded-error": "브라우저가 {error}을(를) 보고했습니다. 이 HAR에는 응답 헤더가 없습니다.",
};

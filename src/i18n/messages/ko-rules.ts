/** 코드 스캐닝 규칙과 CI 문구(한국어): 규칙의 제목과 설명은 모든 결과에 맞아야 하므로 특정 요청의 값을 담지 않는다. */
import type { enRules } from "./en-rules";

export const koRules: Record<keyof typeof enRules, string> = {
  "rule.disallowed-by-mode.title": "요청 모드가 다른 출처를 금지함",
  "rule.disallowed-by-mode.description":
    "`same-origin` 모드로 다른 출처에 요청했습니다. 브라우저는 아무것도 보내기 전에 거부합니다. CORS 모드로 요청하거나 페이지 자신의 출처로 요청하세요.",
  "rule.scheme-not-supported.title": "HTTP(S)가 아닌 URL로 보낸 교차 출처 요청",
  "rule.scheme-not-supported.description":
    "브라우저는 http와 https URL에만 CORS 요청을 보냅니다. 다른 스킴(file:, 사용자 정의 스킴)은 요청 전에 실패합니다. 페이지와 API를 모두 HTTP(S)로 제공하세요.",
  "rule.no-cors-redirect-mode.title": "redirect: follow 없이 보낸 no-cors 요청",
  "rule.no-cors-redirect-mode.description":
    '`no-cors` 모드 요청은 `redirect: "follow"`를 써야 합니다. 다른 리디렉션 모드는 보내기 전에 거부됩니다.',
  "rule.missing-allow-origin.title": "Access-Control-Allow-Origin이 없음",
  "rule.missing-allow-origin.description":
    "응답(또는 사전 요청의 응답)에 `Access-Control-Allow-Origin` 헤더가 없어 브라우저가 페이지에서 응답을 숨기거나 요청을 보내지 않았습니다. 서버는 페이지의 정확한 출처를, 자격 증명이 없는 요청이면 `*`를 응답해야 합니다.",
  "rule.multiple-allow-origin.title": "Access-Control-Allow-Origin에 값이 여러 개임",
  "rule.multiple-allow-origin.description":
    "`Access-Control-Allow-Origin`에는 출처가 정확히 하나만 있어야 합니다. 목록이나 두 번 보낸 헤더(보통 프록시와 애플리케이션이 모두 추가)는 검사에 실패합니다. 한곳에서 한 번만 보내세요.",
  "rule.invalid-allow-origin.title": "Access-Control-Allow-Origin 값이 출처가 아님",
  "rule.invalid-allow-origin.description":
    "`Access-Control-Allow-Origin` 값이 직렬화된 출처가 아닙니다(스킴 없는 호스트, 경로, 패턴). 정확한 출처(스킴, 호스트, 포트, 경로 없음)나 `*`여야 합니다.",
  "rule.allow-origin-mismatch.title": "허용된 출처가 요청의 출처와 일치하지 않음",
  "rule.allow-origin-mismatch.description":
    "서버가 요청이 온 출처와 다른 출처를 허용했습니다. 브라우저는 두 값을 바이트 단위로 비교합니다(스킴, 호스트, 포트, 대소문자, 끝의 슬래시 없음). 허용 목록에 있으면 요청의 출처 그대로 응답하세요.",
  "rule.wildcard-origin-with-credentials.title": "자격 증명이 있는 요청에 와일드카드 출처",
  "rule.wildcard-origin-with-credentials.description":
    "자격 증명(쿠키, HTTP 인증)과 함께 보낸 요청에 서버가 `Access-Control-Allow-Origin: *`로 응답했습니다. 자격 증명이 있으면 브라우저는 정확한 출처와 `Access-Control-Allow-Credentials: true`를 요구합니다.",
  "rule.allow-credentials-not-true.title": "Access-Control-Allow-Credentials가 true가 아님",
  "rule.allow-credentials-not-true.description":
    "요청은 자격 증명과 함께 보내졌고 서버가 출처를 허용했지만 `Access-Control-Allow-Credentials`가 없거나 정확히 `true`가 아닙니다.",
  "rule.preflight-status-not-ok.title": "사전 요청이 2xx가 아닌 상태로 응답됨",
  "rule.preflight-status-not-ok.description":
    "사전 요청(OPTIONS)이 200–299 밖의 상태로 응답되어(대개 인증 계층, OPTIONS 경로 없음, 서버 오류) 브라우저가 요청을 보내지 않았습니다. 인증보다 먼저 OPTIONS에 204와 CORS 헤더로 응답하세요.",
  "rule.preflight-redirected.title": "사전 요청이 리디렉션됨",
  "rule.preflight-redirected.description":
    "사전 요청이 리디렉션으로 응답되었습니다. 브라우저는 사전 요청의 리디렉션을 따르지 않습니다. 최종 URL을 직접 호출하세요(흔히 끝 슬래시 리디렉션).",
  "rule.invalid-allow-methods.title": "Access-Control-Allow-Methods를 해석할 수 없음",
  "rule.invalid-allow-methods.description":
    "사전 요청의 `Access-Control-Allow-Methods`에 메서드 토큰이 아닌 항목이 있어 브라우저가 목록 전체를 거부합니다. 메서드를 쉼표로 구분해 나열하세요.",
  "rule.invalid-allow-headers.title": "Access-Control-Allow-Headers를 해석할 수 없음",
  "rule.invalid-allow-headers.description":
    "사전 요청의 `Access-Control-Allow-Headers`에 헤더 이름이 아닌 항목이 있어 브라우저가 목록 전체를 거부합니다. 헤더 이름을 쉼표로 구분해 나열하세요.",
  "rule.method-not-allowed.title": "사전 요청이 메서드를 허용하지 않음",
  "rule.method-not-allowed.description":
    "요청의 메서드가 사전 요청의 `Access-Control-Allow-Methods`에 없습니다(메서드는 바이트 단위로 비교하며, 자격 증명이 있으면 `*`는 통하지 않음). 서버가 응답하는 목록에 메서드를 추가하세요.",
  "rule.header-not-allowed.title": "사전 요청이 요청 헤더를 허용하지 않음",
  "rule.header-not-allowed.description":
    "요청이 설정한 헤더가 사전 요청의 `Access-Control-Allow-Headers`에 없습니다(자격 증명이 있거나 Authorization이면 `*`는 통하지 않음). 서버가 응답하는 목록에 헤더 이름을 추가하세요.",
  "rule.redirect-contains-credentials.title": "사용자 이름과 비밀번호가 든 URL로 리디렉션",
  "rule.redirect-contains-credentials.description":
    "CORS 요청이 `user:password@`가 든 URL로 리디렉션되었습니다. 브라우저는 이런 리디렉션을 거부합니다. 자격 증명 없는 URL로 리디렉션하고 자격 증명은 헤더로 보내세요.",
  "rule.local-network-insecure.title": "보안 컨텍스트가 아닌 페이지의 로컬 네트워크 접근",
  "rule.local-network-insecure.description":
    "보안 컨텍스트가 아닌 페이지가 더 사적인 주소(로컬 네트워크, 루프백)에 요청했습니다. Chrome의 Local Network Access가 이를 차단합니다. 응답 헤더로는 고칠 수 없으니 페이지를 HTTPS로 제공하세요.",
  "rule.local-network-invalid.title": "로컬 네트워크 주소 공간 불일치",
  "rule.local-network-invalid.description":
    "요청이 선언한 주소 공간과 서버가 해석된 주소 공간이 다릅니다. Chrome의 Local Network Access가 차단합니다. 응답 헤더로는 고칠 수 없습니다.",
  "rule.local-network-permission-denied.title": "로컬 네트워크 접근이 허용되지 않음",
  "rule.local-network-permission-denied.description":
    "페이지에 Local Network Access 권한이 없어 Chrome이 로컬 네트워크 요청을 차단했습니다. 응답 헤더로는 고칠 수 없습니다.",
  "rule.network-error.title": "응답 없음 (네트워크 오류)",
  "rule.network-error.description":
    '요청이 CORS 검사 전에 아무 응답도 받지 못했습니다(연결 거부, DNS, TLS, 재설정). Firefox는 이를 "CORS request did not succeed"로 보고하지만 헤더 문제가 아닙니다. 서버가 응답하는지 확인하세요.',
  "rule.cause-not-recorded.title": "교차 출처 요청이 실패했지만 원인이 기록되지 않음",
  "rule.cause-not-recorded.description":
    '브라우저는 교차 출처 요청이 실패했다고 보고했지만 기록에 그 요청의 응답 헤더(와 사전 요청)가 없어 어떤 검사가 실패했는지 알 수 없습니다. --allow-unknown을 주지 않으면 실패로 셉니다. 원인을 남기려면 cors-lens/playwright의 lens.har(), Chrome DevTools의 "Export HAR", Firefox의 "Save All As HAR"로 기록하세요.',

  "rule.status-masked.title": "서버의 오류 상태가 CORS 오류에 가려짐",
  "rule.status-masked.description":
    "서버가 CORS 헤더를 붙이지 않는 경로에서 오류 상태로 응답해 페이지에는 CORS 오류만 보입니다. 서버 오류를 고치거나 오류 응답에도 CORS 헤더를 붙이세요.",
  "rule.referrer-policy-not-cause.title": "Referrer-Policy는 원인이 아님",
  "rule.referrer-policy-not-cause.description":
    "`Referrer-Policy`는 `Referer` 헤더에 무엇을 담을지만 정하며 CORS 요청을 차단하지 않습니다.",
  "rule.referrer-stripped.title": "Referer 없이 전송됨: Referer 또는 CSRF 검사에서 거부되었을 수 있음",
  "rule.referrer-stripped.description":
    "페이지의 리퍼러 정책 때문에 요청이 `Referer` 없이 보내졌고 서버가 거부했습니다. CSRF 방어로 Referer를 검사하는 서버는 이런 요청을 거부합니다.",
  "rule.origin-null.title": "Origin: null로 보낸 요청",
  "rule.origin-null.description":
    "요청의 출처가 불투명해(샌드박스 프레임, file: 페이지, data: URL, 교차 출처 리디렉션) `Origin: null`로 보내졌습니다. `null`을 허용하면 그런 페이지 모두를 허용하게 됩니다.",
  "rule.opaque-response.title": "no-cors: 페이지가 응답을 읽을 수 없음",
  "rule.opaque-response.description":
    "`no-cors` 모드로 요청해 응답이 불투명합니다. 서버가 무엇을 응답하든 페이지는 본문, 상태, 헤더를 읽을 수 없습니다.",
  "rule.authorization-wildcard.title": "Authorization이 *로만 허용됨",
  "rule.authorization-wildcard.description":
    "`Access-Control-Allow-Headers: *`는 `Authorization`을 포함하지 않습니다. 이름으로 나열해야 합니다.",
  "rule.vary-origin-missing.title": "Vary: Origin이 없음",
  "rule.vary-origin-missing.description":
    "서버가 요청의 출처를 `Access-Control-Allow-Origin`에 담아 응답하면서 `Vary: Origin`을 보내지 않아, 공유 캐시가 한 출처의 응답을 다른 출처에 줄 수 있습니다.",
  "rule.preflight-cached.title": "사전 요청 캐시에서 처리됨",
  "rule.preflight-cached.description":
    "브라우저가 캐시된 사전 요청을 재사용해 사전 요청을 보내지 않았습니다. 서버의 CORS 응답을 바꿔도 캐시 항목이 만료된 뒤에야 반영됩니다.",
  "rule.preflight-avoidable.title": "요청에 사전 요청이 필요했던 이유",
  "rule.preflight-avoidable.description":
    "메서드나 페이지가 설정한 헤더 때문에 사전 요청이 필요했습니다. 그것들이 없으면 단순 요청이 됩니다.",
  "rule.max-age-capped.title": "Access-Control-Max-Age가 상한에 걸림",
  "rule.max-age-capped.description":
    "브라우저는 사전 요청을 캐시하는 시간에 상한을 둡니다(Chromium 2시간, Firefox 24시간). 그보다 큰 `Access-Control-Max-Age`는 지켜지지 않습니다.",
  "rule.header-not-exposed.title": "응답 헤더가 스크립트에서 보이지 않음",
  "rule.header-not-exposed.description":
    "응답에 `Access-Control-Expose-Headers`에도 안전 목록에도 없는 헤더가 있어 페이지의 스크립트가 읽을 수 없습니다.",
  "rule.response-header-in-request.title": "페이지가 응답 헤더를 보냄",
  "rule.response-header-in-request.description":
    "페이지가 요청에 `Access-Control-Allow-*` 헤더를 보냈습니다. 이 헤더는 서버의 응답에 들어가야 하며, 요청에 보내면 사전 요청만 필요해집니다.",
  "rule.origin-reflected-with-credentials.title": "서버가 어떤 출처든 자격 증명과 함께 되돌려 줌",
  "rule.origin-reflected-with-credentials.description":
    "서버가 요청의 출처를 `Access-Control-Allow-Origin`에 그대로 담고 `Access-Control-Allow-Credentials: true`를 보냅니다. 그러면 어느 사이트든 로그인한 사용자로 API를 읽을 수 있습니다. 허용 목록과 비교하세요.",
  "rule.null-origin-allowed.title": "API가 자격 증명과 함께 Origin: null을 신뢰함",
  "rule.null-origin-allowed.description":
    "서버가 자격 증명과 함께 `Origin: null`을 허용합니다. 어느 사이트의 샌드박스 iframe이나 data: 페이지든 이 출처를 보냅니다.",
  "rule.insecure-origin-allowed.title": "https API가 http 출처를 신뢰함",
  "rule.insecure-origin-allowed.description":
    "https API가 http 출처를 허용합니다. 그 http 페이지의 네트워크 경로에 있는 누구든 스크립트를 주입해 API를 읽을 수 있습니다.",
  "rule.not-cors.title": "차단되었지만 CORS 때문은 아님",
  "rule.not-cors.description":
    "요청이 CORS가 아닌 다른 것(확장 프로그램, ORB, CSP, CORP, 관리자 정책)에 차단되었습니다. CORS 헤더로는 바뀌지 않습니다.",
  "rule.browser-difference.title": "다른 브라우저는 다르게 판정하거나 다르게 부름",
  "rule.browser-difference.description":
    "Chromium과 Firefox는 일부 CORS 규칙을 다른 순서로 검사하거나 다른 이름으로 부릅니다. 다른 브라우저에서는 이 요청의 판정이나 첫 실패가 다릅니다.",

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

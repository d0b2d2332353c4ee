import type { enFindings } from "./en-findings";

export const koFindings: Record<keyof typeof enFindings, string> = {
  "finding.authorization-wildcard.title": "Authorization이 *로만 허용됨",
  "finding.authorization-wildcard.message":
    "사전 요청 응답이 `Access-Control-Allow-Headers: *`였는데, Fetch 표준에 따르면 이 값은 `Authorization`을 포함하지 않습니다. Chromium과 Firefox는 아직 지원 중단 경고와 함께 받아들이지만, 표준대로 바뀌기 전에 `Access-Control-Allow-Headers: authorization, …`처럼 명시적으로 나열하세요.",

  "finding.browser-difference.verdict.title": "{there}에서는 판정이 다름",
  "finding.browser-difference.verdict.message":
    "{here}은(는) 이 요청을 {blocks, select, yes {차단하지만} other {허용하지만}}, {there}은(는) {otherBlocks, select, yes {차단합니다({otherTitle})} other {허용합니다}}.",
  "finding.browser-difference.order.title": "{there}은(는) 다른 실패를 먼저 보고함",
  "finding.browser-difference.order.message":
    '{here}은(는) "{title}"({name})에서 멈추지만, {there}은(는) 검사 순서가 달라 "{otherTitle}"({otherName})을(를) 먼저 보고합니다. 둘 다 고쳐야 합니다.',
  "finding.browser-difference.words.title": "Firefox는 다르게 표현함",
  "finding.browser-difference.words.origin":
    "Chromium은 {chromium}(으)로 보고하고, Firefox는 같은 차단을 \"CORS header 'Access-Control-Allow-Origin' does not match\"({firefox})로 보고합니다.",
  "finding.browser-difference.words.redirect":
    "Chromium은 {chromium}(으)로 보고하고, Firefox는 리디렉션의 Access-Control-Allow-Origin을 먼저 검사해 리디렉션 상태와 함께 {firefox}(으)로 보고합니다.",

  "finding.header-not-exposed.title": "응답 헤더 {count}개가 스크립트에서 보이지 않음",
  "finding.header-not-exposed.message":
    "이 페이지의 스크립트는 {names}을(를) 읽을 수 없습니다. `Access-Control-Expose-Headers`{absent, select, yes {가 없고} other {가 `{raw}`이고}}, 이 헤더 없이 읽을 수 있는 것은 안전 목록의 헤더(Content-Type, Content-Length, Cache-Control …)뿐입니다. 페이지에서 필요하다면 `Access-Control-Expose-Headers: {list}`를 보내세요.",

  "finding.insecure-origin-allowed.title": "https API가 http 출처를 신뢰함",
  "finding.insecure-origin-allowed.message":
    "{host}은(는) https로 제공되지만 평문 http로 제공되는 출처 `{allowed}`을(를) 허용합니다. 그 네트워크 경로에 있는 공격자가 해당 출처에 스크립트를 주입해 이 API의 응답을 읽을 수 있습니다. 대신 https 출처를 허용하세요.",

  "finding.max-age-capped.title": "Access-Control-Max-Age가 상한에 걸림",
  "finding.max-age-capped.unparseable":
    "`Access-Control-Max-Age: {raw}`는 초 단위 숫자가 아닙니다. {browser}은(는) {browser, select, Chromium {기본값 5초를 씁니다} other {사전 요청을 전혀 캐시하지 않습니다}}.",
  "finding.max-age-capped.capped":
    "`Access-Control-Max-Age: {raw}`는 {browser}이(가) 허용하는 값보다 큽니다. 사전 요청은 {effective}초 동안만 캐시됩니다({otherBrowser}: 최대 {otherCap}초). {minutes}분마다 사전 요청을 다시 보냅니다.",

  "finding.not-cors.title": "차단되었지만 CORS 때문은 아님",
  "finding.not-cors.message":
    "{host}(으)로 보낸 요청이 `{error}`(으)로 실패했습니다. {why, select, client {확장 프로그램(광고·콘텐츠 차단기)이 요청을 취소했습니다} orb {Opaque Response Blocking이 데이터처럼 보이는 no-cors 응답을 거부했습니다} csp {페이지의 Content-Security-Policy(connect-src)가 금지합니다} corp {Cross-Origin-Resource-Policy 또는 embedder 정책이 금지합니다} tracking {추적 방지 기능이 차단했습니다} other {브라우저 정책이 차단했습니다}}. CORS 헤더로는 바뀌지 않습니다.",

  "finding.null-origin-allowed.title": "API가 자격 증명과 함께 Origin: null을 신뢰함",
  "finding.null-origin-allowed.message":
    "{host}은(는) `Access-Control-Allow-Credentials: true`와 함께 `Access-Control-Allow-Origin: null`로 응답합니다. 어떤 페이지든 출처 `null`을 얻을 수 있고(샌드박스 iframe, data: 문서) 사용자의 데이터를 읽을 수 있습니다. 이름이 있는 출처만 허용하세요.",

  "finding.opaque-response.title": "no-cors: 페이지가 이 응답을 읽을 수 없음",
  "finding.opaque-response.message":
    '{host}(으)로 보낸 이 요청은 `mode: "no-cors"`로 만들어졌습니다. 요청은 전송되지만 페이지는 불투명한 응답(상태 0, 헤더 없음, 본문 없음)을 받습니다. `no-cors`를 빼고 서버가 `Access-Control-Allow-Origin: {origin}`를 보내게 하세요.',
  "finding.opaque-response.your-origin": "<내 출처>",

  "finding.origin-null.title": "Origin: null",
  "finding.origin-null.message":
    "{tainted, select, yes {다른 출처로의 리디렉션 때문에 요청의 출처가 불투명해져} other {페이지의 출처가 불투명해서(file: 페이지, 샌드박스 iframe, data: 문서)}} 요청이 `Origin: null`로 전송되었습니다. 통과할 수 있는 것은 `Access-Control-Allow-Origin: *`(자격 증명 없이) 또는 `null`뿐입니다. `null`을 허용하면 어떤 샌드박스 페이지든 들어올 수 있으니, 리디렉션을 없애거나 실제 출처에서 페이지를 제공하는 편이 낫습니다.",

  "finding.origin-reflected-with-credentials.title": "서버가 어떤 출처든 자격 증명과 함께 되돌려 줌",
  "finding.origin-reflected-with-credentials.message":
    "{server}은(는) {origins} 각각에 그 출처 자신과 `Access-Control-Allow-Credentials: true`로 응답했습니다. 받은 Origin을 모두 되돌려 준다면, 어떤 웹사이트든 사용자의 쿠키로 사용자의 데이터를 읽을 수 있습니다. Origin을 되돌려 주기 전에 허용 목록과 비교하세요.",
  "finding.origin-reflected-with-credentials.and": ", ",

  "finding.preflight-avoidable.title": "이 요청에 사전 요청이 필요했던 이유",
  "finding.preflight-avoidable.message":
    '브라우저가 먼저 OPTIONS 사전 요청을 보낸 이유: {triggers}. {count, plural, =1 {이것이} other {이것들이}} 없으면 요청은 "단순 요청"이 되어 바로 전송됩니다. 그렇지 않다면 서버가 사전 요청에 응답해야 합니다(캐시된 사전 요청은 Access-Control-Max-Age 동안 왕복을 줄여 줍니다).',
  "finding.preflight-avoidable.method": "메서드 `{method}`(단순 메서드는 GET, HEAD, POST뿐)",
  "finding.preflight-avoidable.content-type":
    "`Content-Type: {value}`(단순 요청은 text/plain, multipart/form-data, application/x-www-form-urlencoded뿐)",
  "finding.preflight-avoidable.value-too-long": "`{name}` 값이 128바이트보다 김",
  "finding.preflight-avoidable.unsafe-bytes":
    '`{name}` 값에 ( ) : < > ? @ [ ] {braces} " 같은 문자나 제어 문자가 있음',
  "finding.preflight-avoidable.range": "`Range: {value}`가 bytes=start-end 형식의 단일 범위가 아님",
  "finding.preflight-avoidable.total-too-long": "단순 헤더 값의 합이 1024바이트를 넘음(`{name}`)",
  "finding.preflight-avoidable.not-safelisted": "사용자 정의 헤더 `{name}`",
  "finding.preflight-avoidable.separator": "; ",

  "finding.preflight-cached.title": "사전 요청 캐시에서 처리됨",
  "finding.preflight-cached.message":
    "{host}(으)로 보낸 이 {method} 요청에는 사전 요청이 필요하지만 보내지 않았습니다. 브라우저가 이 URL에 대해 캐시된 사전 요청을 다시 썼기 때문입니다. 캐시는 `Access-Control-Max-Age`초 동안 유지됩니다(기본 5초, {browser}에서는 최대 {cap}초). 서버의 사전 요청 응답을 바꿔도 그 뒤에야 반영됩니다.",

  "finding.referrer-policy-not-cause.title": "Referrer-Policy는 원인이 아님",
  "finding.referrer-policy-not-cause.message":
    "Referrer-Policy는 `Referer` 헤더만 바꿉니다. CORS 요청의 `Origin`이나 CORS 검사는 절대 바꾸지 않으므로, 이것을 바꿔도 이 차단은 풀리지 않습니다.",

  "finding.referrer-stripped.title": "Referer 없이 전송됨: Referer 또는 CSRF 검사에서 거부되었을 수 있음",
  "finding.referrer-stripped.message":
    "{host}(으)로 보낸 요청에 `Referer` 헤더가 없었고(페이지의 Referrer-Policy가 보내지 않음) 서버는 {status}(으)로 응답했습니다. Referer를 검사하는 서버(HTTPS에서의 Django CSRF 검사, S3의 `aws:Referer` 정책, 핫링크 방지)는 이런 요청을 거부합니다. 대신 `Origin`으로 요청을 허용하거나, `strict-origin-when-cross-origin` 같은 정책을 보내세요.",

  "finding.response-header-in-request.title": "페이지가 응답 헤더를 보냄",
  "finding.response-header-in-request.message":
    "페이지가 {names}을(를) 요청 헤더{count, plural, =1 {로} other { {count}개로}} 보냅니다. 이것들은 응답 헤더이며, 접근을 허용할 수 있는 것은 서버뿐입니다. 페이지가 보내면 아무 효과 없이 사전 요청만 강제하고, 그 사전 요청은 이 헤더들을 허용해야 합니다. 요청에서 빼고 서버에서 설정하세요.",

  "finding.status-masked.title": "서버가 {status}(으)로 응답함: CORS 오류에 가려짐",
  "finding.status-masked.message":
    "{host}의 {stage, select, preflight {사전 요청 응답} other {응답}} 상태는 {status}였습니다. 브라우저가 CORS 오류를 보고하는 것은 그 오류 응답에 CORS 헤더가 없기 때문일 뿐입니다. {status} 자체를 고치고{stage, select, preflight {(인증이나 라우팅보다 먼저 OPTIONS를 통과시키세요)} other {(이 {method} 요청에 대한 서버 로그를 확인하세요)}}, 페이지가 오류 응답도 읽을 수 있도록 오류 응답에도 `Access-Control-Allow-Origin: {origin}`를 보내세요.",

  "finding.vary-origin-missing.title": "Vary: Origin이 없음",
  "finding.vary-origin-missing.message":
    '응답은 특정 출처 `{allowed}`을(를) 허용하지만 `Vary: Origin`이 없습니다. 그러면 브라우저나 CDN 캐시가 이 응답을 다른 출처의 페이지에 주거나, CORS 헤더 없는 캐시 응답을 이 페이지에 줄 수 있습니다. 흔히 "캐시에서만 실패하는" 버그입니다. `Vary: Origin`을 추가하세요.',
};

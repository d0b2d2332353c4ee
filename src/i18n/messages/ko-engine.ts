import type { enEngine } from "./en-engine";

export const koEngine: Record<keyof typeof enEngine, string> = {
  "unknown.preflight-ask-unseen":
    "사전 요청의 요청 헤더도 실제 요청의 헤더도 관찰하지 못해, 사전 요청이 무엇을 물었는지 알 수 없습니다.",
  "unknown.preflight-unanswered": "사전 요청이 응답 없이(오류도 없이) 기록되었습니다.",
  "unknown.preflight-not-recorded":
    "이 요청에는 사전 요청이 필요했지만 OPTIONS 요청이 기록되지 않았고, 요청은 응답을 받지 못했습니다.",
  "unknown.no-response": "실제 요청이 응답을 받는 것을 관찰하지 못했습니다.",
  "unknown.error-before-headers": "CORS Lens가 응답 헤더를 보기 전에 브라우저가 {error}을(를) 보고했습니다.",
  "unknown.response-not-observed": "실제 요청의 응답을 관찰하지 못했습니다.",
  "unknown.cancelled":
    "요청이 끝나기 전에 취소되었습니다({error}). 페이지가 다른 곳으로 이동했거나 요청을 중단했습니다.",
  "unknown.not-observed":
    "요청 헤더도 요청 주체(initiator)도 관찰되지 않아, CORS Lens는 이것이 CORS 요청이었는지 알 수 없습니다.",
  "unknown.hidden-block":
    "브라우저는 {error}을(를) 보고했지만 관찰된 헤더는 모든 CORS 검사를 통과합니다. CORS Lens가 볼 수 없는 무언가(캐시된 사전 요청, 확장 프로그램에 숨겨진 헤더) 때문에 차단되었습니다.",
  "unknown.unreadable": "CORS Lens가 이 요청을 읽을 수 없었습니다({error}).",
  "unknown.interrupted":
    "이 요청이 어떻게 끝났는지 관찰하지 못했습니다. 요청이 진행 중일 때 CORS Lens의 백그라운드 워커가 중지되었고, 브라우저는 중지되는 워커에 보내는 이벤트를 버립니다. {missing} 브라우저가 나중에라도 끝을 알려 주면 이 항목이 갱신됩니다.",

  "credentials.not-visible": "확장 프로그램에서는 보이지 않음",
  "credentials.mode": "credentials 모드 {mode}",
  "credentials.cookie": "Cookie 헤더",
  "credentials.storage-access": "credentials 모드가 include일 때만 보내는 Sec-Fetch-Storage-Access 헤더",
  "credentials.same-either-way": "확장 프로그램에서는 보이지 않음. 어느 쪽이든 결과는 같음",
  "credentials.blocked-either-way":
    "확장 프로그램에서는 보이지 않음. 어느 쪽이든 차단되며, fetch의 기본값(자격 증명 없음) 기준으로 표시함",
  "credentials.inferred-block": "추론: 브라우저가 차단했고, 이를 설명할 수 있는 것은 자격 증명뿐임",
  "credentials.inferred-success": "추론: 브라우저가 응답을 통과시킴",
  "credentials.assumed":
    "확장 프로그램에서는 보이지 않고 브라우저가 결과를 보고하지 않음: fetch의 기본값(다른 출처에는 자격 증명 없음)으로 가정함",
  "credentials.include-ways": 'fetch의 credentials: "include" 또는 XHR withCredentials',
  "credentials.if-credentialed":
    "{basis}. 페이지가 자격 증명과 함께 보냈다면 브라우저는 대신 이렇게 차단했을 것입니다: {message}",

  "evidence.origin-request": "Origin (요청)",
  "evidence.not-sent": "(보내지 않음)",
  "evidence.origin-or-star": "{origin} 또는 *",
  "evidence.status-preflight": "상태 (사전 요청)",
  "evidence.no-redirect": "(리디렉션 없음)",
  "evidence.status": "상태",
  "evidence.any": "무엇이든",

  "expected.a-response": "응답",
  "expected.2xx-options": "이 URL에서 OPTIONS에 대한 2xx 응답",
  "expected.method-list": "쉼표로 구분한 메서드 토큰 목록",
  "expected.header-list": "쉼표로 구분한 헤더 이름 목록",
  "expected.location-no-userinfo": "user:password@가 없는 Location",

  "server.rs-cors":
    "Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers가 있는 {status} 사전 요청 응답{bare, select, yes {(그 밖에는 아무것도 없음: rs/cors의 거부)} other {(rs/cors, 또는 세 헤더 모두로 Vary를 거는 다른 미들웨어)}}",
  "server.aiohttp-cors": "{server}의 CORS 헤더 없는 403 text/plain 사전 요청 응답(aiohttp-cors의 거부)",
  "server.gorilla":
    "Date와 Content-Length: 0만 있는 {status} 사전 요청 응답(gorilla/handlers의 CORS가 거부할 때의 응답)",
  "server.starlette":
    "Access-Control-Allow-Methods와 Max-Age가 있는 400 사전 요청 응답(Starlette의 CORSMiddleware)",
  "server.django-everywhere":
    "사전 요청뿐 아니라 모든 응답에 있는 Access-Control-Allow-Methods: {methods}(직접 작성한 미들웨어)",
  "server.django-cors-headers":
    "사전 요청 응답의 Access-Control-Allow-Methods: {methods}(django-cors-headers의 기본값)",
  "server.django-defaults": "Django의 기본 보안 헤더(X-Frame-Options: DENY, Referrer-Policy: same-origin)",

  "rejection.starlette-origin":
    'Starlette의 CORSMiddleware가 사전 요청을 거부했습니다(400 "Disallowed CORS origin"): {known, select, yes {{origin}} other {이 출처}}이(가) allow_origins에 없습니다.',
  "rejection.starlette-method":
    'Starlette의 CORSMiddleware가 사전 요청을 거부했습니다(400 "Disallowed CORS method"): {method}이(가) allow_methods에 없습니다.',
  "rejection.starlette-headers":
    'Starlette의 CORSMiddleware가 사전 요청을 거부했습니다(400 "Disallowed CORS headers"): {headers}이(가) allow_headers에 없습니다.',
  "rejection.express-auto-options":
    "Express가 사전 요청에 직접 응답했습니다(`Allow: {allow}`, CORS 헤더 없음). 어떤 미들웨어도 OPTIONS 요청을 끝내지 않을 때 Express가 이렇게 응답합니다. `cors()`가 응답한 라우트보다 뒤에 있거나, 이 경로를 처리하지 않는 라우터에 붙어 있거나, 등록되지 않았습니다.",
  "rejection.aiohttp-cors":
    "aiohttp-cors가 사전 요청을 거부했습니다. 출처가 `defaults`의 키에 없거나, 메서드({method})가 allow_methods에 없거나(또는 cors.add에 넘긴 라우트가 아니거나){hasHeaders, select, yes {, 요청한 헤더({headers})가 allow_headers에 없을 때} other {일 때}} aiohttp-cors는 CORS 헤더 없는 403 Forbidden으로 응답합니다.",
  "rejection.gorilla-method":
    "gorilla/handlers의 CORS가 헤더 없는 405로 사전 요청을 거부했습니다: {method}이(가) AllowedMethods에 없습니다(지정하지 않으면 GET, HEAD, POST만 허용).",
  "rejection.gorilla-headers":
    "gorilla/handlers의 CORS가 헤더 없는 403으로 사전 요청을 거부했습니다: 요청한 헤더({headers})가 AllowedHeaders에 없습니다(지정하지 않으면 Accept, Accept-Language, Content-Language, Origin만 허용).",
  "rejection.rs-cors":
    "rs/cors가 사전 요청을 거부했습니다. 출처, 메서드({method}), 헤더 중 하나가 Allowed* 옵션에 없을 때처럼 rs/cors는 Vary만 있고 CORS 헤더는 없는 {status}(으)로 응답했습니다{methodRefused, select, yes {(AllowedMethods의 기본값은 GET, POST, HEAD뿐입니다)} other {}}.",

  "fix.summary.allow-origin": "모든 응답에서 {origins}을(를) 허용합니다.",
  "fix.summary.single-origin":
    "Access-Control-Allow-Origin을 한 번만, 출처 {origin} 하나로 보냅니다. 두 출처(프록시 또는 앱) 중 하나를 없애세요.",
  "fix.summary.credentials":
    "자격 증명을 포함한 요청에는 정확한 출처({origins})와 Access-Control-Allow-Credentials: true가 필요하며, *는 안 됩니다.",
  "fix.summary.methods":
    "{hasMethods, select, yes {{methods}} other {이 메서드}}을(를) 페이지가 보내는 그대로 허용합니다.",
  "fix.summary.headers":
    "{hasHeaders, select, yes {요청 헤더 {headers}을(를) 허용합니다.} other {서버에서 허용할 것은 없습니다: 페이지가 서버에 허용을 요청해서는 안 되는 헤더(Access-Control-*는 응답 헤더입니다)를 보내고 있으므로 페이지가 그 헤더를 보내지 않아야 합니다.}}",
  "fix.summary.preflight-before-auth":
    "OPTIONS 사전 요청에 인증보다 먼저 응답합니다. 사전 요청에는 자격 증명이 절대 실리지 않습니다.",
  "fix.summary.preflight-route": "이 라우트에서 OPTIONS 사전 요청에 204로 응답합니다.",
  "fix.summary.no-preflight-redirect": "페이지가 호출하는 URL에서 리디렉션 없이 사전 요청에 응답합니다.",
  "fix.summary.error-responses": "{origins}에 대해 오류 응답(4xx/5xx)에도 CORS 헤더를 붙입니다.",
  "fix.summary.before-routes":
    "CORS 설정이 모든 라우트에서 실행되게 하세요. CORS 미들웨어를 라우트보다 먼저 등록하세요(또는 응답한 라우트에도 같은 헤더를 붙이세요).",
  "fix.summary.null-origin":
    '교차 출처 리디렉션 뒤에는 출처가 "null"이 됩니다. 리디렉션을 없애거나 {origin}을(를) 허용하세요.',
  "fix.summary.expose": "{headers}을(를) 스크립트에 노출합니다.",
  "fix.part.origins": "출처 {list}",
  "fix.part.methods": "메서드 {list}",
  "fix.part.headers": "헤더 {list}",
  "fix.part.any-headers": "요청한 헤더를 그대로 돌려주기(본 것: {list})",
  "fix.part.credentials": "자격 증명",
  "fix.part.separator": "; ",
  "fix.heading.keeps": "이미 동작하던 설정 유지: {keeps}.",
  "fix.heading.adds": "추가: {adds}.",
  "fix.heading.lists-headers":
    "서버는 요청한 헤더를 그대로 돌려주었지만 이 라이브러리는 목록만 쓸 수 있습니다: 페이지가 보내는 모든 헤더를 넣으세요(본 것: {list}).",
  "fix.title.generic-headers": "응답 헤더 (모든 서버)",
  "fix.title.django": "Django (직접 작성한 미들웨어)",
  "fix.title.go": "Go (net/http, 직접 작성)",
  "fix.title.s3": "AWS S3 버킷 CORS",
};

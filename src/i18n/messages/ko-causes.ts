import type { enCauses } from "./en-causes";

/**
 * 원인 설명. 실패한 응답은 어디서나 같은 select로 부른다. 각 경우가 "요청"이나 "응답"으로
 * 끝나므로 뒤따르는 조사(은/이/을/에)가 하나로 정해진다.
 */
const SUBJECT =
  "{stage, select, preflight {이 {method} 요청의 사전 요청(OPTIONS {path})} redirect {{host}의 리디렉션 응답{hasStatus, select, yes {(상태 {status})} other {}}} other {{host}의 응답{hasStatus, select, yes {(상태 {status})} other {}}}}";
const PREFLIGHT = "이 {method} 요청의 사전 요청(OPTIONS {path})";
const STAR_IGNORED =
  "{starIgnored, select, yes { 자격 증명을 포함한 요청에서는 `*`가 와일드카드로 인정되지 않습니다.} other {}}";

export const koCauses: Record<keyof typeof enCauses, string> = {
  "cause.status-note.auth":
    "{status} 응답에 `WWW-Authenticate`가 있습니다. CORS보다 인증이 먼저 응답했습니다{preflight, select, yes {. 브라우저는 사전 요청에 쿠키나 Authorization을 절대 보내지 않습니다} other {}}.",
  "cause.status-note.refused":
    "CORS 헤더가 붙기 전에 무언가가 {status}(으)로 응답했습니다(인증이나 CSRF 검사, 방화벽, 또는 요청을 거부한 CORS 라이브러리). 어느 쪽인지는 응답 본문에 있습니다{preflight, select, yes {. 브라우저는 사전 요청에 쿠키나 Authorization을 절대 보내지 않습니다} other {}}.",
  "cause.status-note.no-route":
    "{preflight, select, yes {{status} 응답은 이 URL에서 OPTIONS에 응답하는 라우트가 없다는 뜻입니다{hasAllow, select, yes {(`Allow: {allow}`: 라우트는 이 메서드에만 응답합니다{cors, select, yes {. CORS 미들웨어는 라우트가 일치한 뒤에야 실행됩니다} other {}})} other {}}.} other {{status} 응답은 서버에 이 URL이나 메서드의 라우트가 없다는 뜻이며, 그 응답에는 CORS 헤더가 없습니다.}}",
  "cause.status-note.server-error":
    "{status} 응답은 서버 자체의 {clientError, select, yes {요청에 대한 응답(검증, 본문 파서, 라우팅 오류)} other {오류}}이며, 그 오류 처리 경로는 CORS 헤더를 붙이지 않습니다.",

  "fix.summary.before-routes":
    "CORS 설정이 모든 라우트에서 실행되게 하세요. CORS 미들웨어를 라우트보다 먼저 등록하세요(또는 응답한 라우트에도 같은 헤더를 붙이세요).",
  "cause.layer-note.after-route":
    "이 서버의 다른 응답에는 CORS 헤더가 있습니다{preflight, select, yes {(이 요청의 사전 요청 응답에도 있었습니다)} other {}}. CORS 설정은 실행되지만, 여기서 응답한 라우트에는 적용되지 않았습니다. 그 라우트보다 뒤에 등록한 CORS 미들웨어는 그 라우트에서 실행되지 않습니다(Express, Koa, Hono에서는 응답한 라우트가 체인을 끝내므로 `app.get(…)` 아래의 `app.use(cors())`는 건너뜁니다). 라우트보다 먼저 등록하세요.",
  "cause.layer-note.slash-redirect":
    "{status} 응답은 요청을 끝에 슬래시를 붙인 같은 URL로 보냅니다. CORS 계층보다 먼저 응답한 끝 슬래시 규칙입니다(MIDDLEWARE에서 `corsheaders.middleware.CorsMiddleware`가 Django의 CommonMiddleware보다 아래에 있으면 APPEND_SLASH가 이렇게 응답합니다). 슬래시를 붙인 URL을 호출하거나 CORS 계층을 맨 앞에 두세요.",
  "cause.layer-note.nginx-always":
    "nginx가 응답했습니다. CORS 헤더가 nginx의 `add_header` 줄에서 온다면, 각 줄 끝에 `always`가 없을 때 {status} 응답에는 붙지 않습니다.",
  "cause.layer-note.apache-always":
    "Apache가 응답했습니다. CORS 헤더가 `Header set`에서 온다면, 이는 2xx 응답에만 적용되고 이 {status} 응답에는 적용되지 않습니다. `Header always set`은 리디렉션과 오류에도 적용됩니다.",
  "cause.layer-note.origin-exactly":
    "허용 출처 목록의 항목은 브라우저가 보내는 그대로(`{origin}`: 스킴, 호스트, 포트, 끝 슬래시나 경로 없이) 적어야만 일치합니다.",
  "cause.layer-note.proxy-and-app":
    "{proxy}가 응답했고(`Server` 헤더) 그 뒤의 앱도 자체 사본을 추가합니다. 헤더는 둘 중 한 곳에만 두세요. {proxy}에서 앱의 사본을 숨기거나 {proxy}의 헤더를 빼세요.",
  "cause.layer-note.fastify-methods":
    "이렇게 적힌 `GET,HEAD,POST`는 버전 11부터 @fastify/cors의 기본 `methods`입니다. {method}을(를) `methods` 옵션에 추가하세요.",
  "cause.layer-note.credentials-option": "{stack}에서는 {option}입니다.",
  "cause.layer-note.bare-preflight-method":
    "사전 요청은 CORS 헤더가 하나도 없는 {status} 응답을 받았지만, 이 API의 다른 응답에는 CORS 헤더가 있고 `Access-Control-Allow-Methods`로 {listed}을(를) 나열하며 {method}은(는) 없습니다. CORS 설정이 이유를 말하지 않고 사전 요청을 거부한 것입니다. rack-cors는 `methods:`에 없는 메서드에 이렇게 응답합니다. 설정의 메서드 목록에 {method}을(를) 추가하세요{all, select, yes {(`ALL`은 rack-cors가 `methods: :all`에 보내는 값으로, rack-cors가 모르는 값이라 ALL이라는 이름의 메서드만 맞습니다. 모든 메서드를 허용하려면 `methods: :any`를 쓰세요)} other {}}.",
  "cause.layer-note.flask-string-headers":
    "사전 요청 응답은 출처를 허용하지만 `Access-Control-Allow-Headers`가 없고, 이 API는 Flask로 보입니다. flask-cors가 이렇게 응답했다면 요청한 이름({asked}) 중 어느 것도 `allow_headers`와 맞지 않은 것입니다. 문자열 하나로 적은 `allow_headers`(`allow_headers='Origin, Content-Type'`)는 flask-cors에게 정규 표현식 하나이며 어떤 헤더 이름과도 맞지 않습니다. 이름마다 항목 하나인 목록으로 적으세요.",

  "cause.allow-credentials-not-true.title": "Access-Control-Allow-Credentials가 true가 아님",
  "cause.allow-credentials-not-true.message": `${SUBJECT}은 \`{origin}\`을(를) 허용했지만, 이 요청은 자격 증명(credentials)과 함께 전송되었고({basis}) \`Access-Control-Allow-Credentials\`가 {missing, select, yes {없습니다} other {\`{value}\`입니다}}. 이 값은 정확히 \`true\`여야 합니다.`,

  "cause.allow-origin-mismatch.title": "허용된 출처가 일치하지 않음",
  "cause.allow-origin-mismatch.message": `${SUBJECT}은 \`{allowed}\`을(를) 허용하지만, 요청은 \`{origin}\`에서 왔습니다. {difference, select, path {허용된 값에 경로나 끝 슬래시가 있는데, 출처에는 경로가 없습니다} case {대소문자만 다르지만 비교는 대소문자를 구분합니다} tainted {교차 출처 리디렉션 때문에 요청의 출처가 불투명해져 \`Origin: null\`로 전송되었습니다} null {\`null\`은 불투명한 출처(샌드박스 프레임, file: 페이지, 오염된 리디렉션)에만 일치합니다} scheme {스킴이 다릅니다({allowedScheme} 대 {originScheme})} port {포트가 다릅니다} host {호스트가 다릅니다} other {서로 다른 출처입니다}}. 브라우저는 두 값을 바이트 단위로 비교합니다.`,

  "cause.disallowed-by-mode.title": "요청 모드가 다른 출처를 금지함",
  "cause.disallowed-by-mode.message":
    "요청이 `same-origin` 모드로 만들어졌지만 다른 출처인 {host}(으)로 향하므로, 브라우저가 아무것도 보내기 전에 거부했습니다.",
  "cause.disallowed-by-mode.client": "CORS 모드 사용",

  "cause.header-not-allowed.title": "허용되지 않은 요청 헤더: {header}",
  "cause.header-not-allowed.message": `요청은 \`{header}\` 헤더를 보내지만, 사전 요청 응답의 \`Access-Control-Allow-Headers\`{missing, select, yes {가 없어 이 헤더가 허용되지 않습니다} other { 값 \`{allowed}\`에 이 헤더가 없습니다}}.${STAR_IGNORED}`,

  "cause.invalid-allow-headers.title": "Access-Control-Allow-Headers를 해석할 수 없음",
  "cause.invalid-allow-headers.message":
    "사전 요청 응답의 `Access-Control-Allow-Headers: {list}`에 헤더 이름이 아닌 `{value}`이(가) 들어 있습니다. 헤더 이름을 쉼표로 구분해 나열하세요.",

  "cause.invalid-allow-methods.title": "Access-Control-Allow-Methods를 해석할 수 없음",
  "cause.invalid-allow-methods.message":
    "사전 요청 응답의 `Access-Control-Allow-Methods: {list}`에 메서드 토큰이 아닌 `{value}`이(가) 들어 있습니다. 메서드를 쉼표로 구분해 나열하세요: `{method}, GET, POST`.",

  "cause.invalid-allow-origin.title": "Access-Control-Allow-Origin 값이 출처가 아님",
  "cause.invalid-allow-origin.message": `${SUBJECT}은 \`Access-Control-Allow-Origin: {value}\`을(를) 보냈지만, 이는 올바른 출처가 아닙니다. 정확한 출처 \`{origin}\`(스킴, 호스트, 포트만 있고 경로는 없음) 또는 \`*\`여야 합니다.`,

  "cause.local-network-insecure.title": "보안 컨텍스트가 아닌 페이지의 로컬 네트워크 접근",
  "cause.local-network-insecure.message":
    "{known, select, yes {{pageOrigin} 페이지} other {이 출처의 페이지}}는 보안 컨텍스트가 아닌데 더 사적인 주소인 {host}에 요청했습니다. Chrome의 Local Network Access가 이를 차단합니다. 응답 헤더로는 고칠 수 없으니 페이지를 HTTPS로 제공하세요.",
  "cause.local-network-insecure.client": "보안 컨텍스트에서 페이지 제공",
  "cause.local-network-insecure.client-how":
    "Local Network Access가 권한을 물을 수 있도록 페이지를 https://로(또는 http://localhost에서) 제공하세요.",

  "cause.local-network-invalid.title": "로컬 네트워크 주소 공간 불일치",
  "cause.local-network-invalid.message":
    "{host}(으)로 보낸 요청이 선언한 주소 공간과 서버가 실제로 속한 주소 공간이 다릅니다({error}). 응답 헤더로는 고칠 수 없습니다.",
  "cause.local-network-invalid.client": "선언한 주소 공간 맞추기",
  "cause.local-network-invalid.client-how":
    "targetAddressSpace 옵션을 없애거나 바로잡거나, 호스트가 페이지가 기대하는 주소 공간으로 해석되게 하세요.",

  "cause.local-network-permission-denied.title": "로컬 네트워크 접근이 허용되지 않음",
  "cause.local-network-permission-denied.message":
    "Local Network Access 권한이 허용되지 않아({hasError, select, yes {{error}} other {거부됨}}) Chrome이 {known, select, yes {{pageOrigin}} other {이 페이지}}에서 로컬 네트워크의 {host}(으)로 보낸 요청을 차단했습니다. 응답 헤더로는 고칠 수 없습니다.",
  "cause.local-network-permission-denied.client": "Local Network Access 허용",
  "cause.local-network-permission-denied.client-how":
    '이 사이트에 "로컬 네트워크 액세스"를 허용하세요(주소창 왼쪽 아이콘을 누르고 사이트 설정).',

  "cause.method-not-allowed.title": "사전 요청이 {method} 메서드를 허용하지 않음",
  "cause.method-not-allowed.message": `사전 요청 응답이 {missing, select, yes {추가 메서드를 허용하지 않았고(Access-Control-Allow-Methods 없음)} other {\`{allowed}\`을(를) 허용했고}}, 여기에 \`{method}\`이(가) 없습니다.{caseOnly, select, yes { 메서드는 바이트 단위로 비교됩니다. 페이지는 \`{method}\`을(를) 쓴 그대로 보냈습니다(fetch()가 대문자로 바꾸는 메서드는 DELETE, GET, HEAD, OPTIONS, POST, PUT뿐입니다).} other {}}${STAR_IGNORED}`,
  "cause.method-not-allowed.client": "또는 메서드를 대문자로 보내기",

  "cause.missing-allow-origin.title":
    "{stage, select, preflight {사전 요청 응답에 Access-Control-Allow-Origin이 없음} other {Access-Control-Allow-Origin 헤더 없음}}",
  "cause.missing-allow-origin.message": `${SUBJECT}에 \`Access-Control-Allow-Origin\` 헤더가 없어서 브라우저가 {stage, select, preflight {{method} 요청을 보내지 않았습니다} other {{origin} 페이지에 응답을 감췄습니다}}. 서버는 \`Access-Control-Allow-Origin: {origin}\` 헤더로 응답해야 합니다.`,

  "cause.missing-allow-origin.refused":
    "그런데도 응답이 `Origin`에 따라 달라집니다(Vary). CORS 설정이 실행되어 출처를 비교했고 `{origin}`을(를) 허용하지 않았습니다(설정의 출처 목록에 없거나, 출처 함수가 거부했습니다).",
  "cause.multiple-allow-origin.layers":
    "두 계층이 응답했습니다. {app}({basis}) 앞의 {proxy}(`Server` 헤더)가 각자 사본을 붙입니다. {proxy}에서 앱의 사본을 숨기세요(또는 {proxy}의 사본을 없애세요). 먼저 보이는 수정이 그것입니다.",
  "cause.multiple-allow-origin.title": "Access-Control-Allow-Origin에 값이 여러 개임",
  "cause.multiple-allow-origin.message": `${SUBJECT}이 \`Access-Control-Allow-Origin: {value}\`을(를) {lines, plural, =0 {} =1 {} other {헤더 줄 #개로 나눠(보통 프록시와 애플리케이션이 둘 다 추가한 경우) }}보냈지만, 이 헤더에는 출처가 정확히 하나(\`{origin}\`)만 있어야 합니다.`,

  "cause.network-error.title": "응답 없음 (네트워크 오류)",
  "cause.network-error.message":
    '{host}(으)로 보낸 {stage, select, preflight {사전 요청} other {요청}}이 응답을 받지 못했습니다({hasError, select, yes {{error}} other {네트워크 오류}}). CORS 검사 전에 연결이 실패한 것입니다. Firefox는 이를 "CORS request did not succeed"로 보고하지만, 잘못된 헤더는 없습니다.',
  "cause.network-error.client": "서버가 응답하는지부터 확인",

  "cause.no-cors-redirect-mode.title": "no-cors에는 redirect: follow가 필요함",
  "cause.no-cors-redirect-mode.message":
    '`no-cors` 모드 요청은 `redirect: "follow"`를 써야 합니다. 브라우저가 아무것도 보내기 전에 거부했습니다.',
  "cause.no-cors-redirect-mode.client": "리디렉션 따라가기",

  "cause.preflight-redirected.title": "사전 요청이 리디렉션됨",
  "cause.preflight-redirected.message": `${PREFLIGHT}에 대한 응답이 {status} 리디렉션이었습니다{hasLocation, select, yes {(대상: \`{location}\`)} other {}}. 브라우저는 사전 요청의 리디렉션을 절대 따라가지 않습니다.{slash, select, yes { 보통 끝 슬래시 리디렉션(Django APPEND_SLASH, 프레임워크의 strict routing)입니다. 최종 URL을 호출하세요.} other { 최종 URL을 직접 호출하세요.}}`,
  "cause.preflight-redirected.client": "또는 최종 URL을 직접 호출",

  "cause.preflight-status-not-ok.title":
    "{known, select, yes {사전 요청 응답 상태 {status}} other {사전 요청 응답이 2xx가 아님}}",
  "cause.preflight-status-not-ok.message": `${PREFLIGHT}은 출처 검사를 통과했지만 응답 상태가 {status}였습니다. 사전 요청 응답은 2xx(보통 204)여야 합니다.`,

  "cause.redirect-contains-credentials.title": "user:password가 포함된 URL로 리디렉션",
  "cause.redirect-contains-credentials.message":
    "요청이 사용자 이름과 비밀번호가 들어 있는 `{location}`(으)로 리디렉션되었습니다. 브라우저는 CORS 요청에서 이런 리디렉션을 거부합니다.",
  "cause.redirect-contains-credentials.client": "리디렉션에서 자격 증명 제거",
  "cause.redirect-contains-credentials.client-how":
    "user:password@가 없는 Location으로 리디렉션하고, 자격 증명은 헤더로 보내세요.",

  "cause.scheme-not-supported.title": "HTTP(S) URL이 아님",
  "cause.scheme-not-supported.message":
    "요청 대상이 `{url}`입니다. 브라우저는 http와 https URL에만 CORS 요청을 보냅니다{filePage, select, yes {. 또한 file: 페이지의 출처는 불투명한 출처 null입니다} other {}}.",
  "cause.scheme-not-supported.client": "페이지를 HTTP로 제공",
  "cause.scheme-not-supported.client-how":
    "file: URL 대신 로컬 서버에서 페이지를 여세요(예: `npx serve .` 실행 후 http://localhost:3000).",

  "cause.wildcard-origin-with-credentials.title": "자격 증명과 함께 쓴 와일드카드 출처",
  "cause.wildcard-origin-with-credentials.message": `${SUBJECT}에 \`Access-Control-Allow-Origin: *\`가 왔지만, 이 요청은 자격 증명(credentials)과 함께 전송되었습니다({basis}). 자격 증명이 있으면 브라우저는 정확한 출처(\`{origin}\`)와 \`Access-Control-Allow-Credentials: true\`를 요구합니다.`,
  "cause.wildcard-origin-with-credentials.client": "또는 이 요청에 쿠키가 필요 없다면",
};

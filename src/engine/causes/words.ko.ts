/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./words";

/**
 * 여러 원인의 문구가 함께 쓰는 조각. 실패한 응답은 어디서나 같은 select로 부른다. 각 경우가 "요청"이나 "응답"으로
 * 끝나므로 뒤따르는 조사(은/이/을/에)가 하나로 정해진다.
 */
export const SUBJECT =
  "{stage, select, preflight {이 {method} 요청의 사전 요청(OPTIONS {path})} redirect {{host}의 리디렉션 응답{hasStatus, select, yes {(상태 {status})} other {}}} other {{host}의 응답{hasStatus, select, yes {(상태 {status})} other {}}}}";
export const PREFLIGHT = "이 {method} 요청의 사전 요청(OPTIONS {path})";
export const STAR_IGNORED =
  "{starIgnored, select, yes { 자격 증명을 포함한 요청에서는 `*`가 와일드카드로 인정되지 않습니다.} other {}}";

export const KO: Translation<typeof EN> = {
  statusNoteAuth:
    "{status} 응답에 `WWW-Authenticate`가 있습니다. CORS보다 인증이 먼저 응답했습니다{preflight, select, yes {. 브라우저는 사전 요청에 쿠키나 Authorization을 절대 보내지 않습니다} other {}}.",
  statusNoteRefused:
    "CORS 헤더가 붙기 전에 무언가가 {status}(으)로 응답했습니다(인증이나 CSRF 검사, 방화벽, 또는 요청을 거부한 CORS 라이브러리). 어느 쪽인지는 응답 본문에 있습니다{preflight, select, yes {. 브라우저는 사전 요청에 쿠키나 Authorization을 절대 보내지 않습니다} other {}}.",
  statusNoteNoRoute:
    "{preflight, select, yes {{status} 응답은 이 URL에서 OPTIONS에 응답하는 라우트가 없다는 뜻입니다{hasAllow, select, yes {(`Allow: {allow}`: 라우트는 이 메서드에만 응답합니다{cors, select, yes {. CORS 미들웨어는 라우트가 일치한 뒤에야 실행됩니다} other {}})} other {}}.} other {{status} 응답은 서버에 이 URL이나 메서드의 라우트가 없다는 뜻이며, 그 응답에는 CORS 헤더가 없습니다.}}",
  statusNoteServerError:
    "{status} 응답은 서버 자체의 {clientError, select, yes {요청에 대한 응답(검증, 본문 파서, 라우팅 오류)} other {오류}}이며, 그 오류 처리 경로는 CORS 헤더를 붙이지 않습니다.",
  layerNoteAfterRoute:
    "이 서버의 다른 응답에는 CORS 헤더가 있습니다{preflight, select, yes {(이 요청의 사전 요청 응답에도 있었습니다)} other {}}. CORS 설정은 실행되지만, 여기서 응답한 라우트에는 적용되지 않았습니다. 그 라우트보다 뒤에 등록한 CORS 미들웨어는 그 라우트에서 실행되지 않습니다(Express, Koa, Hono에서는 응답한 라우트가 체인을 끝내므로 `app.get(…)` 아래의 `app.use(cors())`는 건너뜁니다). 라우트보다 먼저 등록하세요.",
  layerNoteSlashRedirect:
    "{status} 응답은 요청을 끝에 슬래시를 붙인 같은 URL로 보냅니다. CORS 계층보다 먼저 응답한 끝 슬래시 규칙입니다(MIDDLEWARE에서 `corsheaders.middleware.CorsMiddleware`가 Django의 CommonMiddleware보다 아래에 있으면 APPEND_SLASH가 이렇게 응답합니다). 슬래시를 붙인 URL을 호출하거나 CORS 계층을 맨 앞에 두세요.",
  layerNoteNginxAlways:
    "nginx가 응답했습니다. CORS 헤더가 nginx의 `add_header` 줄에서 온다면, 각 줄 끝에 `always`가 없을 때 {status} 응답에는 붙지 않습니다.",
  layerNoteApacheAlways:
    "Apache가 응답했습니다. CORS 헤더가 `Header set`에서 온다면, 이는 2xx 응답에만 적용되고 이 {status} 응답에는 적용되지 않습니다. `Header always set`은 리디렉션과 오류에도 적용됩니다.",
  layerNoteOriginExactly:
    "허용 출처 목록의 항목은 브라우저가 보내는 그대로(`{origin}`: 스킴, 호스트, 포트, 끝 슬래시나 경로 없이) 적어야만 일치합니다.",
  layerNoteProxyAndApp:
    "{proxy}가 응답했고(`Server` 헤더) 그 뒤의 앱도 자체 사본을 추가합니다. 헤더는 둘 중 한 곳에만 두세요. {proxy}에서 앱의 사본을 숨기거나 {proxy}의 헤더를 빼세요.",
  layerNoteFastifyMethods:
    "이렇게 적힌 `GET,HEAD,POST`는 버전 11부터 @fastify/cors의 기본 `methods`입니다. {method}을(를) `methods` 옵션에 추가하세요.",
  layerNoteCredentialsOption: "{stack}에서는 {option}입니다.",
  layerNoteBarePreflightMethod:
    "사전 요청은 CORS 헤더가 하나도 없는 {status} 응답을 받았지만, 이 API의 다른 응답에는 CORS 헤더가 있고 `Access-Control-Allow-Methods`로 {listed}을(를) 나열하며 {method}은(는) 없습니다. CORS 설정이 이유를 말하지 않고 사전 요청을 거부한 것입니다. rack-cors는 `methods:`에 없는 메서드에 이렇게 응답합니다. 설정의 메서드 목록에 {method}을(를) 추가하세요{all, select, yes {(`ALL`은 rack-cors가 `methods: :all`에 보내는 값으로, rack-cors가 모르는 값이라 ALL이라는 이름의 메서드만 맞습니다. 모든 메서드를 허용하려면 `methods: :any`를 쓰세요)} other {}}.",
  layerNoteFlaskStringHeaders:
    "사전 요청 응답은 출처를 허용하지만 `Access-Control-Allow-Headers`가 없고, 이 API는 Flask로 보입니다. flask-cors가 이렇게 응답했다면 요청한 이름({asked}) 중 어느 것도 `allow_headers`와 맞지 않은 것입니다. 문자열 하나로 적은 `allow_headers`(`allow_headers='Origin, Content-Type'`)는 flask-cors에게 정규 표현식 하나이며 어떤 헤더 이름과도 맞지 않습니다. 이름마다 항목 하나인 목록으로 적으세요.",
};

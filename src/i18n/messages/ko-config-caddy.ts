/** Caddyfile의 `cors-lens check|fix --config`(한국어). 지시어 이름은 그대로 둔다. */
import type { enConfigCaddy } from "./en-config-caddy";

export const koConfigCaddy: Record<keyof typeof enConfigCaddy, string> = {
  "config.caddy.note.env-default":
    "줄 {line}: {name}를 기본값 {value}로 읽음(Caddy는 시작할 때 실제 환경 변수를 읽음)",
  "config.caddy.check.proxy-subdirective":
    "{name}은 reverse_proxy의 하위 지시어임: header 안에서는 {name}이라는 헤더 필드를 뜻하므로 이 CORS 헤더는 보내지지 않음. header의 필드로 쓰거나 reverse_proxy 안으로 옮기세요",
  "config.caddy.check.exact-path":
    "경로 매처 {path}는 Caddy 2에서 그 경로와 정확히 같을 때만 맞음(Caddy 1은 접두사였음): API의 다른 경로는 이 CORS 헤더를 받지 못함. {path}*로 쓰거나 매처를 빼세요",
  "config.caddy.check.handle-without-cors":
    "이 handle 블록은 Access-Control-Allow-Origin을 설정하지 않지만 다른 블록은 설정함(줄 {line}): handle 블록은 서로 배타적이라 이 블록이 받는 요청에는 없음",
  "config.caddy.check.header-after-response":
    "이 header는 route 블록에서 {directive}(줄 {line}) 뒤에 있음: route의 지시어는 쓴 순서대로 실행되므로, 이 줄이 실행되기 전에 응답이 보내짐",
  "config.caddy.check.preflight-shadowed":
    "OPTIONS에 대한 이 respond는 줄 {line}의 handle 블록 경로에서는 실행되지 않음: Caddy는 handle을 respond보다 먼저 실행하고, 그 블록이 프리플라이트를 애플리케이션으로 넘김",
  "config.caddy.check.preflight-upstream":
    "여기서 CORS 헤더를 설정하지만 OPTIONS에 답하는 respond가 없음: 프리플라이트가 애플리케이션으로 넘어가며, 애플리케이션이 2xx로 답해야 함(대부분 404나 405로 답함)",

  "config.caddy.fix.preflight": "프리플라이트에 여기서 header 줄 다음에 204로 응답함(받은 상태: {status})",
  "config.caddy.fix.moved":
    "줄 {line}의 header는 실행된 적이 없음(route는 쓴 순서대로 실행됨): 이제 줄 {before} 앞에 옴",
  "config.caddy.fix.unmatch": "줄 {line}의 CORS header에서 매처 {matcher}를 뺌: {path}에도 필요함",
  "config.caddy.fix.defer-set":
    "줄 {deleted}의 삭제를 없애고, 줄 {line}이 응답을 쓸 때(defer) Access-Control-Allow-Origin을 설정합니다: Caddy는 헤더 삭제를 그때에야, 먼저 추가된 모든 것 뒤에 실행하므로 애플리케이션의 값과 함께 이 파일의 Allow-Origin까지 지웠습니다. 지연된 설정은 대신 애플리케이션의 값을 바꿉니다",
  "config.caddy.check.delete-own":
    "Caddy는 헤더 삭제를 응답을 쓸 때에야, 먼저 추가된 모든 것 뒤에 실행합니다: 이 줄은 애플리케이션의 값뿐 아니라 줄 {line}의 Access-Control-Allow-Origin도 지웁니다. 그 줄을 defer로 설정하고 이 줄은 없애세요",
  "config.caddy.fix.copy": "줄 {line}의 CORS header 줄을 그것 없이 응답한 블록에 반복함",
  "config.caddy.fix.reflect": "Allow-Origin이 매처가 확인한 요청의 출처로 응답함(줄 {line})",
  "config.caddy.fix.wildcard":
    "다른 모든 출처에는 *를 유지하고, {origins}에는 지연된(deferred) header로 자기 출처를 보냄(자격 증명에 필요; 줄 {line})",
  "config.caddy.fix.origin-header":
    "{line}행의 Allow-Origin은 {value}였는데, 이 요청 헤더는 출처가 될 수 없습니다. 대신 그 행의 조건과 해당 출처로 만든 매처 아래에서 {origins}를 되돌려 보냅니다",
  "config.caddy.fix.origin-list":
    "허용 출처의 매처({origins}; 줄 {line}): Allow-Origin은 값 하나, 곧 요청의 출처만 받음",
  "config.caddy.fix.matcher": "매처 {name}에 {origins} 추가(줄 {line})",
  "config.caddy.fix.hide": "애플리케이션이 보낸 {names}를 header_down으로 제거: Caddy가 이미 설정함",
  "config.caddy.fix.auth":
    "{line}: basicauth는 respond보다 먼저 실행되어 프리플라이트를 거부했음({status}): 이제 자격 증명이 없는 OPTIONS는 건너뜀",

  "config.caddy.cannot.matcher": "줄 {line}의 Allow-Origin은 CORS Lens가 확장할 수 없는 매처에 달려 있음",
  "config.caddy.cannot.header-down": "줄 {line}의 Allow-Origin은 header_down으로 설정됨: 직접 고치세요",
  "config.caddy.cannot.deferred-error":
    "줄 {line}의 Allow-Origin은 지연(defer)되며, Caddy는 오류 {status}를 지연된 헤더 없이 씀",
  "config.caddy.cannot.upstream-sets":
    "{path}의 헤더는 이 파일이 아니라 reverse_proxy 뒤의 애플리케이션에서 옴: 그쪽에서 고치세요",
  "config.caddy.cannot.auth-matcher":
    "줄 {line}의 basicauth에는 이름 있는 매처가 있음: OPTIONS가 통과하도록 직접 고치세요",

  "config.caddy.unknown.env": "환경 변수 {name}에 기본값이 없음: Caddyfile만으로는 값을 알 수 없음",
  "config.caddy.unknown.placeholder": "자리표시자 {name}의 값은 Caddyfile만으로 알 수 없음",
  "config.caddy.unknown.matcher": "{type} 매처(줄 {line})는 CORS Lens가 평가할 수 없음",
  "config.caddy.unknown.no-matcher": "매처 {name}(줄 {line})가 주어진 파일에 정의되어 있지 않음",
  "config.caddy.unknown.rewrite": "줄 {line}의 rewrite가 자리표시자에 달려 있음",
  "config.caddy.unknown.handle-response": "줄 {line}의 reverse_proxy가 응답을 직접 처리함(handle_response)",
  "config.caddy.unknown.upstream-options":
    "{path}로의 프리플라이트는 reverse_proxy 뒤의 애플리케이션으로 가며, 그 응답은 기록되지 않았음",
  "config.caddy.unknown.file-method":
    "{method} {path}에 대한 file_server의 응답은 Caddy 버전마다 다르며(200 또는 405) 기록되지 않았음",
  "config.caddy.unknown.abort": "abort(줄 {line})가 연결을 닫음",
  "config.caddy.unknown.directive": "지시어 {name}(줄 {line})는 CORS Lens가 모델링하지 않음",
  "config.caddy.unknown.no-site": "이 URL을 제공하는 사이트 블록이 없음",
  "config.caddy.unknown.handle-errors": "handle_errors가 {status} 응답을 바꿈",
  "config.caddy.assumed.upstream-200":
    "reverse_proxy 뒤의 애플리케이션이 {method} {path}에 200으로 응답함(기록되지 않음)",
};

/** rack-cors의 `cors-lens check|fix --config`(한국어): Rails 초기화 파일이나 Rack config.ru. 이름은 그대로 둔다. */
import type { enConfigRack } from "./en-config-rack";

export const koConfigRack: Record<keyof typeof enConfigRack, string> = {
  "config.rack.unknown.gate":
    "{path}로 가는 사전 요청이 Rack::Cors보다 먼저 {name}({line}번 줄)을 지나는데, 그 응답이 기록되지 않았습니다",
  "config.rack.assumed.env-condition":
    "줄 {line}의 if({text})는 이 파일에 적힌 환경 변수 기본값으로 읽었습니다(배포 환경에서는 값이 다를 수 있습니다)",
  "config.rack.unknown.if-block":
    "줄 {line}에 있는 allow 블록의 if는 CORS Lens가 평가하지 않는 코드에 달려 있습니다: 어떤 출처와 리소스를 설정하는지는 앱이 실행되는 곳에서 정해집니다",
  "config.rack.assumed.gate":
    "Rack::Cors 위의 {name}({line}번 줄)이 요청을 그대로 넘긴다고 가정합니다(기록 없음)",
  "config.rack.assumed.static-file":
    "Rack::Cors 위의 {name}(줄 {line})이(가) {path}을(를) 폴더에서 제공합니다(파일이 있다고 가정, 기록되지 않음)",
  "config.rack.assumed.app-200": "앱이 {method} {path}에 200으로 응답한다고 가정합니다(기록 없음)",
  "config.rack.unknown.raises":
    "앱이 시작되지 않습니다: origins '*' 아래의 credentials: true({line}번 줄) 때문에 rack-cors가 부팅 때 CorsMisconfigurationError를 냅니다",
  "config.rack.unknown.value": "{name}({line}번 줄)은 CORS Lens가 평가하지 않는 코드로 계산됩니다: {text}",
  "config.rack.unknown.if": "{line}번 줄의 resource에 if: proc가 있어 실행 시점에 결정됩니다",
  "config.rack.unknown.origins":
    "{line}번 줄의 origins는 CORS Lens가 평가하지 않는 코드({text})에서 옵니다: 어떤 출처를 허용하는지는 앱이 실행되는 곳에서 정해집니다",
  "config.rack.note.several":
    "Rack::Cors가 두 번 이상 설정되어 있습니다: 첫 번째({line}번 줄)를 읽습니다. 사전 요청에는 가장 바깥의 것이 응답합니다",
  "config.rack.check.trailing-slash":
    "rack-cors는 끝 슬래시를 없애는 Rack의 clean_path_info를 거친 요청 경로와 비교합니다: {path}는 어떤 요청과도 맞지 않습니다(/api/items/는 /api/items로 보입니다). {fixed}로 쓰세요",
  "config.rack.check.block-shadowed":
    "이 블록이 줄 {line}의 자격 증명 블록의 경로에서 모든 출처를 허용하는데, rack-cors는 맞는 첫 블록을 씁니다: 그 요청들은 자격 증명 없이 '*'를 받으므로 쿠키를 보내는 호출이 거부됩니다. 그 블록을 먼저 두세요",
  "config.rack.check.any-credentials":
    "origins '*' 아래의 credentials: true: 앱이 부팅할 때 rack-cors가 CorsMisconfigurationError를 냅니다. '*' 대신 출처를 나열하세요",
  "config.rack.check.gate":
    "Rack::Cors가 {name}({line}번 줄) 뒤에 있어, 그 미들웨어가 CORS 헤더 없이 먼저 응답할 수 있습니다(사전 요청에 401). use Rack::Cors를 그 위로 옮기세요",
  "config.rack.check.rails-use":
    "config.middleware.use는 Rack::Cors를 Rails 스택의 맨 아래, CORS 헤더 없이 먼저 응답할 수 있는 미들웨어 뒤에 둡니다. insert_before 0, Rack::Cors를 쓰세요",
  "config.rack.check.regex-string":
    "{origin}은(는) 정규식이 아니라 문자열입니다: rack-cors는 문자열을 Origin 헤더 전체와 비교하므로 어떤 페이지와도 맞지 않습니다. 따옴표 없이 Ruby 정규식으로 쓰세요",
  "config.rack.check.glob":
    "{origin}은(는) 글자 그대로 비교됩니다('*' 하나 말고는 rack-cors에 * 패턴이 없음): 어떤 출처와도 일치하지 않습니다. /\\Ahttps:\\/\\/[a-z0-9-]+\\.example\\.com\\z/ 같은 Regexp로 쓰세요",
  "config.rack.check.path":
    "{origin}에 경로나 끝 슬래시가 있습니다: 브라우저의 Origin에는 그런 것이 없어 어떤 출처와도 일치하지 않습니다. 슬래시를 지우세요",
  "config.rack.check.regex-dot":
    "{regex}: 이스케이프하지 않은 점은 아무 문자와 일치합니다(https://appXexample.com도). \\.로 이스케이프하세요",
  "config.rack.check.regex-anchor":
    "{regex}는 ===로 출처의 어디에서든 검사됩니다: \\A와 \\z가 없으면 다른 사이트(https://example.com.evil.test)와도 일치합니다. 고정하세요",
  "config.rack.check.option-not-passed":
    "이 resource는 옵션을 {name}에서 가져오는데, {name}은(는) {key}: {value}({line}행)도 설정합니다. 여기에는 전달되지 않으므로 rack-cors는 {key}에 기본값을 씁니다. {key}: {name}.{key}를 전달하세요",
  "config.rack.check.unresolved":
    "origins가 {text}에서 옵니다: CORS Lens는 어떤 출처가 허용되는지 알 수 없습니다. check를 실행하는 곳에서 값을 넘기거나 출처를 나열하세요",
  "config.rack.check.shadowed":
    "resource {path}는 쓰이지 않습니다: 이 allow 블록에서 {line}번 줄의 모든 경로용 resource가 먼저 일치합니다",
  "config.rack.check.unknown-option":
    "{name}은(는) rack-cors resource 옵션이 아닙니다{suggest, select, none {} other {({suggest}:을(를) 뜻했나요?)}}: rack-cors는 아무 말 없이 무시하므로 기본값이 그대로입니다",
  "config.rack.check.methods-default":
    "resource {path}에 methods가 없습니다: 이때 rack-cors는 GET의 사전 요청에만 응답하고 PUT, PATCH, DELETE, JSON POST는 거부합니다",
  "config.rack.check.symbol":
    '{name}: :{value}는 :any가 아닙니다: rack-cors는 이를 이름 하나("{value}")로 읽는데 그런 요청은 없으므로 그것이 필요한 사전 요청은 모두 거부됩니다. :any로 쓰세요(cyu/rack-cors#129)',
  "config.rack.check.methods-partial":
    "methods가 일부 수정 메서드만 두고 {methods}을(를) 뺐습니다. 다른 동사로 수정하는 클라이언트는 프리플라이트에서 거부됩니다",
  "config.rack.check.methods-case":
    "methods {methods}가 대문자로 쓰였습니다: rack-cors는 소문자로 바꾼 요청 메서드를 쓰인 그대로와 비교하므로 그 사전 요청이 거부됩니다. 심볼(:put)로 쓰세요",
  "config.rack.fix.unslash":
    "리소스 {path}(줄 {line})의 끝 슬래시를 없앴습니다: rack-cors는 끝 슬래시를 없애는 Rack의 clean_path_info를 거친 요청 경로와 비교하므로 어떤 요청도 맞지 않았습니다",
  "config.rack.fix.raise":
    "줄 {line}의 allow 블록을 줄 {before}의 블록 위로 옮겼습니다: rack-cors는 출처와 리소스가 맞는 첫 블록을 쓰므로, 그 블록이 이 출처의 요청에 먼저('*'와 자격 증명 없이) 답했습니다. 다른 출처와 경로는 여전히 그 블록에 닿습니다",
  "config.rack.fix.origin": "origins({line}번 줄)에 {origin} 추가",
  "config.rack.fix.methods": "{line}번 줄 resource의 methods에 {methods} 추가",
  "config.rack.fix.headers": "{line}번 줄 resource의 headers에 {headers} 추가",
  "config.rack.fix.credentials": "{line}번 줄 resource에 credentials: true: 페이지가 자격 증명을 보냅니다",
  "config.rack.fix.resource":
    "{line}번 줄 allow 블록에 첫 resource와 같은 모양으로 resource {pattern} 추가: {path}와 일치하는 resource가 없었습니다",
  "config.rack.fix.move":
    "use Rack::Cors를 {name}({line}번 줄) 위로 옮김: 그 미들웨어가 Rack::Cors보다 먼저 CORS 헤더 없이 응답했습니다",
  "config.rack.fix.credentialed-copy":
    "줄 {line}의 allow 블록을 {origins}용으로 복사해 그 위에 두고, 그 resource에 credentials: true를 줍니다: rack-cors는 origins '*'와 credentials를 함께 허용하지 않고, origins와 resource가 맞는 첫 블록으로 답하므로, 이 출처들은 자격 증명과 함께 자기 출처를 받고 다른 모든 사이트는 이전처럼 '*'를 받습니다",
  "config.rack.cannot.origins":
    "{line}번 줄 allow 블록의 origins는 파일에 쓰인 목록이 아닙니다: 출처를 직접 추가하세요",
  "config.rack.cannot.no-cors":
    "파일에 Rack::Cors가 없습니다: 먼저 use Rack::Cors(또는 Rails 초기화 파일)를 추가하세요",
  "config.rack.cannot.resource": "{path}를 덮도록 넓힐 수 있는 allow 블록이 없습니다",
  "config.rack.cannot.public-credentials":
    "origins '*'({line}번 줄)인데 페이지가 자격 증명을 보냅니다: rack-cors는 '*'와 credentials: true를 함께 받지 않습니다(부팅 때 오류). '*' 대신 출처를 나열하세요",
};

import type { enConfig } from "./en-config";

/** `cors-lens check --config`와 `cors-lens fix --config`의 한국어. 지시어 이름은 쓴 그대로 둔다. */
export const koConfig: Record<keyof typeof enConfig, string> = {
  "config.cli.usage": `사용법: cors-lens check --config FILE... [--har FILE.har] [옵션]
        cors-lens fix --config FILE... --har FILE.har [옵션]
        cors-lens fix --config FILE... --url URL --origin ORIGIN [probe 옵션] [옵션]

check   서버 설정을 읽고 CORS 실수를 파일과 줄 번호와 함께 보여 줌. --har를 주면 기록된 요청을
        막는 줄도 보여 줌(fix가 그 줄에서 바꿀 내용과 함께).
fix     설정과 기록된 요청(HAR, 또는 --url로 지금 cors-lens probe처럼 보내 본 요청 하나)을 읽고, 차단된 요청이 통과하면서 전에 허용되던 요청은 모두
        그대로 허용되는 가장 작은 변경을 출력함(두 버전을 CORS Lens가 직접 평가해 확인).
        diff는 표준 출력으로(patch -p1이나 git apply용), 전후 표는 표준 오류로 나감.

읽는 형식: nginx(nginx.conf, sites와 conf.d 파일, include하는 파일은 --config로 함께 전달),
Apache httpd(httpd.conf, vhost, .htaccess, Include하는 파일), Caddy(Caddyfile, import하는 파일과 함께),
S3 버킷 CORS(put-bucket-cors나 콘솔의 JSON, 또는 XML), Express·Fastify·Hono·Koa 앱(.js, .mjs,
.cjs, .ts), Django settings.py(django-cors-headers)와 직접 작성한 Django CORS 미들웨어(middleware.py,
settings.py와 함께 또는 단독), FastAPI·Flask·aiohttp(aiohttp-cors) 앱(.py), rack-cors(Rails의
config/initializers/cors.rb나 Rack의 config.ru).

옵션:
  --config FILE...          설정 파일(주 파일과 그 파일이 include하는 파일)
  --har FILE                기록된 요청(Chrome이나 Firefox 개발자 도구의 "Save all as HAR"):
                            fix는 이 요청을 위해 패치하고, check는 이 요청을 막는 줄을 짚음
  --url URL                 fix: HAR 대신 이 요청을 지금 보냄(cors-lens probe와 같은 방식)
    --origin ORIGIN         페이지의 출처(--url과 함께 필수)
    --method M, --header "Name: value"(여러 번), --credentials, --timeout 초
                            페이지가 보내는 요청의 모양(cors-lens probe와 같은 옵션)
  --write                   fix: 파일을 그 자리에서 고치고 원본은 FILE.orig로 남김
  --format FORMAT           check: text(기본값), json, sarif(코드 스캐닝), junit, github(파일과 줄에
                            붙는 주석); fix: text는 diff와 표(기본값), json은 파일, 줄, 이유가 붙은
                            수정 목록과 표
  --fail-on warning|error   check: 발견 사항이 하나라도 있으면 종료 코드 1(warning, 기본값), error면 오류만
  --browser chromium|firefox  적용할 브라우저 규칙(기본값 chromium)
  --lang en|ko              출력 언어
  -h, --help                이 도움말

종료 코드: check는 찾은 것이 없으면 0, 있으면 1(--fail-on error이면 오류가 있을 때만). fix는 패치로 기록된 요청이 모두 통과하고 전에
허용되던 요청이 모두 그대로 허용되면 0, 그렇게 할 수 없으면 1. 잘못된 입력은 2.`,
  "config.cli.missing-config": "설정 파일이 없음: --config FILE을 지정하세요",
  "config.cli.missing-har":
    "근거가 없음: --har FILE.har(실패한 요청)를 지정하거나, --url URL --origin ORIGIN으로 지금 요청 하나를 보내 보세요",
  "config.cli.har-or-url": "--har와 --url 중 하나만 지정하세요",
  "config.cli.needs-url": "{option}은 보내 볼 요청을 설명합니다: --url URL과 함께 지정하세요",
  "config.cli.check-no-evidence":
    "{option}은 `cors-lens fix`에서 쓰는 옵션입니다: `check`는 설정과, --har를 주면 기록된 요청을 읽을 뿐입니다(요청을 보내지도, 바꾸지도 않음)",
  "config.cli.probe": "요청을 보내 볼 수 없었습니다: {error}",
  "config.cli.format": "--format은 text나 json이어야 합니다({format}은 안 됨)",
  "config.cli.check-format":
    "--format은 text, json, sarif, junit, github 중 하나여야 합니다({format}은 안 됨)",
  "config.cli.browser": "--browser는 chromium이나 firefox여야 합니다({browser}는 안 됨)",
  "config.cli.fail-on": "--fail-on에는 error나 warning을 쓰세요({value}는 안 됩니다)",
  "config.cli.unknown-option": "알 수 없는 옵션 {option}",
  "config.cli.no-such-file": "{file}: 파일이 없음",
  "config.cli.cannot-read": "{file}: 읽을 수 없음({code})",
  "config.cli.cannot-write": "{file}: 쓸 수 없음({code})",
  "config.cli.har": "HAR 파일 {file}: {error}",
  "config.cli.severity.error": "오류",
  "config.cli.severity.warning": "경고",
  "config.cli.check-clean": "✔ CORS 문제를 찾지 못함(파일 {count}개)",
  "config.cli.check-totals": "✖ 오류 {errors}개, 경고 {warnings}개",
  "config.cli.note": "참고: {text}",
  "config.cli.table-evidence": "기록된 요청({file})",
  "config.cli.table-standard": "이전 설정이 허용하던 요청(계속 허용되어야 함)",
  "config.cli.table-head": "요청 | 기록 | 이전 설정 | 새 설정",
  "config.cli.alike":
    "… 그리고 {request}와 같은 요청 {count}개 더: 메서드, 출처, 자격 증명, 판정이 모두 같음 (--format json은 하나씩 모두 보여 줍니다)",
  "config.cli.verdict.allowed": "허용",
  "config.cli.verdict.blocked": "차단",
  "config.cli.verdict.unknown": "알 수 없음",
  "config.cli.verdict.not-cors": "CORS 아님",
  "config.cli.credentialed": "자격 증명 포함",
  "config.cli.unknown-why": "  알 수 없음: {why}",
  "config.cli.assumed": "  가정: {what}",
  "config.cli.no-change": "바꿀 것이 없음: 기록된 요청이 이 설정에서 이미 모두 통과합니다.",
  "config.cli.no-edit-unseen":
    "바꾼 것 없음, 통과도 아님: 브라우저가 막은 요청을 CORS Lens가 읽은 이 파일은 허용합니다(위의 안내를 보세요).",
  "config.cli.no-edit":
    "바꾼 것 없음: 막힌 요청을 통과시킬 수정을 CORS Lens가 찾지 못했습니다(이유는 아래에 있습니다).",
  "config.cli.fixed":
    "✔ 패치로 기록된 요청 {count}개가 모두 통과하고, 이전 설정이 허용하던 요청 {kept}개도 그대로 허용됨",
  "config.cli.not-fixed": "✖ 패치로 모든 요청이 통과하지는 않음: 표를 보세요",
  "config.cli.cannot": "{request}은(는) 고칠 수 없음: {why}",
  "config.cli.written": "씀: {file}(원본은 {orig}에 남김)",
  "config.cli.edit": "{file}:{line}: 수정: {why}",
  "config.cli.needs":
    "{file}:{line}: {name}이(가) 필요하지만 이 파일 옆의 의존성 목록({lists}) 어디에도 선언되어 있지 않습니다: 그대로 붙여 넣으면 설치하기 전까지 앱이 시작되지 않습니다: {install}",
  "config.cli.needs-unseen":
    "{file}:{line}: 패치가 {name}을(를) 가져옵니다: 프로젝트에 아직 없다면 패치한 앱을 시작하기 전에 설치하세요({install}). 그렇지 않으면 앱이 시작되지 않습니다",
  "config.cli.install-first": "패치한 앱을 시작하기 전에: {install}",

  "config.error.no-files": "설정 파일이 주어지지 않았습니다",
  "config.error.unsupported":
    "cors-lens는 아직 {what}을(를) 읽을 수 없습니다: {file}은(는) 바꾸지 않았습니다. CORS Lens는 nginx와 Apache httpd 설정, Caddyfile, S3 버킷 CORS(JSON 또는 XML)를 읽습니다. 다른 형식은 cors-lens analyze가 손으로 적용할 수정 방법을 알려 줍니다.",
  "config.error.syntax": "{file}:{line}: 설정을 해석할 수 없음: {detail}",
  "config.error.included":
    "주어진 파일에는 Access-Control-* 헤더 설정이 없습니다. CORS는 여기서 include하는 파일({file}:{line}, include {pattern})이나 다른 곳에 있습니다. 그 파일도 --config로 함께 전달하세요",

  "config.note.include":
    "{file}:{line}: include {pattern} 파일이 전달되지 않아 그 안의 설정은 알 수 없음(--config로 전달하세요)",
  "config.note.orphan":
    "{file}: 이 파일의 지시어는 다른 파일의 블록 안에 들어가는 것입니다. 이 파일을 include하는 파일을 전달하세요",
  "config.note.no-cors": "이 파일들에는 Access-Control-* 헤더 설정이 없음",
  "config.note.recorded-blocked":
    "브라우저가 차단한 요청 {count}개를 읽은 대로의 이 파일은 허용합니다: HAR을 기록한 뒤 파일이 고쳐졌거나, 원인이 CORS Lens가 읽는 범위 밖(애플리케이션 자체의 응답, 앞단의 프록시)에 있습니다. 확실히 하려면 페이지를 다시 기록하세요",
  "config.note.blocked-no-line":
    "기록된 요청 {count}개가 이 설정에 막히지만 CORS Lens가 짚을 수 있는 줄이 없음(cors-lens fix --config가 이유를 알려 줌)",
  "config.note.no-evidence": "HAR에 교차 출처 요청이 없어 고칠 것이 없음",

  "config.check.option-reads-other":
    "{name}에 다른 CORS 옵션의 값 {wrote}가 주어졌습니다. 이름이 맞는 값은 {meant}입니다",
  "config.check.named-location-drops":
    "try_files가 요청을 {name}({line}행)로 넘기는데 그 위치는 이 location의 add_header를 상속하지 않습니다: {names}이(가) 그 응답에 붙지 않습니다. {name}에 추가하세요",
  "config.check.request-header-in-response":
    "{name}은(는) 브라우저가 사전 요청에 보내는 헤더입니다. 응답에 넣으면 아무것도 허용하지 않습니다: 응답 헤더는 {meant}입니다",
  "config.check.nested-drops":
    "이 {block} 블록에는 자체 add_header가 있어 아무것도 상속하지 않습니다. 그래서 {names}(줄 {line})가 여기서는 전송되지 않습니다",
  "config.check.no-always":
    "always 없는 add_header: 오류 응답(4xx, 5xx)에는 Access-Control-Allow-Origin이 붙지 않아 페이지가 읽을 수 없고, 브라우저는 상태 코드 대신 CORS 오류를 보고합니다",
  "config.check.duplicate":
    "두 번째 Access-Control-Allow-Origin(첫 번째는 줄 {line}): 브라우저는 두 개가 있는 응답을 거부합니다",
  "config.check.wildcard-credentials":
    "Access-Control-Allow-Origin *와 Access-Control-Allow-Credentials true(줄 {line}): 브라우저가 자격 증명을 포함한 요청을 모두 차단합니다",
  "config.check.wildcard-origin-credentials":
    "여기의 credentials true와 Access-Control-Allow-Origin *(origin 옵션, 줄 {line}): 브라우저가 자격 증명을 포함한 요청을 모두 차단합니다. origin에 * 대신 프런트엔드의 출처(목록이나 출처를 확인하는 함수)를 주세요",
  "config.check.likely-json":
    "앱이 JSON 본문을 해석합니다(줄 {line}): {origin}에서 보내는 Content-Type: application/json {method}는 거부됩니다. 그 프리플라이트가 content-type을 요청하는데 이 설정은 허용하지 않습니다(코드로 추정한 것입니다. 기록과 함께 check --har를 쓰면 확인됩니다)",
  "config.check.likely-body":
    "이곳은 {method}를 허용하지만, {origin}에서 보내는 폼이 아닌 본문(Content-Type: application/json이나 파일의 형식)의 {method}는 거부됩니다: 그 프리플라이트가 content-type을 요청하는데 허용 헤더에 없습니다(추정입니다. 기록과 함께 check --har를 쓰면 확인됩니다)",
  "config.check.likely-header":
    "앱이 {header} 헤더를 읽습니다(줄 {line}): {origin}에서 그 헤더를 보내는 호출은 거부됩니다. 그 프리플라이트가 {header}를 요청하는데 이 설정은 허용하지 않습니다(코드로 추정한 것입니다. 기록과 함께 check --har를 쓰면 확인됩니다)",
  "config.check.likely-cookies":
    "앱이 다른 사이트용 쿠키를 만듭니다(SameSite=None, 줄 {line}): {origin}에서 자격 증명(쿠키)과 함께 보내는 호출은 이 설정에서 거부됩니다(코드로 추정한 것입니다. 기록과 함께 check --har를 쓰면 확인됩니다)",
  "config.check.likely-cookies-read":
    "앱이 요청의 쿠키를 읽습니다(줄 {line}): {origin}에서 쿠키를 보내는(자격 증명) 호출은 이 설정에서 거부됩니다(코드로 추정한 것입니다. 기록과 함께 check --har를 쓰면 확인됩니다)",
  "config.check.preflight-allow-header":
    "Allow는 프리플라이트가 읽는 헤더가 아닙니다: 브라우저는 Access-Control-Allow-Methods를 찾는데 이 응답은 그것을 보내지 않으므로 GET, HEAD, POST 외의 메서드의 프리플라이트는 거부됩니다. 그곳에 메서드를 쓰세요",
  "config.check.preflight-allows-nothing":
    "이 프리플라이트 응답은 Access-Control-Allow-Methods도 Access-Control-Allow-Headers도 보내지 않습니다: 프리플라이트는 GET, HEAD, POST 외의 메서드나 안전 목록 밖의 헤더를 요청하므로 어느 것도 통과하지 못합니다. 추가하세요",
  "config.check.reflected-credentials":
    "모든 출처를 그대로 돌려주면서 Access-Control-Allow-Credentials true(줄 {line}): 어떤 사이트든 사용자의 데이터를 읽을 수 있습니다",
  "config.check.blocks-recorded": "기록된 요청 중 차단된 {count}개가 여기서 막힘",
  "config.check.detail": "{message}. 바꿀 내용: {change}",
  "config.check.vary":
    "Access-Control-Allow-Origin이 요청의 Origin에 따라 달라지는데 Vary: Origin이 없음: 캐시가 한 출처의 응답을 다른 출처에 줄 수 있습니다",
  "config.check.origin-other-header":
    "Access-Control-Allow-Origin을 요청의 {name} 헤더에서 복사하는데, 이 값은 출처가 될 수 없습니다(Referer에는 경로가, Host에는 스킴이 없음). 허용되는 페이지가 없으니 허용할 출처의 매처 아래에서 Origin을 되돌려 보내세요",
  "config.check.location-shadowed":
    "이 정규식 location도 {types}을(를) 받고, nginx는 처음 일치하는 정규식 location을 씁니다. 그 파일들은 {line}행의 CORS location에 닿지 않으니 여기에 헤더를 추가하거나 그 location을 앞에 두세요",
  "config.check.nested-not-proxied":
    "{line}행의 프록시 location 안에 있는 이 location에는 자체 proxy_pass가 없습니다(상속되지 않음). 여기서 받는 요청은 애플리케이션이 아니라 root 아래 디스크에서 찾습니다. 여기에 proxy_pass를 다시 적으세요",
  "config.check.wildcard-list-credentials":
    "{name} '*'가 Access-Control-Allow-Credentials({line}행)와 함께 있습니다. 자격 증명이 있으면 브라우저는 '*'를 모든 값이 아니라 이름으로 읽으므로, 자격 증명을 보내는 요청의 메서드나 헤더가 프리플라이트에서 거부됩니다. 값을 나열하세요",
  "config.check.header-misspelled":
    "{name}은(는) 브라우저가 읽는 헤더가 아닙니다. {meant}의 오타로 보이며, 응답은 그 헤더 없이 나갑니다",
  "config.check.origin-list":
    "Access-Control-Allow-Origin에 출처가 여러 개: 값은 정확히 하나(또는 *)여야 합니다. 목록에 있는 요청 출처를 돌려주세요",
  "config.check.null":
    "null 출처가 허용됨: 어느 사이트의 샌드박스 iframe이나 file: 페이지든 이 값을 보냅니다",
  "config.nginx.check.map-regex":
    "map 키 {key}는 정규식처럼 쓰였지만 그대로 비교됩니다: 키는 ~(대소문자 무시는 ~*) 뒤에서만 정규식이므로 어떤 Origin도 이와 같지 않습니다",
  "config.nginx.check.if-replaces":
    "이 if와 {line}행의 if가 둘 다 맞으면 nginx는 이 if의 설정만으로 요청을 처리합니다(마지막으로 맞은 if): {line}행의 CORS add_header 줄은 보내지지 않습니다 — 여기에도 추가하거나 if 밖에서 map으로 설정하세요",
  "config.nginx.check.preflight-static":
    "이 location은 디스크의 파일을 제공하고 프리플라이트 헤더를 보내지만 OPTIONS에 응답하는 곳이 없습니다: nginx의 정적 모듈은 OPTIONS에 405로 응답하므로, 사용자 지정 헤더(추적 헤더, Authorization)가 있는 모든 요청의 프리플라이트를 브라우저가 거부합니다. 여기서 응답하세요: {example}",
  "config.nginx.check.preflight-upstream":
    "사전 요청(OPTIONS)이 {directive} 뒤의 애플리케이션으로 넘어갑니다: 여기서 응답하는 것이 없어 상태 코드는 애플리케이션의 것(흔히 404, 405, 401)이고, 200–299 밖의 상태면 사전 요청이 실패합니다. {directive} 앞에서 응답하세요: CORS add_header 줄과 함께 {example}",
  "config.check.preflight-only":
    "Access-Control-Allow-Origin이 OPTIONS 블록에만 있음: 사전 요청 다음의 실제 요청에는 없어서 차단됩니다",
  "config.check.preflight-refused":
    "{directive}이(가) CORS 응답보다 먼저 사전 요청을 거부함(OPTIONS에는 자격 증명이 없음): OPTIONS에 먼저 응답하세요",
  "config.check.regex-dot":
    "출처 정규식 {regex}: 이스케이프하지 않은 점은 아무 문자와 일치합니다(example.com이 exampleXcom과도 일치). \\.로 쓰세요",
  "config.check.regex-quoted":
    "출처 정규식 {regex}는 값 안에 따옴표(와 파이썬의 r 접두사)까지 들어 있습니다: 따옴표도 패턴의 일부가 되고, 따옴표로 시작하는 Origin 헤더는 없으므로 아무것과도 일치하지 않습니다 — 값에서 따옴표와 접두사를 빼세요",
  "config.check.regex-no-scheme":
    "출처 정규식 {regex}에 스킴이 없음: Origin 헤더는 항상 scheme://host[:port](https://app.example.com) 형식이므로 어떤 페이지의 출처와도 일치하지 않습니다. ^https?://로 시작하세요",
  "config.check.regex-anchor":
    "출처 정규식 {regex}에 ^와 $ 고정이 없음: 허용된 출처를 포함하기만 하는 출처와도 일치합니다",

  "config.fix.always": "always 추가: {status} 응답에서 {name}이(가) 빠졌음",
  "config.fix.copy": "줄 {line}의 add_header 때문에 상속된 CORS 헤더(줄 {from})가 빠지므로 여기에 다시 씀",
  "config.fix.vary": "Allow-Origin이 이제 요청의 Origin에 따라 달라지므로 Vary: Origin",
  "config.fix.map-wildcard":
    "모든 출처에는 *를 유지하고 {origins}에는 그 출처를 돌려주는 map(자격 증명에 필요; 줄 {line})",
  "config.fix.map-list": "허용된 출처({origins}; 줄 {line})의 map: Allow-Origin은 값 하나만 받음",
  "config.fix.use-map": "Allow-Origin을 {variable}에서 가져옴",
  "config.fix.map-entry": "줄 {line}의 map에 {origins} 추가",
  "config.fix.origin-regex": "줄 {line}의 출처 검사가 {origins}도 받아들임",
  "config.fix.fresh": "요청이 도착하는 곳에 {origins}를 위한 Allow-Origin(그곳에는 CORS 헤더가 없었음)",
  "config.fix.fresh-expose":
    "요청이 도착하는 곳에 {origins}를 위한 Allow-Origin(그곳에는 CORS 헤더가 없었음). 애플리케이션 응답에 담긴 {expose}도 노출합니다: 다른 출처의 스크립트는 노출된 헤더만 읽을 수 있습니다",
  "config.fix.credentials": "자격 증명을 포함한 요청에 필요한 Access-Control-Allow-Credentials: true",
  "config.nginx.check.options-after-rewrite":
    "이 rewrite의 {flag}가 location의 rewrite 모듈 지시어 처리를 끝내므로 줄 {line}의 OPTIONS `if`는 실행되지 않습니다: 프리플라이트가 그 뒤(애플리케이션의 응답)로 넘어갑니다. 그 `if`를 이 rewrite 위로 옮기세요",
  "config.nginx.fix.options-before-rewrite":
    "줄 {at}의 OPTIONS 응답을 줄 {line}의 rewrite 위에 다시 썼습니다: 그 rewrite의 break(또는 last)가 이 location에서 rewrite 모듈 지시어 처리를 끝내므로 줄 {at}의 `if`는 실행되지 않고 프리플라이트가 애플리케이션으로 넘어갔습니다(줄 {at}의 것은 지워도 됩니다)",
  "config.fix.preflight": "사전 요청(preflight)에 여기서 204로 응답(원래 {status}을(를) 받았음)",
  "config.fix.limit-except": "limit_except에 OPTIONS 추가: 사전 요청이 여기서 {status}을(를) 받았음",
  "config.fix.methods": "Access-Control-Allow-Methods(줄 {line})에 {names} 추가",
  "config.fix.headers": "Access-Control-Allow-Headers(줄 {line})에 {names} 추가",
  "config.fix.methods-new": "{names}와(과) 이전에 허용되던 메서드로 Access-Control-Allow-Methods 추가",
  "config.fix.headers-new": "{names}(으)로 Access-Control-Allow-Headers 추가",
  "config.fix.duplicate": "두 번째 Access-Control-Allow-Origin(줄 {line}; 첫 번째는 줄 {first}) 삭제",
  "config.fix.hide": "애플리케이션이 직접 보내는 {names} 숨김: nginx가 이미 추가함",

  "config.cannot.upstream-sets":
    "{path}의 Allow-Origin은 이 파일이 아니라 nginx 뒤의 애플리케이션(proxy_pass)이 보냅니다. 그쪽에서 고치세요",
  "config.cannot.patch-unparsed":
    "CORS Lens가 이 요청을 위해 {file}에 만든 수정이 구문 분석되지 않음({detail}): 파일이 아니라 CORS Lens의 버그이며, 그 수정은 빼 둠",
  "config.cannot.cause": "CORS Lens는 이 설정에서 {code}에 대한 수정 방법이 없음",
  "config.cannot.list-value":
    "줄 {line}의 {name}은(는) 변수에서 값을 가져옴: 그 값을 정하는 곳을 손으로 고치세요",
  "config.cannot.map-source": "줄 {line}의 map은 $http_origin을 읽지 않음: 손으로 고치세요",
  "config.cannot.no-level": "이 요청에 응답하는 add_header가 없음",
  "config.cannot.no-server": "map을 넣을 server 블록이 없음",
  "config.cannot.origin-if": "줄 {line}의 출처 검사는 안전하게 늘릴 수 없음",
  "config.cannot.origin-value":
    "줄 {line}의 Allow-Origin 값이 {value}: 무엇이 이 값을 정하는지 CORS Lens가 알 수 없음",

  "config.unknown.variable": "{name}의 값을 설정에서 알 수 없음",
  "config.unknown.map-include": "map이 파일을 include함(줄 {line})",
  "config.unknown.regex": "정규식 {regex}(줄 {line})는 CORS Lens가 평가할 수 없음",
  "config.unknown.condition": "줄 {line}의 if 조건은 CORS Lens가 평가할 수 없음",
  "config.unknown.file-test": "줄 {line}의 if가 파일 시스템을 검사함({test})",
  "config.unknown.address-rule": "주소별 allow/deny(줄 {line})는 클라이언트 주소에 달려 있음",
  "config.unknown.auth-request": "auth_request(줄 {line})는 다른 서비스에 묻는데, 그 응답은 기록되지 않았음",
  "config.unknown.upstream-options":
    "{path}로 가는 사전 요청은 nginx 뒤의 애플리케이션이 받는데, 그 응답은 기록되지 않았음",
  "config.unknown.error-page": "error_page(줄 {line})가 {status} 응답을 바꿈",
  "config.unknown.no-server": "이 URL을 처리하는 server 블록이 없음",
  "config.unknown.url": "{url}은(는) URL이 아님",
  "config.unknown.headers-more":
    "more_set_headers(줄 {line})는 headers-more 모듈의 지시어로, CORS Lens가 모델링하지 않음",
  "config.unknown.rewrite-loop": "rewrite가 반복됨",
  "config.assumed.upstream-200": "nginx 뒤의 애플리케이션이 {method} {path}에 200으로 응답함(기록되지 않음)",
  "config.assumed.try-files": "{path}에 맞는 파일이 없음: try_files가 {name}(으)로 넘김",
  "config.assumed.static-200": "{path}의 파일이 있음(200으로 제공)",
};

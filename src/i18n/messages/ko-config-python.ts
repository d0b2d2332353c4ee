/** Python 앱의 `cors-lens check|fix --config`(한국어): django-cors-headers를 쓰는 Django 설정, FastAPI/Starlette, flask-cors를 쓰는 Flask. 이름은 그대로 둔다. */
import type { enConfigPython } from "./en-config-python";

export const koConfigPython: Record<keyof typeof enConfigPython, string> = {
  "config.python.error.not-loaded":
    "{language} 문법이 로드되지 않았습니다: 파일을 읽기 전에 prepareConfig를 호출하고 기다리세요",
  "panel.config.grammar":
    "이 패널에서 문법을 로드할 수 없습니다({error}): 대신 `npx cors-lens fix --config <파일>`을 실행하세요",
  "config.django.error.mixed":
    "{file}: Django 설정 파일은 단독으로 읽습니다. 다른 종류의 파일 없이 설정 모듈만 넘기세요",
  "config.django.check.drops-default":
    "{name}이(가) django-cors-headers의 기본값을 대체하면서 {values}을(를) 뺐습니다. 그것이 필요한 요청은 프리플라이트에서 거부됩니다. 기본값을 유지하고 덧붙이세요((*default_headers, …), (*default_methods, …))",
  "config.django.check.setting-string":
    "{name}는 리스트나 튜플이 아니라 문자열 {value}입니다(값 하나의 튜플에는 쉼표가 필요합니다: ({value},)): django-cors-headers가 그것을 한 글자씩 읽으므로 {value} 자체는 들어 있지 않습니다",
  "config.django.check.env-list":
    '{name}을(를) 환경 변수 {env}에서 나누지 않고 읽습니다: {env}가 있으면 오리진 목록이 아닌 문자열 하나이고(django-cors-headers가 거부), 없으면 아무것도 허용하지 않는 {default}입니다. 기본값과 함께 .split(",")로 나누세요',
  "config.django.mw.fix.origin-form":
    "{value}({line}행)을 Access-Control-Allow-Origin으로 보내지만 오리진에는 경로나 끝의 슬래시가 없어 어떤 페이지와도 맞지 않았습니다: {origin}(으)로 고쳤습니다",
  "config.django.mw.check.origin-path":
    "{value}을(를) Access-Control-Allow-Origin으로 보내지만 경로나 끝의 슬래시가 있습니다: 어떤 페이지의 Origin에도 그런 것이 없어 맞지 않습니다. {origin}(으)로 쓰세요",
  "config.django.unknown.value": "{name}(줄 {line})은 CORS Lens가 평가하지 않는 코드로 계산됩니다: {text}",
  "config.django.unknown.middleware":
    "{name}(줄 {line})이 CorsMiddleware보다 먼저 실행됩니다: 이것이 먼저 응답하는지 CORS Lens는 알 수 없습니다",
  "config.django.unknown.upstream-options":
    "{path}로의 사전 요청은 뷰에 도달하는데(CorsMiddleware가 응답하지 않음), 그 응답이 기록되지 않았습니다",
  "config.django.assumed.routed":
    "URLconf가 {path}를 쓰인 그대로 라우팅한다고 가정합니다(APPEND_SLASH 리디렉션 없음)",
  "config.django.assumed.view-200": "뷰가 {method} {path}에 200으로 응답한다고 가정합니다(기록 없음)",
  "config.django.assumed.env-default-value":
    "{name}(줄 {line})을(를) 기본값 {value}(으)로 읽습니다: 환경 변수 {env}가 설정되지 않았을 때 {helper}()가 돌려주는 값입니다. {env}가 설정된 곳에서는 그 값이 정합니다",
  "config.django.assumed.origin-recorded":
    "{name}(줄 {line})은 CORS Lens가 평가하지 않는 코드로 계산됩니다: {origin}에 대한 판정은 기록에 나온 대로입니다",
  "config.django.assumed.env-default":
    "{name}(줄 {line})을(를) 환경 변수 {env}가 설정되지 않았을 때 {helper}()가 돌려주는 기본값으로 읽습니다. {env}가 설정된 곳에서는 그 값이 허용 출처입니다",
  "config.django.fix.tuple":
    "{name}(줄 {line})는 튜플이 아니라 문자열 {value}였습니다 — 쉼표 없이 써서 django-cors-headers가 그 글자를 하나씩 보냈습니다: 이제 페이지가 보내는 헤더와 함께 튜플입니다",
  "config.django.fix.origins": "{name}에 {values} 추가",
  "config.django.fix.list": "{name}에 {values} 추가",
  "config.django.fix.credentials": "CORS_ALLOW_CREDENTIALS = True: 페이지가 자격 증명을 보냅니다",
  "config.django.fix.credentials-default":
    "{name}(줄 {line})에서 {env}의 기본값을 {value}(으)로 바꿨습니다. {helper}()는 이를 True로 읽습니다: 페이지가 자격 증명을 보냅니다. {env}가 설정된 곳에서는 여전히 그 값이 정합니다",
  "config.django.fix.move":
    "CorsMiddleware(줄 {line})를 MIDDLEWARE 맨 위, {above}보다 위로 옮김: 그 위의 미들웨어가 CORS 헤더 없이 응답했습니다",
  "config.django.fix.add-middleware":
    "MIDDLEWARE 맨 위에 CorsMiddleware 추가: 이것 없이는 어떤 CORS_* 설정도 동작하지 않습니다",
  "config.django.fix.app": "INSTALLED_APPS에 corsheaders 추가(시스템 검사가 실행됨)",
  "config.django.fix.urls": "CORS_URLS_REGEX(줄 {line})가 {path}도 매치하도록 확장",
  "config.django.cannot.middleware":
    "MIDDLEWARE(줄 {line})가 이 파일에 쓰인 리스트가 아닙니다: corsheaders.middleware.CorsMiddleware를 직접 맨 앞에 두세요",
  "config.django.cannot.urls-regex":
    "CORS_URLS_REGEX(줄 {line})가 이 파일에 쓰인 문자열이 아닙니다: 직접 확장하세요",
  "config.django.cannot.app-sets":
    "{path}의 Access-Control-Allow-Origin은 django-cors-headers가 아니라 뷰가 보냅니다: 거기서 바꾸세요",
  "config.django.cannot.all-credentials":
    "CORS_ALLOW_ALL_ORIGINS({line}번 줄)는 *로 응답하는데 페이지가 자격 증명을 보냅니다: CORS_ALLOW_CREDENTIALS = True는 모든 사이트가 사용자 데이터를 읽게 합니다. 대신 CORS_ALLOWED_ORIGINS에 출처를 나열하세요",
  "config.django.check.middleware-classes":
    "corsheaders.middleware.CorsMiddleware가 MIDDLEWARE_CLASSES에 들어 있습니다. Django는 MIDDLEWARE가 설정되지 않았을 때만 이 설정을 읽고, Django 2.0부터는 전혀 읽지 않습니다. 미들웨어가 실행되지 않아 CORS 헤더가 하나도 붙지 않습니다. MIDDLEWARE의 CommonMiddleware 위에 넣으세요",
  "config.django.check.no-middleware":
    "CORS_* 설정이 있지만 MIDDLEWARE에 corsheaders.middleware.CorsMiddleware가 없습니다: CORS 헤더가 전송되지 않습니다",
  "config.django.check.order":
    "CorsMiddleware가 {name}(줄 {line}) 뒤에 있습니다. 그 미들웨어는 CORS 헤더 없이 먼저 응답할 수 있습니다(리디렉션, 정적 파일): CorsMiddleware를 MIDDLEWARE 맨 위에 두세요",
  "config.django.check.order-unknown":
    "CorsMiddleware가 {name}(줄 {line}) 뒤에 있습니다: 그 미들웨어가 직접 만든 응답(401, 403, 리디렉션)에는 CORS 헤더가 없습니다. CorsMiddleware를 그 위에 두세요",
  "config.django.check.no-app":
    "INSTALLED_APPS에 corsheaders가 없습니다: 잘못된 출처를 잡는 시스템 검사가 실행되지 않습니다",
  "config.django.check.any-credentials":
    "CORS_ALLOW_ALL_ORIGINS와 CORS_ALLOW_CREDENTIALS(줄 {line}): 모든 출처가 자격 증명과 함께 반사되어 어떤 사이트든 사용자 데이터를 읽을 수 있습니다",
  "config.django.check.null":
    "null이 허용됩니다: 어느 사이트의 샌드박스 iframe이나 file: 페이지도 Origin: null을 보냅니다",
  "config.django.check.scheme":
    "{origin}에 스킴이 없습니다: corsheaders가 시작할 때 거부합니다(corsheaders.E013). https://…로 쓰세요",
  "config.django.check.path":
    "{origin}에 경로가 있습니다: corsheaders가 시작할 때 거부합니다(corsheaders.E014). 출처는 scheme://host[:port]입니다",
  "config.django.check.regex-dot":
    "{regex}: 이스케이프하지 않은 .은 아무 문자와 일치해 비슷한 호스트도 매치됩니다. \\.으로 쓰세요",
  "config.django.check.regex-anchor":
    "{regex} 끝에 $가 없습니다: re.match는 시작만 고정하므로 https://allowed.example.evil.test도 매치됩니다",
  "config.django.check.annotation":
    "{name}: {value}는 대입이 아니라 어노테이션입니다: Python은 {name}을(를) 설정하지 않으므로 django-cors-headers는 기본값을 씁니다. {name} = {value}로 쓰세요",
  "config.starlette.unknown.value": "{name}(줄 {line})은 CORS Lens가 평가하지 않는 코드로 계산됩니다: {text}",
  "config.flask.fix.aborts":
    "{line}행의 뷰 {view}는 일부 요청을 abort()나 HTTPException으로 끝내는데, 이 예외는 @cross_origin을 그냥 지나갑니다: 그 응답에는 CORS 헤더가 없었습니다. 데코레이터와 같은 옵션으로 {rule}에 CORS(app)를 두면 오류 응답을 포함한 모든 응답에 헤더가 붙습니다(after_request가 오류 응답에도 실행됩니다)",
  "config.flask.fix.aborts-under":
    "뷰 {view}의 @cross_origin 아래에 있는 {name}({line}행)은 일부 요청을 abort()나 HTTPException(로그인 검사의 401)으로 끝내는데, 이 예외는 @cross_origin을 그냥 지나갑니다: 그 응답에는 CORS 헤더가 없었습니다. 데코레이터와 같은 옵션으로 {rule}에 CORS(app)를 두면 오류 응답을 포함한 모든 응답에 헤더가 붙습니다(after_request가 오류 응답에도 실행됩니다)",
  "config.flask.fix.drop-options":
    '{line}행 경로의 methods에서 "OPTIONS"를 뺐습니다: 뷰 {view}가 사전 요청에 직접 응답했습니다({status}, 브라우저가 거부하는 상태). OPTIONS가 없으면 Flask가 뷰와 그 데코레이터보다 먼저 자체 200으로 OPTIONS에 응답하고 flask-cors가 헤더를 붙입니다. 다른 메서드는 그대로 뷰에 도달합니다',
  "config.flask.cannot.view-options":
    "{line}행의 경로가 OPTIONS를 나열하므로 뷰 {view}가 사전 요청에 응답합니다({status}, 브라우저가 거부하는 상태): CORS Lens는 다른 메서드도 나열한 리터럴 methods 목록에서, flask-cors가 다루는 경로이고 뷰 코드가 OPTIONS를 직접 처리하지 않을 때만 OPTIONS를 뺍니다 — methods에서 OPTIONS를 직접 빼거나 뷰가 200으로 응답하게 하세요",
  "config.flask.cannot.aborts":
    "{line}행의 뷰가 @cross_origin을 지나 abort하는데, CORS Lens는 앱에 자체 CORS(…)가 없고 데코레이터 옵션이 앱 위에서 정의된 이름만 읽는 키워드일 때만 CORS(app)를 추가할 수 있습니다: 헤더를 붙이는 errorhandler를 등록하거나 CORS(app)를 직접 추가하세요",
  "config.flask.check.outside-resources":
    "origins=(와 다른 옵션)는 resources=에 나열된 리소스에만 적용됩니다: {rule}(줄 {line})은 어디에도 없으므로 CORS 헤더를 받지 못합니다. 그 경로를 resources에 넣거나 resources=를 빼세요",
  "config.flask.check.header-underscore":
    "allow_headers에 {name}이(가) 있습니다: 브라우저는 헤더 이름을 하이픈으로 보내므로 아무것도 허용하지 않습니다 — {fixed}(으)로 쓰세요",
  "config.flask.check.route-method":
    "{line}행의 경로는 {method}을(를) 받는데, 이 CORS methods({methods})가 그 프리플라이트를 거부합니다",
  "config.flask.check.automatic-options-late":
    "{name}.provide_automatic_options를 뷰가 실행될 때 {name} 안에서 설정합니다. Flask는 경로를 추가할 때 이미 이 값을 읽었으므로 여전히 이 뷰의 CORS 헤더 없이 OPTIONS에 직접 응답합니다. 함수를 반환하기 전에 함수에 설정하세요",
  "config.flask.check.origin-form":
    '{origin}은(는) 출처가 아닙니다. Origin 헤더는 scheme://host[:port](https://intranet.example.com) 형태이고, 패턴은 Python이 컴파일하는 정규식(r".*\\.example\\.com$")이어야 합니다. 이 항목은 어떤 페이지와도 맞지 않습니다',
  "config.flask.check.cross-abort":
    "@cross_origin은 뷰 {view}({line}행)가 abort()나 발생시킨 예외(HTTPException, 또는 errorhandler가 응답하는 예외)로 보내는 응답에 헤더를 붙이지 않습니다: 예외가 데코레이터를 지나가므로 브라우저가 페이지에서 그 오류를 숨깁니다 — after_request가 오류까지 처리하는 CORS(app)는 그렇지 않습니다",
  "config.flask.check.options-to-view":
    "이 경로는 OPTIONS를 나열하므로 Flask가 사전 요청에 직접 응답하지 않고 {name}({line}행) 아래의 뷰 {view}로 보냅니다: 사전 요청에는 자격 증명이 없으므로 검사가 거부하거나, 사용자가 필요한 코드로 통과시킵니다(500) — 어느 쪽이든 브라우저가 호출을 거부합니다. methods에서 OPTIONS를 빼면 Flask가 응답하고 flask-cors가 헤더를 붙입니다",
  "config.flask.check.cross-abort-under":
    "@cross_origin은 뷰 {view}에서 그 아래에 쓴 {name}({line}행)이 abort()나 발생시킨 예외(로그인 검사의 401)로 보내는 응답에 헤더를 붙이지 않습니다: 예외가 데코레이터를 지나가므로 브라우저가 페이지에서 그 오류를 숨깁니다 — after_request가 오류까지 처리하는 CORS(app)는 그렇지 않습니다",
  "config.django.check.old-hidden":
    "{name}이(가) 설정되어 있으므로 django-cors-headers는 값과 상관없이 {old}({line}행)를 읽지 않습니다: 하나만 두고 모든 오리진을 넣으세요",
  "config.django.check.under-condition":
    "{names}는 `{condition}`이 참일 때만 설정됩니다: 그렇지 않은 곳(배포된 인스턴스, DEBUG 꺼짐)에서는 하나도 설정되지 않아 django-cors-headers가 어떤 오리진도 허용하지 않습니다 — 배포된 프런트엔드에 필요한 값은 if 밖에 설정하세요",
  "config.starlette.fix.strip":
    '{line}행에서 나눈 오리진에 쉼표 뒤 공백이 남아(" https://…") 어떤 Origin 헤더와도 같지 않습니다: 각 항목의 공백을 제거했습니다',
  "config.starlette.fix.colon-split":
    '{line}행에서 오리진을 ":"(POSIX의 os.pathsep)로 나누어 각 오리진이 스킴에서 잘립니다({pieces}): "://"가 든 값은 쉼표로 나누고 각 항목의 공백을 제거하도록 했습니다(다른 값은 이전처럼 나눕니다)',
  "config.starlette.fix.beside":
    "{name}이 읽는 값({line}행)은 이 옵션만을 위해 항목을 더할 수 없는 곳에서 만들어지므로 그 옆에 {values}을 나열했습니다: 이전에 허용하던 것은 그대로 허용됩니다",
  "config.starlette.check.colon-split":
    '허용 오리진을 ":"(POSIX의 os.pathsep)로 나누어 모든 오리진이 스킴에서 잘립니다({pieces}): 어느 것도 Origin이 될 수 없습니다 — 목록을 쉼표로 나누세요({origins})',
  "config.starlette.check.origin-space":
    "허용 오리진 {origin}에 목록을 나눌 때의 쉼표 뒤 공백이 남아 있습니다: Starlette는 Origin 전체와 비교하므로 절대 일치하지 않습니다 — 각 항목의 공백을 제거하세요",
  "config.starlette.unknown.sub-app":
    "{path}는 {line}행에서 {prefix}에 마운트한 {name}이 응답하며, 그 앱 자체의 미들웨어는 CORS Lens가 서비스되는 앱의 것으로 읽지 않습니다",
  "config.starlette.check.sub-app":
    "CORSMiddleware가 {line}행에서 {prefix}에 마운트한 {name}에 추가되었습니다: {prefix} 아래 요청만 CORS 헤더를 받고, {app} 자체의 라우트({route}행)는 받지 못합니다 — {app}에 추가하세요",
  "config.starlette.unknown.middleware":
    "{name}(줄 {line})이 CORSMiddleware보다 먼저 실행됩니다(나중에 추가됨): 이것이 먼저 응답하는지 CORS Lens는 알 수 없습니다",
  "config.starlette.unknown.upstream-options":
    "{path}로의 사전 요청이 앱의 라우트에 도달하는데(CORSMiddleware가 응답하지 않음), 그 응답이 기록되지 않았습니다",
  "config.starlette.assumed.route-200": "라우트가 {method} {path}에 200으로 응답한다고 가정합니다(기록 없음)",
  "config.starlette.fix.host":
    'allowed_hosts에 {host} 추가(TrustedHostMiddleware, {line}행): CORSMiddleware보다 먼저 {host}로 가는 페이지의 호출에 CORS 헤더 없이 400 "Invalid host header"로 응답했습니다',
  "config.starlette.check.host-port":
    "allowed_hosts 항목 {value}에 포트가 있습니다: TrustedHostMiddleware는 포트를 뺀 Host 헤더와 비교하므로 이 항목은 절대 맞지 않고, 그 요청은 모두 CORS 헤더 없이 400으로 응답됩니다. {host}(으)로 쓰세요",
  "config.aiohttp.fix.hand-list": "{line}행 미들웨어의 {name}에 {values} 추가",
  "config.aiohttp.fix.hand-catch":
    "{name}({line}행)은 핸들러가 돌려주는 응답에 CORS 헤더를 설정하지만, 핸들러가 raise하는 HTTPException(404, 라우트 없음)은 헤더 없이 지나갑니다: 이제 예외에도 그 헤더를 설정하고 다시 raise합니다",
  "config.aiohttp.fix.hand-preflight":
    "{name}({line}행)은 핸들러 응답에 CORS 헤더를 설정하지만 OPTIONS를 받는 라우트가 없어 프리플라이트의 404/405가 헤더 없이 미들웨어를 지나갔습니다: 이제 OPTIONS에 그 헤더와 함께 204로 직접 응답합니다",
  "config.aiohttp.check.hand-no-preflight":
    "{name}은(는) 핸들러 응답에 CORS 헤더를 설정하지만 OPTIONS를 받는 라우트가 없습니다: 프리플라이트의 404/405는 이 줄을 지나 헤더 없이 나갑니다. {name}에서 OPTIONS에 응답하세요",
  "config.aiohttp.check.hand-raised":
    "줄 {line}의 핸들러가 {raised}을(를) 발생시킵니다: aiohttp는 그 응답을 이 호출 뒤의 {name} 줄들을 거치지 않고 보내므로 CORS 헤더 없이 나가고 페이지가 읽지 못합니다. 이 호출을 try/except web.HTTPException으로 감싸 예외에 헤더를 설정한 뒤 다시 발생시키세요",
  "config.aiohttp.check.hand-methods":
    "이 Access-Control-Allow-Methods에는 앱의 라우트가 받는 {methods}가 빠져 있습니다: 그 호출은 항상 프리플라이트되어 거부됩니다",
  "config.starlette.check.no-allow-origin":
    "이 함수는 오류 처리기(줄 {line})의 응답에 {names}을(를) 설정하지만 브라우저가 가장 먼저 확인하는 Access-Control-Allow-Origin은 설정하지 않습니다: 그것이 없으면 페이지가 그 응답을 읽지 못합니다. Access-Control-Allow-Origin도 설정하세요(요청의 Origin이 앱이 허용하는 것일 때 그 값과 Vary: Origin)",
  "config.starlette.check.handler-outside-cors":
    "Exception 처리기는 CORSMiddleware 바깥의 ServerErrorMiddleware에서 실행됩니다. 이 처리기가 보내는 오류 응답에는 CORS 헤더가 없어 페이지에서 보이지 않으니, 앱의 예외 타입을 처리하거나 CORSMiddleware 안에서 오류에 응답하세요",
  "config.starlette.check.handler-raises":
    "이 예외 처리기는 예외를 다시 발생시킵니다. 새 예외는 다시 처리되지 않고 CORSMiddleware 바깥에서 ServerErrorMiddleware의 500이 되어 CORS 헤더 없이 나갑니다. 대신 응답을 반환하세요",
  "config.starlette.fix.own-option":
    "{line}행의 {name}이(가) 다른 옵션의 목록인 {wrote}를 읽고 있어 {meant}(으)로 바꿨습니다",
  "config.starlette.fix.list": "{name}에 {values} 추가",
  "config.starlette.fix.slash":
    "{value}을(를) {origin}(으)로 고침: Starlette는 Origin 헤더를 문자열 전체로 비교하며, Origin은 슬래시로 끝나지 않습니다",
  "config.starlette.fix.credentials": "allow_credentials=True: 페이지가 자격 증명을 보냅니다",
  "config.starlette.fix.move":
    "add_middleware(CORSMiddleware)(줄 {line})를 {name} 뒤로 옮김: 마지막에 추가된 미들웨어가 먼저 실행되므로 이제 CORS가 먼저 응답합니다",
  "config.starlette.fix.add": "앱의 다른 미들웨어 뒤에 CORSMiddleware 추가(먼저 실행되도록)",
  "config.starlette.fix.add-expose":
    "CORSMiddleware를 앱의 다른 미들웨어 뒤에 추가했습니다(그래서 가장 먼저 실행됩니다). 앱의 라우트가 응답에 쓰는 {expose}도 노출합니다: 다른 출처의 스크립트는 노출된 헤더만 읽을 수 있습니다",
  "config.flask.fix.add-expose":
    "앱을 만든 뒤에 CORS(app, origins=[…], expose_headers=[…])를 추가했습니다. 앱의 라우트가 응답에 쓰는 {expose}도 노출합니다: 다른 출처의 스크립트는 노출된 헤더만 읽을 수 있습니다",
  "config.starlette.fix.server-error":
    'add_middleware(CORSMiddleware)(줄 {line}) 위에 @app.middleware("http")를 추가해 처리되지 않은 예외의 500에 직접 응답함: CORSMiddleware보다 먼저 추가되어 그 안쪽에서 실행되므로 500에 CORS 헤더가 붙습니다(Starlette는 그 500을 모든 미들웨어 바깥의 ServerErrorMiddleware에서 만들며, @app.exception_handler(Exception)도 거기서 실행됩니다)',
  "config.starlette.fix.handler-inside":
    'add_middleware(CORSMiddleware)(줄 {line}) 위에 @app.middleware("http")를 추가해 Exception 처리기(줄 {handler})를 직접 호출함: CORSMiddleware보다 먼저 추가되어 그 안쪽에서 실행되므로 처리기의 응답에 CORS 헤더가 붙습니다(Starlette는 Exception 처리기를 모든 미들웨어 바깥의 ServerErrorMiddleware에서 실행합니다)',
  "config.starlette.cannot.server-error":
    "처리되지 않은 예외의 500은 CORSMiddleware(줄 {line}) 바깥의 Starlette ServerErrorMiddleware가 만들므로 CORS 헤더가 없습니다. 이 파일의 수정으로는 안쪽으로 옮길 수 없습니다: CORSMiddleware보다 먼저 추가한 미들웨어나 라우트에서 예외를 잡으세요",
  "config.starlette.check.error-outside-cors":
    "라우트의 raise {name}(줄 {line})은 이 CORSMiddleware 바깥의 ServerErrorMiddleware가 만드는 500이 됩니다: CORS 헤더가 없어 페이지는 500 대신 CORS 오류를 봅니다(@app.exception_handler(Exception)도 거기서 실행됩니다). CORSMiddleware보다 먼저 추가한 미들웨어에서 잡으세요",
  "config.starlette.check.error-to-handler":
    "라우트의 raise {name}(줄 {line})은 이 Exception 처리기가 응답하는데, Starlette는 이 처리기를 CORSMiddleware(줄 {cors}) 바깥의 ServerErrorMiddleware에서 실행합니다: 그 응답(404도)에는 CORS 헤더가 없어 페이지는 대신 CORS 오류를 봅니다. 처리기를 예외 자신의 클래스로 등록하거나, CORSMiddleware보다 먼저 추가한 미들웨어에서 호출하세요",
  "config.starlette.check.route-method":
    "앱은 {method}를 제공하지만(줄 {line}) CORSMiddleware는 {methods} 메서드만 허용합니다: 교차 출처 {method}의 사전 요청을 거부합니다(400). allow_methods에 {method}를 추가하세요",
  "config.starlette.cannot.order":
    "CORSMiddleware(줄 {line})가 CORS Lens가 옮길 수 없는 곳에 등록되어 있습니다: 직접 마지막에 등록하세요",
  "config.starlette.cannot.no-app":
    "이 파일에 CORSMiddleware를 추가할 FastAPI() 또는 Starlette() 앱이 없습니다",
  "config.starlette.cannot.all-credentials":
    'allow_origins=["*"]인데 페이지가 자격 증명을 보냅니다: allow_credentials=True는 모든 사이트가 사용자 데이터를 읽게 합니다. 대신 출처를 나열하세요',
  "config.starlette.check.order-several":
    "CORSMiddleware가 {names}({lines}행)보다 먼저 추가되었습니다: 마지막에 추가된 것이 먼저 실행되므로 이 미들웨어들은 모두 그 바깥에서 실행되어, 그 응답(401, 429, 리디렉션)에는 CORS 헤더가 없고 사전 요청을 거부합니다. CORSMiddleware를 마지막에 추가하세요",
  "config.flask.check.no-cors":
    "{name}은(는) CORS 헤더를 설정하지 않습니다(flask-cors도, Access-Control-* 헤더도 없음). 다른 출처의 페이지는 응답을 읽을 수 없고, Flask는 프리플라이트에 그 헤더 없이 답합니다. CORS({name}, origins=[…])를 추가하세요(페이지의 HAR와 함께 `cors-lens fix --config`를 실행하면 추가합니다)",
  "config.aiohttp.check.no-cors":
    "{name}은(는) CORS 헤더를 설정하지 않습니다(aiohttp-cors도, Access-Control-* 헤더도 없음). 다른 출처의 페이지는 응답을 읽을 수 없고, 프리플라이트는 405를 받습니다. 라우트에 aiohttp-cors를 설정하세요(페이지의 HAR와 함께 `cors-lens fix --config`를 실행하면 작성합니다)",
  "config.aiohttp.check.no-cors-own-options":
    "{name}은(는) CORS 헤더를 설정하지 않습니다(aiohttp-cors도, Access-Control-* 헤더도 없음). 다른 출처의 페이지는 응답을 읽을 수 없고, {line}번 줄의 라우트가 {path}의 OPTIONS에 앱 자체 핸들러로 답하므로 그곳의 프리플라이트는 CORS 헤더 없는 그 응답을 받습니다. aiohttp-cors는 그 리소스를 받지 않습니다(이미 OPTIONS 핸들러가 있어 cors.add가 ValueError를 냅니다): 앱 자체 미들웨어에서 헤더를 설정하세요(페이지의 HAR와 함께 `cors-lens fix --config`를 실행하면 작성합니다)",
  "config.starlette.check.no-cors":
    "{name}은(는) CORSMiddleware를 추가하지 않고 Access-Control-* 헤더도 설정하지 않습니다. 다른 출처의 페이지는 응답을 하나도 읽을 수 없고 프리플라이트는 405를 받습니다. 페이지의 출처로 CORSMiddleware를 추가하세요(페이지의 HAR와 함께 `cors-lens fix --config`를 실행하면 추가합니다)",
  "config.starlette.check.order":
    "CORSMiddleware가 {name}(줄 {line})보다 먼저 추가되었습니다: 마지막에 추가된 것이 먼저 실행되므로 그 미들웨어의 응답(401, 리디렉션)에는 CORS 헤더가 없고 사전 요청을 거부합니다. CORSMiddleware를 마지막에 추가하세요",
  "config.starlette.check.any-credentials":
    'allow_origins=["*"]와 allow_credentials=True: Starlette는 쿠키 없는 요청에 *로 응답하므로 쿠키가 설정되기 전의 자격 증명 호출(로그인 등)을 브라우저가 거부하고, 사전 요청과 쿠키가 있는 요청에는 어느 출처든 자격 증명과 함께 되돌려 주므로 어느 사이트든 사용자의 데이터를 읽을 수 있습니다. 대신 출처를 나열하세요',
  "config.starlette.fix.any-origin":
    'allow_origins=["*"](줄 {line})을(를) allow_origin_regex=".*"로 바꿈: allow_credentials=True일 때 Starlette는 쿠키 없는 자격 증명 요청에 *로 응답해 브라우저가 거부하고, 쿠키가 있을 때만 출처를 되돌려 줍니다. 정규식은 언제나 각 출처를 되돌려 줍니다. 어느 사이트든 사용자의 자격 증명으로 호출할 수 있는 것은 그대로이니, 의도한 것이 아니면 출처를 나열하세요',
  "config.starlette.check.any-regex-credentials":
    "allow_credentials=True와 allow_origin_regex={regex}: 모든 출처가 자격 증명과 함께 되돌려지므로 어느 사이트든 사용자의 데이터를 읽을 수 있습니다. 대신 출처를 나열하세요",
  "config.starlette.check.origin-form":
    "{origin}은 출처가 아닙니다: Starlette는 Origin 헤더를 문자열 전체로 비교하므로(경로, 끝 슬래시 없이) 절대 일치하지 않습니다",
  "config.flask.unknown.value": "{name}(줄 {line})은 CORS Lens가 평가하지 않는 코드로 계산됩니다: {text}",
  "config.flask.fix.hook-list": "{line}행 after_request 훅의 {name}에 {values} 추가",
  "config.flask.fix.hook-line": "{line}행 after_request 훅이 설정하지 않던 {name}: {value} 설정",
  "config.flask.fix.hook-origin":
    "after_request 훅의 Access-Control-Allow-Origin({line}행)이 {origins}에는 그 오리진으로 응답합니다(다른 오리진에는 예전 값 유지)",
  "config.flask.cannot.hook-origin":
    "{line}행 after_request 훅이 Access-Control-Allow-Origin을 직접 설정하고 파일이 flask의 request를 가져오지 않습니다: 그곳에서 페이지의 오리진을 직접 응답하세요",
  "config.flask.check.hook-headers":
    "이 after_request 훅은 Access-Control-Allow-Origin은 설정하지만 Access-Control-Allow-Headers는 설정하지 않는데, 여기 라우트가 {methods}를 받습니다: JSON 본문의 Content-Type(이나 다른 헤더)은 프리플라이트되고 Flask의 OPTIONS 응답에는 훅이 설정하는 것만 붙으므로 브라우저가 그 호출을 거부합니다",
  "config.flask.check.view-cors-preflight":
    "이 라우트의 뷰가 Access-Control-Allow-Origin을 직접 설정하지만 프리플라이트는 뷰를 실행하지 않습니다: Flask의 자동 OPTIONS가 CORS 헤더 없이 답하므로, 이 라우트의 {methods} 호출 중 프리플라이트되는 것(JSON 본문, 사용자 정의 헤더, PUT·PATCH·DELETE는 항상)을 브라우저가 거부합니다. flask-cors(CORS(app))를 쓰거나, methods에 OPTIONS를 넣고 뷰에서 답하세요",
  "config.flask.check.hook-methods":
    "이 after_request 훅은 Access-Control-Allow-Origin은 설정하지만 Access-Control-Allow-Methods는 설정하지 않는데, 여기 라우트가 {methods}를 받습니다: 이 메서드는 항상 프리플라이트되고 Flask의 OPTIONS 응답에는 훅이 설정하는 것만 붙으므로 브라우저가 거부합니다",
  "config.flask.fix.options-hook":
    "before_request 훅이 모든 OPTIONS 요청에 Flask의 기본 응답으로 답하고, {line}행의 CORS(…)가 이를 완성합니다. 라우트가 없는 경로(API의 404)로 가는 프리플라이트도 더는 거부되지 않으며, 다른 요청은 그대로입니다",
  "config.flask.fix.hook":
    "before_request 훅(줄 {line})이 OPTIONS를 통과시킴: Flask는 사전 요청에도 이 훅을 실행하는데 사전 요청에는 토큰도 쿠키도 없어서, 훅의 응답(401, 리디렉션)이 요청을 거부했습니다. 이제 Flask의 자동 OPTIONS가 flask-cors 헤더와 함께 응답합니다",
  "config.flask.cannot.hook":
    'before_request 훅(줄 {line})이 사전 요청에 직접 응답하는데, CORS Lens가 여기에 OPTIONS 검사를 넣을 수 없습니다: 훅 맨 앞에 `if request.method == "OPTIONS": return None`을 쓰세요',
  "config.flask.fix.strict-slashes":
    "라우트 {rule}(줄 {line})에 strict_slashes=False: Werkzeug가 끝 슬래시 없는 URL을 리디렉션(308)했고, 사전 요청은 리디렉션을 따라갈 수 없습니다. 이제 규칙이 둘 다 매치합니다",
  "config.flask.check.basic-auth-force":
    "BASIC_AUTH_FORCE 때문에 Flask-BasicAuth({line}행)가 프리플라이트를 포함한 모든 요청에 자격 증명을 요구합니다. 프리플라이트에는 자격 증명이 없으므로 401로 응답되고, CORS가 무엇을 더하든 브라우저는 호출을 거부합니다. 대신 뷰를 @basic_auth.required로 보호하거나, 그보다 먼저 OPTIONS를 통과시키세요",
  "config.flask.check.methods-wildcard":
    'flask-cors에서 methods="*"는 와일드카드가 아닙니다. 프리플라이트의 메서드를 문자열 "*"에서 찾는데 찾지 못하므로 Access-Control-Allow-Methods도 -Headers도 보내지 않아, 모든 프리플라이트(JSON 본문, PUT, Authorization 헤더)가 거부됩니다. methods를 빼거나(기본값은 모든 메서드) 메서드를 나열하세요',
  "config.flask.check.hook":
    '이 before_request 훅은 사전 요청(토큰이나 쿠키 없이 전송됨)에도 실행되며 직접 응답(오류, 리디렉션)할 수 있습니다: 그러면 브라우저가 요청을 거부합니다. 훅 맨 앞에서 OPTIONS를 통과시키세요(`if request.method == "OPTIONS": return None`)',
  "config.django.check.not-read":
    "{name}은(는) django-cors-headers 설정이 아닙니다. 패키지가 읽지 않으므로 효과가 없습니다",
  "config.django.check.not-read-near":
    "{name}은(는) django-cors-headers 설정이 아닙니다. 패키지가 읽지 않으므로 효과가 없습니다({near}가 그 설정입니다)",
  "config.flask.check.config-key":
    "{key}는 flask-cors 옵션이 아닙니다: flask-cors는 app.config에서 CORS_ORIGINS, CORS_METHODS, CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, CORS_SUPPORTS_CREDENTIALS, CORS_MAX_AGE, CORS_SEND_WILDCARD, CORS_AUTOMATIC_OPTIONS, CORS_VARY_HEADER, CORS_RESOURCES, CORS_INTERCEPT_EXCEPTIONS, CORS_ALWAYS_SEND만 읽으므로 이 값은 효과가 없습니다",
  "config.flask.check.slash":
    '블루프린트의 "/" 규칙은 url_prefix와 합쳐 {rule}입니다: 슬래시 없는 {url}은 리디렉션(308)으로 응답하며, 사전 요청은 이를 따라갈 수 없습니다. 규칙에 strict_slashes=False를 쓰거나 슬래시가 붙은 URL을 호출하세요',
  "config.flask.check.origin-list":
    "데코레이터 {name}이(가) {value}(줄 {line})을(를) Access-Control-Allow-Origin 하나로 보냅니다: 브라우저는 그곳에 출처 하나만 받으므로 이를 거치는 모든 교차 출처 호출이 거부됩니다. 요청의 출처가 그중 하나이면 그 출처를 보내세요(페이지의 HAR로 `cors-lens fix --config`를 실행하면 작성해 줍니다)",
  "config.flask.unknown.hand-deco":
    "라우트의 methods에 OPTIONS가 있어 뷰가 데코레이터 {name}(줄 {line})을(를) 거쳐 사전 요청에 응답합니다: CORS Lens는 그 응답에 무엇이 담기는지 읽지 못합니다",
  "config.flask.cannot.hand-deco":
    "뷰의 데코레이터 {name}(줄 {line})이(가) Access-Control-Allow-Origin을 직접 설정하므로 flask-cors는 그 응답을 건드리지 않습니다. CORS Lens에는 {code}에 대한 수정이 없습니다: 그곳에서 헤더 값을 바꾸세요",
  "config.flask.fix.hand-deco-origin":
    "{name}(줄 {line})이(가) {value}의 모든 값을 Access-Control-Allow-Origin 하나로 보냈는데 브라우저는 이를 거부합니다: 이제 요청의 출처가 그중 하나이면 그 출처를 보냅니다(목록은 설정된 곳에 그대로 둠). Vary: Origin도 함께 보냅니다",
  "config.flask.unknown.hand-set":
    "after_request 훅(줄 {line})이 Access-Control-* 헤더를 직접 설정합니다. flask-cors는 이미 Access-Control-Allow-Origin이 있는 응답을 건너뛰며, 그 순서는 CORS Lens가 모델링하지 않습니다",
  "config.flask.unknown.config":
    "app.config가 CORS_RESOURCES 또는 계산된 CORS_* 키를 설정합니다(줄 {line}): CORS Lens는 이를 합치지 않습니다",
  "config.flask.unknown.upstream-options":
    "{path}로의 사전 요청은 flask-cors가 아니라 앱이 응답하며, 기록되지 않았습니다",
  "config.flask.assumed.view-200": "뷰가 {method} {path}에 200으로 응답한다고 가정합니다(기록 없음)",
  "config.flask.assumed.automatic-options":
    "{path}의 경로가 OPTIONS를 나열하지 않으므로 Flask가 뷰보다 먼저 사전 요청에 직접 200으로 응답한다고 봅니다. 기록된 {status}는 다른 곳에서 왔습니다(기록할 때 OPTIONS를 받던 뷰, 또는 Flask 앞의 무언가)",
  "config.flask.assumed.options-200":
    "{path}가 라우팅되어 있어 Flask가 사전 요청에 직접 200으로 응답한다고 가정합니다(기록 없음)",
  "config.flask.fix.list": "{name}에 {values} 추가",
  "config.flask.fix.credentials": "supports_credentials=True: 페이지가 자격 증명을 보냅니다",
  "config.flask.fix.resource": "resources 패턴 {pattern} 추가: {path}에 맞는 리소스가 없었습니다",
  "config.flask.assumed.guard-401":
    "{name}({line}번 줄)이 @cross_origin보다 먼저 실행되어, 사전 요청처럼 자격 증명이 없는 요청에 401로 응답한다고 가정합니다(기록 없음)",
  "config.flask.fix.cross-under-route":
    "@cross_origin을 {line}번 줄에서 {route}번 줄의 라우트 데코레이터 바로 아래로 옮김: 그 위에 쓰면 라우트가 등록하지 않는 함수를 꾸밉니다",
  "config.flask.fix.cross-before-auth":
    "@cross_origin을 {line}번 줄에서 {route}번 줄의 라우트 데코레이터 바로 아래로 옮김: {name} 아래에서는 {name}이 (자격 증명이 없는) 사전 요청에 CORS 헤더 없이 응답한 뒤에야 실행되었습니다",
  "config.flask.check.cross-above-route":
    "@cross_origin이 {line}번 줄의 라우트 데코레이터 위에 있습니다: 파이썬은 데코레이터를 아래에서 위로 적용하므로 라우트는 이것 없이 {view}를 등록하고, 응답과 사전 요청 모두 CORS 헤더를 받지 못합니다. 라우트 데코레이터 바로 아래로 옮기세요",
  "config.flask.check.auth-before-cross":
    "{view}에서 {name}이 @cross_origin({line}번 줄)보다 먼저 실행됩니다: 자격 증명이 없는 사전 요청에 CORS 헤더가 붙기 전에 응답합니다. @cross_origin을 라우트 데코레이터 바로 아래로 옮기세요",
  "config.flask.fix.cross-origin":
    "{line}번 줄의 {view}에 {from}번 줄의 @cross_origin 추가: Flask는 그 URL의 {method}와 사전 요청의 OPTIONS를 먼저 선언된 이 뷰로 보내고, flask-cors는 자신이 꾸민 뷰에서만 동작합니다",
  "config.flask.fix.blueprint":
    "{line}번 줄의 CORS({target}, …)와 같은 CORS({name}, …) 추가: 블루프린트에 건 CORS()는 그 블루프린트의 라우트에만 동작합니다",
  "config.flask.fix.add": "앱을 만든 뒤에 CORS(app, origins=[…]) 추가",
  "config.flask.cannot.place":
    "줄 {line}의 옵션은 CORS Lens가 추가할 수 있는 형태가 아닙니다: 직접 추가하세요",
  "config.flask.cannot.all-credentials":
    'origins가 모든 사이트("*")를 허용하고 페이지가 쿠키를 보냅니다: supports_credentials=True는 모든 사이트가 사용자의 쿠키로 데이터를 읽게 하고, origins를 좁히면 지금 허용된 사이트가 차단됩니다. 패치하지 않았습니다: 쿠키가 필요한 사이트만 있다면 나열하세요(예: origins=["{origin}"], supports_credentials=True)',
  "config.flask.cannot.no-app": "이 파일에 CORS()에 넘길 Flask() 앱이 없습니다",
  "config.flask.cannot.resource": "{path}에 맞는 CORS 리소스가 없습니다: resources 패턴을 직접 추가하세요",
  "config.flask.check.any-credentials":
    "모든 출처를 허용하면서(origins 기본값 *) supports_credentials=True: flask-cors가 어떤 출처든 자격 증명과 함께 반사합니다",
  "config.flask.check.regex":
    "{origin}에 정규식 문자가 있어 flask-cors가 정규식으로 읽습니다(re.match, 시작만 고정): 이스케이프하지 않은 점은 아무 문자와 일치합니다. 점을 이스케이프하고 $로 끝내세요",
  "config.flask.check.cross-shadowed":
    "{view}의 @cross_origin은 {rule}의 사전 요청에 응답하지 않습니다: Flask는 OPTIONS를 그 URL에 먼저 선언된 {first}({line}번 줄)로 보내며, 그 뷰에는 데코레이터가 없어 사전 요청에 CORS 헤더가 붙지 않습니다. {first}에도 붙이세요",
  "config.flask.check.no-route":
    "flask-cors를 설정했지만 이 파일의 어느 라우트({rules})에도 헤더가 붙지 않습니다: 맞는 resources 패턴이 없습니다",
  "config.flask.check.blueprint":
    "CORS({target})는 {target} 블루프린트의 라우트에만 동작합니다: {rule}({line}번 줄, 블루프린트 {name})에는 CORS 헤더가 붙지 않습니다. CORS({name}, …)도 호출하거나 CORS(app, …)를 쓰세요",
  "config.flask.check.unknown-option":
    "{name}은(는) flask-cors 옵션이 아닙니다{suggest, select, none {} other {({suggest}을(를) 뜻했나요?)}}: flask-cors는 아무 말 없이 무시하므로 기본값이 그대로입니다",
  "config.django.error.split":
    "CORS 설정이 {first}와 {second}에 모두 있고 어느 쪽도 다른 쪽을 가져오지(from … import *) 않습니다: 서로 다른 설정 모듈입니다. Django가 실행하는 모듈(DJANGO_SETTINGS_MODULE)과 그 모듈이 가져오는 모듈을 넘기세요",
  "config.django.mw.unknown.code":
    "{file}:{line}: 미들웨어가 CORS Lens가 평가하지 않는 코드를 실행하며, 그 코드가 응답을 바꿀 수 있습니다: {text}",
  "config.django.mw.unknown.view-options":
    "{path}로 가는 프리플라이트가 뷰에 도달하는데(미들웨어가 직접 응답하지 않음), 뷰의 응답이 기록되지 않았습니다",
  "config.django.mw.error.several":
    "{file}에 CORS 헤더를 설정하는 미들웨어가 여럿 있습니다({names}): settings.py도 넘기세요. 어떤 것이 어떤 순서로 실행되는지 MIDDLEWARE가 알려 줍니다",
  "config.django.mw.fix.list": "{header}(줄 {line})에 {values} 추가",
  "config.django.mw.fix.add":
    "Access-Control-Allow-Origin 옆에 {header}: {values} 설정(페이지의 프리플라이트가 요구함)",
  "config.django.mw.fix.reflect":
    "{origins}을(를) Access-Control-Allow-Origin으로 돌려보내고 Access-Control-Allow-Credentials: true를 함께 보냄(페이지가 자격 증명을 보내며, *는 이를 허용하지 않음), Vary: Origin 추가. 다른 출처는 여전히 *를 받음",
  "config.django.mw.fix.options":
    "{name}이(가) 프리플라이트를 뷰로 넘기지 않고 직접 응답(빈 200)합니다. 뷰는 프리플라이트를 거부했습니다",
  "config.django.mw.fix.move":
    "{name}(줄 {line})을(를) MIDDLEWARE 맨 위, {above} 위로 옮김: 그 위의 미들웨어가 CORS 헤더 없이 응답했습니다",
  "config.django.mw.fix.credentials":
    "허용된 출처(줄 {line}) 옆에 Access-Control-Allow-Credentials: true 설정: 페이지가 자격 증명을 보냅니다",
  "config.django.mw.fix.origins": "미들웨어가 허용하는 출처 목록(줄 {line})에 {values} 추가",
  "config.django.mw.cannot.move":
    "직접 작성한 미들웨어가 넘긴 설정의 MIDDLEWARE에 한 줄에 하나씩 적힌 항목이 아닙니다: MIDDLEWARE 맨 위로 직접 옮기세요",
  "config.django.mw.cannot.options":
    "뷰가 프리플라이트에 응답하는데, 미들웨어에 OPTIONS 응답을 넣을 수 있는 `response = self.get_response(request)` 한 줄이 없습니다: 미들웨어에서 OPTIONS에 직접 응답하게 고치세요",
  "config.django.mw.cannot.not-listed":
    "직접 작성한 미들웨어가 MIDDLEWARE에 없습니다: 모듈 경로로 MIDDLEWARE 맨 위에 추가하세요",
  "config.django.mw.cannot.no-request":
    "Access-Control-Allow-Origin은 {line}행의 {method}()에서 설정되는데 이 메서드는 요청을 받지 않습니다: 거기서는 페이지의 Origin을 읽을 수 없습니다. 요청을 넘기도록 바꾼 뒤(예: self.{method}(request, response)) fix를 다시 실행하세요",
  "config.django.mw.cannot.value":
    "{header}(줄 {line})은(는) 이 파일에 적힌 문자열이 아니거나 추가할 수 있는 곳에 설정되지 않았습니다: 직접 고치세요",
  "config.django.mw.cannot.origin":
    "미들웨어가 {origin}에 Access-Control-Allow-Origin을 보내지 않고, 출처를 비교하는 목록도 찾지 못했습니다: 직접 허용하세요",
  "config.django.mw.cannot.reflect-any":
    "미들웨어가 어떤 요청의 Origin이든 돌려보냅니다(줄 {line}): 거기에 Access-Control-Allow-Credentials: true를 더하면 모든 웹사이트가 사용자의 데이터를 읽을 수 있습니다. 먼저 출처를 목록과 비교하세요",
  // check rules of a hand-written middleware (src/config/django/hand-check.ts)
  "config.django.mw.check.max-age":
    "Access-Control-Max-Age: {value}는 Chromium의 상한 7200초(Firefox: 86400초)보다 큽니다: 프리플라이트는 최대 2시간만 캐시되고 그 뒤 다시 보내집니다. 오류는 아니며, 더 큰 값이 적용되지 않을 뿐입니다",
  "config.django.mw.check.any-credentials":
    "Access-Control-Allow-Origin: *와 Access-Control-Allow-Credentials: true(줄 {line})를 함께 보냅니다: 쿠키나 Authorization을 보내는 호출은 브라우저가 모두 거부합니다. * 대신 허용할 출처를 돌려보내세요",
  "config.django.mw.check.reflect-credentials":
    "어떤 요청의 Origin이든 Access-Control-Allow-Origin으로 돌려보내면서 Access-Control-Allow-Credentials: true(줄 {line})를 보냅니다: 모든 웹사이트가 사용자의 쿠키로 이 API를 읽을 수 있습니다. 먼저 출처를 목록과 비교하세요",
  "config.django.mw.check.no-vary":
    'Access-Control-Allow-Origin이 요청의 Origin 그대로인데 Vary: Origin이 없습니다: 캐시가 한 사이트의 응답을 다른 사이트에 줄 수 있습니다. patch_vary_headers(response, ("Origin",))를 추가하세요',
  "config.django.mw.check.preflight-passed-on":
    "이 미들웨어는 프리플라이트를 나머지 스택으로 넘기는데, 그 아래의 {name}({line}행)이 프리플라이트에는 없는 자격 증명을 검사합니다. get_response 전에 여기서 OPTIONS에 응답하세요",
  "config.django.mw.check.order":
    "{name}이(가) {above}(줄 {line}) 뒤에 있습니다. 그 미들웨어가 CORS 헤더 없이 먼저 응답할 수 있습니다(리다이렉트, 정적 파일): {name}을(를) MIDDLEWARE 맨 위로 옮기세요",
  "config.django.mw.check.order-unknown":
    "{name}이(가) {above}(줄 {line}) 뒤에 있습니다: 그 미들웨어가 직접 만든 응답(401, 403, 리다이렉트)에는 CORS 헤더가 붙지 않습니다. {name}을(를) 그 위로 옮기세요",
  "config.django.mw.check.two-layers":
    "{name}(줄 {line})과 django-cors-headers의 CorsMiddleware가 둘 다 CORS 헤더를 설정합니다: 응답마다 바깥쪽 값이 이기고, 먼저 실행되는 쪽이 프리플라이트에 응답합니다. 하나만 남기세요",
  "config.aiohttp.unknown.code":
    "{line}번 줄은 CORS Lens가 따라가지 않는 코드로 라우트나 CORS를 만듭니다: {text}",
  "config.aiohttp.unknown.value":
    "{line}번 줄의 CORS 옵션은 CORS Lens가 평가하지 않는 코드로 계산됩니다: {text}",
  "config.aiohttp.unknown.crash": "앱이 시작되지 않습니다: aiohttp-cors가 {line}번 줄에서 예외를 냅니다",
  "config.aiohttp.unknown.no-setup":
    "CorsViewMixin 뷰가 프리플라이트에 답하지만 aiohttp_cors.setup()이 호출되지 않았습니다",
  "config.aiohttp.unknown.upstream-options":
    "{path}의 프리플라이트에는 앱의 자체 OPTIONS 핸들러가 답하며, 그 응답은 기록되지 않았습니다",
  "config.aiohttp.assumed.handler-200": "핸들러가 {method} {path}에 200으로 답한다고 가정(기록 없음)",
  "config.aiohttp.assumed.raised":
    "기록된 {status}은(는) {line}행 핸들러가 raise하는 web.{name}입니다: 예외는 {middleware}의 헤더 설정 줄이 실행되기 전에 지나갑니다",
  "config.aiohttp.crash.keyword":
    "ResourceOptions()에는 {name} 인자가 없습니다: 앱이 시작할 때 TypeError로 멈춥니다",
  "config.aiohttp.crash.dict-key":
    "옵션 dict에는 {name}을(를) 쓸 수 없습니다(allow_credentials, expose_headers, allow_headers, max_age만 가능): 시작할 때 aiohttp-cors가 ValueError를 냅니다. ResourceOptions(…)를 쓰세요",
  "config.aiohttp.crash.value":
    "{name}은(는) True나 False여야 합니다: 시작할 때 ResourceOptions가 ValueError를 냅니다",
  "config.aiohttp.crash.string":
    '{name}이(가) 시퀀스가 아니라 문자열 {value}입니다(원소 하나인 튜플은 쉼표가 필요: ("{value}",)): 시작할 때 ResourceOptions가 ValueError를 냅니다',
  "config.aiohttp.crash.options":
    "{path}에 이미 OPTIONS 핸들러가 있습니다({line}번 줄): aiohttp-cors가 자체 프리플라이트 핸들러를 추가하므로 시작할 때 cors.add가 ValueError를 냅니다. 그 OPTIONS 라우트를 지우세요",
  "config.aiohttp.crash.view":
    "클래스 기반 뷰 {view}({line}번 줄)가 aiohttp_cors.CorsViewMixin을 상속하지 않습니다: 시작할 때 cors.add가 ValueError를 냅니다",
  "config.aiohttp.crash.any":
    '{path}에 모든 메서드용 라우트({line}번 줄, add_route("*", …))가 일반 핸들러로 있습니다: 시작할 때 cors.add가 ValueError를 냅니다. CorsViewMixin 뷰나 메서드별 라우트를 쓰세요',
  "config.aiohttp.crash.twice":
    "{method} {path}({line}번 줄)에 CORS가 두 번 추가됩니다: 시작할 때 cors.add가 ValueError를 냅니다(라우트를 cors.add에 넘긴 뒤 모든 라우트 루프에서 또 넘겼나요?)",
  "config.aiohttp.fix.list": "{name}에 {values} 추가",
  "config.aiohttp.fix.credentials": "allow_credentials=True: 페이지가 자격 증명을 보냅니다",
  "config.aiohttp.fix.origin": "{origins} 추가: aiohttp-cors는 출처를 정확한 문자열로 비교합니다",
  "config.aiohttp.fix.origin-like":
    "{origins}을(를) {like}({line}번 줄)와 같은 옵션으로 추가: aiohttp-cors는 출처를 정확한 문자열로 비교합니다",
  "config.aiohttp.fix.setup":
    "모든 라우트에 aiohttp-cors를 설정해 {origins}을(를) 허용 (CORS 설정이 없었습니다)",
  "config.aiohttp.fix.defaults":
    "aiohttp_cors.setup()에 {origins}을(를) 담은 defaults= 추가: defaults도 config도 없으면 어떤 출처도 허용되지 않습니다",
  "config.aiohttp.fix.move-loop-call":
    "{line}행의 {call}은(는) {loop}행의 루프로 그때까지 등록된 라우트만 cors.add에 넘기므로 {after}행 아래로 옮겼습니다: 그 뒤에 등록된 라우트는 넘겨지지 않았습니다",
  "config.aiohttp.fix.slash-alias":
    "{path}는 normalize_path_middleware({line}행)가 {to}로 리디렉션하는데, 리디렉션에는 CORS 헤더가 없습니다(프리플라이트는 리디렉션을 따라갈 수도 없습니다): {route}행의 라우트를 {path}에도 등록했습니다",
  "config.aiohttp.check.normalize-redirect":
    "normalize_path_middleware는 끝 슬래시 없는 URL을 슬래시가 있는 라우트({path}, {route}행)로 리디렉션합니다: 리디렉션에는 CORS 헤더가 없으므로 슬래시 없는 URL로 하는 교차 출처 호출은 거부됩니다 — 슬래시 있는 URL을 호출하거나 라우트를 둘 다 등록하세요",
  "config.aiohttp.fix.move-loop":
    "cors.add 루프({loop}번 줄)를 마지막 라우트({after}번 줄) 아래로 옮김: 루프는 그 앞에 등록된 라우트만 다룹니다",
  "config.aiohttp.fix.hook-first":
    "{hook}(줄 {line})을(를) 줄 {before} 위로 옮겼습니다: aiohttp는 시작 훅을 추가된 순서대로 실행하고, 라우트를 cors.add에 넘기는 훅(줄 {loop})은 자신이 실행되기 전에 등록된 라우트만 다뤘습니다 — 이제 이 훅의 라우트가 먼저 등록됩니다",
  "config.aiohttp.fix.wrap":
    "{method} {path}를 cors.add(…)에 넘김: cors.add를 거치지 않아 CORS 헤더도 프리플라이트 핸들러도 없었습니다",
  "config.aiohttp.check.static":
    "이 조건 때문에 정적 경로 {path}({line}행)가 aiohttp-cors에서 빠집니다. 그 파일은 Access-Control-Allow-Origin 없이 다른 출처로 갑니다. aiohttp-cors는 정적 경로도 다른 경로처럼 받습니다",
  "config.aiohttp.fix.static":
    "{line}행 반복문의 조건이 정적 경로 {path}를 aiohttp-cors에서 빼는데, aiohttp-cors는 정적 경로도 다른 경로처럼 받습니다. 조건을 지우고 모든 경로를 추가했습니다",
  "config.aiohttp.fix.loop":
    "마지막 라우트({after}번 줄) 뒤에서 모든 라우트를 cors.add에 넘김: aiohttp-cors는 cors.add에 넘긴 라우트에만 동작합니다",
  "config.aiohttp.cannot.shared":
    "옵션은 {name}()({line}번 줄)에서 오며, 그것을 부르는 모든 라우트가 함께 씁니다: 거기를 고치면 모두 바뀌므로 거부된 라우트의 옵션을 직접 고치세요",
  "config.aiohttp.cannot.place":
    "{line}번 줄의 옵션은 CORS Lens가 덧붙일 수 있는 형태가 아닙니다: 직접 추가하세요",
  "config.aiohttp.cannot.crash":
    "앱이 시작되지 않습니다({line}번 줄): 그것부터 고친 뒤 fix를 다시 실행하세요",
  "config.aiohttp.cannot.no-route": "이 앱에는 {method} {path}에 답하는 라우트가 없습니다",
  "config.aiohttp.cannot.cover":
    "{method} {path}({line}번 줄)는 cors.add에 넘겨지지 않았고 CORS Lens가 그 등록을 감쌀 수 없습니다: 직접 cors.add에 넘기세요",
  "config.aiohttp.cannot.own-options":
    "{path}의 프리플라이트는 aiohttp-cors가 아니라 앱의 자체 OPTIONS 핸들러({line}번 줄)로 갑니다",
  "config.aiohttp.cannot.origin":
    '{origin}을(를) 추가하면 다른 라우트의 "*" 항목 옵션을 가리게 됩니다: 직접 추가하세요',
  "config.aiohttp.cannot.view-method":
    "뷰 {view}에 {method} 메서드가 없습니다: aiohttp-cors가 프리플라이트를 거부합니다",
  "config.aiohttp.fix.own-middleware":
    "{line}번 줄의 라우트가 {path}의 OPTIONS에 앱 자체 핸들러로 답하는데, aiohttp-cors는 이를 받지 않습니다(리소스에 이미 OPTIONS 핸들러가 있어 cors.add가 ValueError를 냅니다): {origin}을(를) 허용하는 CORS 헤더를 앱 자체 미들웨어 {name}이(가) 모든 응답에 붙입니다. 그 핸들러가 프리플라이트에 하는 응답도 포함됩니다",
  "config.aiohttp.fix.own-middleware-expose":
    "{line}번 줄의 라우트가 {path}의 OPTIONS에 앱 자체 핸들러로 답하는데, aiohttp-cors는 이를 받지 않습니다(리소스에 이미 OPTIONS 핸들러가 있어 cors.add가 ValueError를 냅니다): {origin}을(를) 허용하는 CORS 헤더를 앱 자체 미들웨어 {name}이(가) 모든 응답에 붙입니다. 그 핸들러가 프리플라이트에 하는 응답도 포함됩니다. 앱의 핸들러가 응답에 쓰는 {expose}도 노출합니다: 다른 출처의 스크립트는 노출된 헤더만 읽을 수 있습니다",
  "config.aiohttp.cannot.own-place":
    "앱이 OPTIONS에 자체 핸들러로 답하고({line}번 줄) aiohttp-cors는 이를 받지 않는데, 이 파일이 앱을 만드는 곳에는 CORS Lens가 미들웨어를 추가할 수 없습니다: Application에 CORS 미들웨어를 직접 추가하세요",
  "config.aiohttp.cannot.own-preflight":
    "{path}의 프리플라이트를 받는 라우트가 없고(aiohttp는 405를 모든 미들웨어 너머로 냅니다), {refused}의 앱 자체 OPTIONS 핸들러({line}번 줄) 때문에 aiohttp-cors도 설정할 수 없습니다: 그 프리플라이트에는 직접 답하세요",
  "config.aiohttp.cannot.own-origins":
    "앱이 OPTIONS에 자체 핸들러로 답하고({line}번 줄) aiohttp-cors는 이를 받지 않습니다. CORS Lens가 대신 쓰는 미들웨어는 모든 응답에 Allow-Origin 하나를 보내는데, 호출은 {origins}에서 옵니다: 요청의 Origin을 이 목록과 비교해 돌려보내는 미들웨어를 직접 쓰세요",
  "config.aiohttp.cannot.no-setup":
    "이 파일은 aiohttp_cors.setup()을 호출하지 않습니다: 먼저 aiohttp-cors를 설정하세요(setup, defaults, 라우트마다 cors.add)",
  "config.aiohttp.check.origin":
    "{origin}은(는) 출처가 아닙니다(scheme://host[:port], 경로·끝 슬래시·와일드카드 없이): aiohttp-cors는 Origin 헤더를 이 값과 정확한 문자열로 비교하므로 절대 맞지 않습니다",
  "config.aiohttp.check.any-credentials":
    '"*"와 allow_credentials=True: aiohttp-cors가 요청의 출처를 그대로 자격 증명과 함께 돌려주므로 모든 사이트가 사용자의 쿠키로 이 응답을 읽을 수 있습니다',
  "config.aiohttp.check.no-origin":
    "aiohttp_cors.setup()에 defaults가 없고 어떤 cors.add도 config를 넘기지 않습니다: 허용된 출처가 없어 모든 프리플라이트가 403이고 어떤 응답에도 CORS 헤더가 없습니다",
  "config.aiohttp.check.after-startup-walk":
    "이 시작 훅은 실행될 때 한 번 라우트를 cors.add에 넘깁니다(줄 {loop}). {method} {path}는 그 뒤에 추가된 시작 훅 {hook}(줄 {hookLine})이 등록합니다 — aiohttp는 훅을 그 순서로 실행하므로 이 라우트에는 CORS 헤더가 없고 사전 요청에도 응답하지 않습니다: {hook}을(를) 먼저 추가하세요",
  "config.aiohttp.check.after-loop":
    "{method} {path}는 cors.add 루프({loop}번 줄) 뒤에 등록됩니다. 루프는 그 앞에 등록된 라우트만 다루므로 CORS 헤더가 없고 프리플라이트에도 답하지 않습니다",
  "config.aiohttp.check.not-added":
    "{method} {path}는 cors.add에 한 번도 넘겨지지 않습니다: aiohttp-cors가 CORS 헤더를 붙이지 않고 프리플라이트에도 답하지 않습니다",
  "config.aiohttp.check.split":
    "{method} {path}는 같은 경로의 두 번째 리소스에 있습니다(첫 리소스 {line}번 줄 뒤에 다른 경로가 등록됨): 프리플라이트는 {method}를 허용하지 않는 첫 리소스로 가서 403을 받습니다. 그 경로의 라우트를 함께 등록하거나 allow_methods를 추가하세요",
  "config.aiohttp.unknown.outer-middleware":
    "미들웨어 {name}(줄 {line})가 CORS 미들웨어보다 먼저 실행되어 먼저 답할 수 있습니다. 그 답은 기록되지 않았습니다",
  "config.aiohttp.assumed.outer-answered":
    "CORS 미들웨어보다 앞에 나열된 미들웨어 {name}(줄 {line})가 답했습니다: 기록된 응답에 Allow-Origin이 없습니다",
  "config.aiohttp.fix.outer-first":
    "{name}를 middlewares=[…](줄 {line})의 맨 앞으로 옮겼습니다: aiohttp는 목록의 첫 항목을 가장 바깥에서 실행하므로 {outer}의 응답(401)이 그 미들웨어에 닿지 않아 CORS 헤더 없이 나갔습니다. 이제 모든 응답에 헤더를 붙입니다",
  "config.aiohttp.check.hand-order":
    "{name}가 스스로 답하는(401) {outer}(줄 {line}) 뒤에 나열되어 있습니다: aiohttp는 목록의 첫 항목을 가장 바깥에서 실행하므로 그 응답은 {name}에 닿지 않아 CORS 헤더가 없습니다. {name}를 맨 앞에 두세요",
  "config.aiohttp.unknown.middleware":
    "미들웨어 {name}({line}번 줄)는 aiohttp-cors의 프리플라이트 핸들러보다 먼저 실행되어 먼저 답할 수 있습니다. 프리플라이트에 대한 그 응답은 기록되지 않았습니다",
  "config.aiohttp.fix.middleware":
    "미들웨어 {name}({line}번 줄)에서 OPTIONS를 먼저 통과시킴: aiohttp-cors의 프리플라이트 핸들러보다 먼저 실행되고, 프리플라이트에는 자격 증명도 사용자 지정 헤더도 없습니다",
  "config.aiohttp.check.middleware":
    "미들웨어 {name}는 핸들러를 부르기 전에 답하고 OPTIONS를 통과시키지 않습니다: aiohttp-cors의 프리플라이트 핸들러가 그 안에서 실행되므로 프리플라이트(자격 증명·사용자 지정 헤더 없음)가 CORS 헤더 없는 그 응답을 받습니다",
  "config.aiohttp.check.middleware-at":
    "미들웨어 {name}는 핸들러를 부르기 전에 줄 {line}에서 답하고 OPTIONS를 통과시키지 않습니다: aiohttp-cors의 프리플라이트 핸들러가 그 안에서 실행되므로 프리플라이트(자격 증명·사용자 지정 헤더 없음)가 CORS 헤더 없는 그 응답을 받습니다. 그 줄 위에서 OPTIONS를 통과시키세요",
  "config.aiohttp.unknown.own-headers":
    "앱이 Access-Control-* 헤더를 직접 설정합니다({line}번 줄): CORS Lens는 그 코드를 모델링하지 않습니다",
};

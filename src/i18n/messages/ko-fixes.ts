import type { enFixes } from "./en-fixes";

/** 수정 코드의 위치 설명과 주석. 여러 줄 주석은 "\n"으로 나누고, 각 줄 앞에 스택의 주석 기호가 붙는다. */
export const koFixes: Record<keyof typeof enFixes, string> = {
  "fix.change.no-setup":
    "이 서버의 어떤 응답에도 CORS 헤더가 없었습니다. 아래 설정을 안내된 위치에 추가하고, 파일에 아직 import가 없다면 import도 추가하세요.",
  "fix.change.add":
    "{setup}의 `{option}`에 {items}을(를) 추가하세요. 이미 있는 항목은 그대로 둡니다{hasAbsent, select, yes {(`{option}`이 아직 없다면 `{absent}`를 추가하세요)} mirrors {(`{option}`이 없다면 이미 요청한 모든 헤더를 허용하므로 그대로 두세요)} other {}}.",
  "fix.change.string-regex":
    "`{option}`이(가) 문자열 하나(`'a, b'`)라면 라이브러리는 이를 정규 표현식 하나로 읽어 어떤 이름과도 맞지 않습니다. 먼저 그 문자열의 이름들을 목록으로 바꾼 뒤(`{option}=['a', 'b']`) 추가하세요.",
  "fix.change.star":
    "{setup}의 `{option}`에서 `*`를 {items}(으)로 바꾸세요{hasAbsent, select, yes {(`{option}`이(가) 없으면 기본값이 `*`이므로 `{absent}`을(를) 추가하세요)} other {}}. 자격 증명을 보내는 요청은 `*`와 일치하지 않습니다. `*`로 허용되던 다른 출처도 목록에 넣어야 합니다.",
  "fix.change.set": "{setup}에서 `{option}`을(를) `{value}`(으)로 설정하세요.",
  "fix.change.wrap":
    "{setup}은(는) 그대로 두고, `{in}`에 넘기는 핸들러의 가장 바깥을 `{wrapper}(…)`로 감싸 인증과 mux보다 바깥에 두세요(`{in}(addr, {wrapper}({curried, select, yes {…)(} other {}}auth(mux)))`). 그래야 다른 무엇보다 먼저 사전 요청에 응답합니다.",
  "fix.change.move-last":
    "{setup}을(를) 모듈 끝, 다른 모든 미들웨어 뒤로 옮기세요. 마지막에 추가한 미들웨어가 먼저 실행되므로 CORS가 다른 미들웨어보다 먼저 응답합니다. 옵션은 그대로 둡니다.",
  "fix.change.insert-fastapi-errors":
    '아래 미들웨어(`@app.middleware("http")`부터)를 `app.add_middleware(CORSMiddleware, …)` 바로 위에 추가해, CORS가 이것을 감싸고 처리되지 않은 예외가 CORS 헤더가 있는 500이 되게 하세요. 기존 CORSMiddleware는 그대로 둡니다.',
  "fix.change.insert-aiohttp-preflight":
    "아래 미들웨어를 `aiohttp_cors.setup(…)` 호출 바로 위에 추가하세요. `app.middlewares`의 맨 앞에 들어가므로 사전 요청이 인증 미들웨어보다 먼저 aiohttp-cors에 닿습니다. 기존 설정은 그대로 둡니다.",
  "fix.change.move":
    "{setup}을(를) `{after}` 바로 다음 줄로 옮겨 다른 모든 미들웨어, 훅, 라우트보다 앞에 두세요. 옵션은 그대로 둡니다.",
  "fix.label.change": "지금 설정에서 바꿀 부분",
  "fix.label.imports": "파일에 아직 import가 없다면",
  "fix.label.snippet": "CORS 설정이 아직 없다면 추가",
  "fix.label.form": "{form, select, esm {ES 모듈} cjs {CommonJS} other {}}",
  "fix.verified":
    "{versions}, Chromium 156에서 npm run test:fixes로{on, select, seed {, 시드의 직접 작성한 미들웨어에서} proxy {, 단독으로 그리고 앱 앞에서} rack {, Rails가 아닌 일반 Rack에서} other {}}",
  "fix.generic-headers.where": "API의 모든 응답에. 오류 응답과 사전 요청 응답도 포함합니다.",
  "fix.generic-headers.origin-of": "<요청의 Origin이 다음 중 하나일 때 그 값: {origins}>",
  "fix.generic-headers.preflight": "사전 요청(OPTIONS) 응답: 상태 204, 어떤 인증보다도 먼저",
  "fix.generic-headers.actual": "모든 실제 응답, 오류 응답(4xx/5xx) 포함",

  "fix.express.where":
    "앱의 진입 파일에서 `const app = express()` 바로 다음, 다른 모든 app.use()(정적 파일, 라우터, 인증, 본문 파서)보다 앞에 둡니다. 이미 cors() 호출이 있는 앱은 두 번째를 추가하지 말고 위의 변경을 하세요.",
  "fix.express.place": "`const app = express()` 바로 다음, 다른 모든 app.use()보다 앞에.",
  "fix.express.note.preflight-before-auth":
    "인증 미들웨어보다 위에: 사전 요청(자격 증명이 실리지 않음)에는 cors()가 직접 응답합니다.",
  "fix.express.note.preflight-route":
    "cors()가 OPTIONS에 직접 응답하므로 라우트에 OPTIONS 핸들러가 필요 없습니다.",
  "fix.express.note.error-responses":
    "가장 먼저 등록하므로 본문 파서, 검증기, 라우트가 실패하기 전에 헤더가 설정됩니다.",
  "fix.express.note.no-preflight-redirect":
    "가장 먼저 등록하므로 리디렉션 규칙보다 먼저 사전 요청에 응답합니다.",

  "fix.fastify.where":
    "`const app = fastify()` 바로 다음, 모든 라우트와 인증·리디렉션을 하는 onRequest 훅보다 앞에 둡니다(훅은 추가한 순서대로 실행됩니다). 이미 @fastify/cors를 등록한 앱은 두 번 등록하지 말고 위의 변경을 하세요.",
  "fix.fastify.place":
    "`const app = fastify()` 바로 다음에 등록해, 이 onRequest 훅이 나중에 추가한 훅(인증, 리디렉션)보다\n먼저 실행되게 합니다. 기본 훅이 라우팅과 본문 파싱 전에 사전 요청에 응답합니다.",

  "fix.koa.where":
    "`const app = new Koa()` 바로 다음, 다른 모든 app.use()(인증, 본문 파서, 라우터)보다 앞에 둡니다. 이미 cors() 미들웨어가 있는 앱은 두 번째를 추가하지 말고 위의 변경을 하세요.",
  "fix.koa.place": "`const app = new Koa()` 바로 다음, 다른 모든 app.use()보다 앞에.",

  "fix.hono.where":
    "`const app = new Hono()` 바로 다음, 모든 라우트와 다른 app.use()보다 앞에 둡니다(인증이 먼저면 인증이 사전 요청에 응답합니다). 이미 cors() 미들웨어가 있는 앱은 두 번째를 추가하지 말고 위의 변경을 하세요.",
  "fix.hono.place": "`const app = new Hono()` 바로 다음, 모든 라우트와 다른 미들웨어보다 앞에.",

  "fix.django.where":
    "직접 작성한 CORS 미들웨어 클래스를 이것으로 바꾸고(같은 모듈), MIDDLEWARE에서 CommonMiddleware와 모든 인증 미들웨어보다 위, 맨 처음에 두세요.",
  "fix.django.place":
    "직접 작성한 CORS 미들웨어 클래스를 대체합니다. MIDDLEWARE의 맨 처음에 두어야 CommonMiddleware의 리디렉션과\n인증보다 먼저 사전 요청에 응답하고, 오류 응답에도 헤더를 붙입니다.",

  "fix.django-cors-headers.where":
    "settings.py의 맨 끝에 둡니다. 앱과 미들웨어가 없을 때만 추가하고, CorsMiddleware를 맨 앞에 두며, 앞서 설정한 CORS_* 값을 덮어씁니다.",
  "fix.django-cors-headers.place":
    "settings.py의 맨 끝에. CorsMiddleware는 맨 앞에 둡니다. CommonMiddleware(그렇지 않으면 APPEND_SLASH\n리디렉션이 사전 요청에 응답함)와 모든 인증 미들웨어보다 위입니다.",

  "fix.fastapi.where":
    "앱을 만드는 모듈의 맨 끝, 다른 모든 app.add_middleware()나 @app.middleware 뒤에 둡니다(마지막에 추가한 미들웨어가 먼저 실행되므로 CORS가 인증보다 먼저 응답합니다). 이미 CORSMiddleware가 있는 앱은 두 번째를 추가하지 말고 위의 변경을 하세요.",
  "fix.fastapi.place":
    "마지막 add_middleware 호출로: Starlette는 마지막에 추가한 미들웨어를 먼저 실행합니다.",
  "fix.fastapi.errors":
    "처리되지 않은 예외는 CORSMiddleware 바깥의 ServerErrorMiddleware가 CORS 헤더 없이 응답합니다\n(exception_handler(Exception)도 그곳에 있습니다). CORSMiddleware 안에서 500 응답으로 바꾸세요.",

  "fix.flask-cors.where":
    "`app = Flask(__name__)` 바로 다음에 둡니다. 리디렉션된 사전 요청이라면 끝 슬래시 리디렉션도 끕니다. 위에 변경이 있다면 기존 CORS(app, …) 호출에서 그 변경을 하세요. 기존 호출 옆에 CORS(app, …)를 하나 더 붙여도 해가 없습니다(flask-cors는 이미 CORS 헤더가 있는 응답을 건드리지 않습니다).",
  "fix.flask-cors.place": "app = Flask(__name__) 바로 다음에.",
  "fix.flask-cors.strict-slashes":
    "Werkzeug는 /items/로 선언한 라우트에 대한 /items 요청에 CORS 코드보다 먼저 308 리디렉션으로 응답합니다.",
  "fix.flask-cors.before-auth":
    "모든 before_request 훅보다 먼저 사전 요청에 응답합니다. 인증은 사전 요청을 거부할 것입니다(자격 증명이 없으므로).",

  "fix.nginx.where":
    "API를 제공하는 모든 `location`의 맨 위에 둡니다(자체 add_header가 있는 location에는 상위의 add_header가 상속되지 않으므로 각각에). 기존 `add_header Access-Control-*` 줄과 OPTIONS용 `if` 블록을 대체하고, proxy_pass / root / return은 그대로 둡니다.",
  "fix.nginx.place":
    "API의 모든 location 블록 맨 위에, 기존 add_header Access-Control-* 줄을 대체해서.\n`always`: 4xx/5xx에도 붙입니다. `if` 안의 add_header는 상속된 헤더를 대체하므로 반복해서 씁니다.\nproxy_hide_header: 업스트림 앱이 보내는 CORS 헤더가 두 번 도착하는 것을 막습니다(proxy_pass가 없으면 무시됨).",

  "fix.apache.where":
    "API의 <VirtualHost> 안에 둡니다(.htaccess는 인증 뒤에 실행되므로 안 됨). 기존 `Header … Access-Control-*` 줄을 대체하세요. mod_headers, mod_rewrite, mod_setenvif가 필요합니다.",
  "fix.apache.place":
    "API의 VirtualHost 안에(.htaccess는 인증 뒤에 실행되므로 안 됨), 기존 Header … Access-Control-* 줄을\n대체해서. mod_headers, mod_rewrite, mod_setenvif가 필요합니다.\nunset 줄은 애플리케이션(또는 프록시 뒤의 백엔드)이 직접 보내는 사본을 지웁니다.",
  "fix.apache.preflight": "인증이나 애플리케이션이 보기 전에 여기서 사전 요청에 응답합니다.",

  "fix.caddy.where":
    "API를 제공하는 사이트 블록 안, 맨 앞(reverse_proxy, file_server, respond보다 앞)에 둡니다. 기존 header Access-Control-* 줄은 대체하세요.",
  "fix.caddy.place": "API 사이트 블록의 맨 앞, reverse_proxy / file_server / respond보다 앞에.",
  "fix.caddy.redir":
    "Caddy의 지시어 순서에서 redir는 handle보다 앞이라 사전 요청에 먼저 응답합니다.\nAPI의 모든 redir에 사전 요청을 건너뛰는 이름 있는 매처를 붙이세요. 예:",
  "fix.caddy.defer": "defer: 응답을 쓴 뒤에 적용되어 업스트림이 보낸 사본을 대체합니다.",
  "fix.caddy.errors":
    "defer 없이: 지연된 헤더가 닿지 않는 Caddy 자체의 오류 응답(basicauth의 401)에도 붙습니다.",
  "fix.caddy.auth":
    "Caddy의 지시어 순서에서 basicauth와 forward_auth는 handle보다 앞이라 (자격 증명이 없는) 사전 요청을\n먼저 거부합니다. 기존 경로는 그대로 두고 OPTIONS를 건너뛰는 이름 있는 매처를 붙이세요. 예:",

  "fix.s3.where":
    "버킷의 CORS 구성(콘솔 → 권한 → CORS, 또는 `aws s3api put-bucket-cors`)에서 기존 규칙을 대체합니다.",
  "fix.spring.where":
    "@Configuration 클래스에 둡니다. Spring Security를 쓴다면 http.cors()도 호출해 사전 요청이 인증보다 먼저 통과하게 하세요.",
  "fix.spring.security":
    "Spring Security를 쓴다면 http.cors(Customizer.withDefaults())도 호출해 사전 요청이 인증보다 먼저 통과하게 하세요.",
  "fix.aspnet.where":
    "Program.cs: 서비스 등록에서 AddCors를, UseRouting 뒤와 UseAuthentication 앞에서 UseCors를 호출합니다.",
  "fix.aspnet.place":
    "UseRouting 뒤, UseAuthentication/UseAuthorization 앞에 두어 사전 요청에 먼저 응답합니다.",

  "fix.rails.where":
    "Rails에서는 config/initializers/cors.rb(기존 allow 블록 대체). 일반 Rack 앱에서는 `use Rack::Cors do … end`로 적어(기존 `use Rack::Cors` 블록 대체) config.ru에서 인증보다 앞, 첫 번째 미들웨어로 둡니다.",
  "fix.rails.errors":
    "일반 Rack 앱에서는(Rails는 스스로 예외를 처리함) 예외를 Rack::Cors 안에서 500으로 바꿔야 합니다.\n그러지 않으면 서버가 CORS 헤더 없이 응답합니다. 이 클래스를 정의하고 `use Rack::Cors` 블록 바로 다음에\n`use ErrorsInsideCors`를 두세요.",
  "fix.rails.place":
    "insert_before 0으로 인증과 오류 처리 미들웨어보다 앞에 둡니다\n(일반 Rack 앱에서는 config.ru의 첫 줄에 `use Rack::Cors do … end`).",

  "fix.go.where":
    "직접 작성한 CORS 미들웨어를 이 함수로 바꾸고, 인증 미들웨어 바깥에서 mux 전체를 감싸세요: http.ListenAndServe(addr, withCORS(mux)).",
  "fix.go.place": "mux 전체를 감싸 오류 응답과 OPTIONS에도 헤더가 붙게 합니다: withCORS(mux).",
  "fix.go-rs-cors.place":
    'import "github.com/rs/cors"; mux 전체를 감싸세요: http.ListenAndServe(addr, c.Handler(mux)).',
  "fix.go-rs-cors.where":
    "cors.New에 넘기는 cors.Options를 이것으로 바꾸고(없다면 추가), 인증 미들웨어 바깥에서 핸들러 전체를 감싸세요: http.ListenAndServe(addr, c.Handler(mux)).",
  "fix.laravel.where":
    "config/cors.php를 이것으로 바꾸고(Laravel 9.2 이상은 라우팅과 인증보다 먼저 HandleCors가 이 파일을 적용합니다. 그 이전 버전은 fruitcake/laravel-cors가 필요합니다) php artisan config:clear를 실행하세요. 이미 이 파일이 있는 앱은 위의 변경을 대신 적용합니다. Laravel과 fruitcake/php-cors의 소스를 읽고 작성했으며, CORS Lens의 수정 테스트 모음에서 실행하지는 않았습니다(Debian의 Laravel 8에는 HandleCors가 없습니다).",
  "fix.laravel.place":
    "'paths' => ['*']는 모든 라우트에 적용됩니다. 페이지가 API만 호출한다면 그 경로만(['api/*']) 나열하세요.",
  "fix.php.where":
    "모든 요청이 거치는 스크립트(index.php, 프런트 컨트롤러)의 맨 위, <?php 바로 다음, 어떤 출력이나 인증보다 앞에 둡니다. 이미 이 헤더를 보내는 앱은 위의 변경을 대신 적용합니다.",
  "fix.php.place": "<?php 바로 다음, 어떤 출력이나 인증 검사보다 앞에 둡니다.",
  "fix.gorilla-handlers.place":
    "인증 미들웨어 바깥에서 라우터 전체를 감싸세요: http.ListenAndServe(addr, handlers.CORS(…)(router)). 이미 있는 handlers.CORS(…) 바깥에 두면 여기 나열한 출처에는 이것이 먼저 응답합니다.",
  "fix.gorilla-handlers.where":
    "http.ListenAndServe에 넘기는 핸들러를 인증 미들웨어 바깥에서 이것으로 감싸세요: http.ListenAndServe(addr, handlers.CORS(…)(router)). 이미 handlers.CORS(…)가 있는 앱은 위의 변경을 대신 적용합니다.",
  "fix.aiohttp-cors.place":
    "모든 라우트를 추가한 뒤, web.run_app(app) 전에 둡니다. 이미 OPTIONS에 응답하는 리소스는 그대로 둡니다.",
  "fix.aiohttp-cors.where":
    "앱을 만드는 모듈에서 마지막 라우트를 추가한 뒤, web.run_app(app) 전에 둡니다. aiohttp_cors.setup을 이미 호출하는 앱은 위의 변경을 대신 적용합니다.",
  "fix.aiohttp-cors.preflight-first":
    "aiohttp는 라우트 핸들러보다 모든 미들웨어를 먼저 실행합니다. 자격 증명이 없는 사전 요청은\n대신 aiohttp-cors의 핸들러로 바로 보냅니다.",
};

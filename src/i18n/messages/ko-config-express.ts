/** Express 앱의 `cors-lens check|fix --config`(한국어). 코드는 그대로 둔다. */
import type { enConfigExpress } from "./en-config-express";

export const koConfigExpress: Record<keyof typeof enConfigExpress, string> = {
  "config.express.unknown.value": "값 {code}({line}행)는 CORS Lens가 읽을 수 있는 리터럴이 아닙니다",
  "config.express.unknown.env-origin":
    "{code}({line}행)는 환경 변수로 만들어져 여기서는 알 수 없고 {origin}과(와) 같을 수 있습니다: 같은지 보여 주는 기록된 응답이 없습니다",
  "config.express.unknown.mutated":
    "{name}은(는) 작성된 뒤 CORS Lens가 따라가지 않는 방식으로 바뀝니다({line}행): 여기서는 그 값을 알 수 없습니다",
  "config.express.unknown.options":
    "cors() 옵션 {name}({line}행)이 이 파일의 객체 리터럴이 아니어서 CORS Lens가 읽을 수 없습니다",
  "config.express.unknown.koa-nested":
    "라우터를 다른 라우터 안에서 사용합니다(줄 {line}). @koa/router는 그 라우트를 바깥 라우터의 접두사 아래로 복사하는데, CORS Lens는 이를 모델링하지 않습니다",
  "config.express.unknown.no-app":
    "이 파일의 최상위에서도, 앱을 반환하는 함수 하나나 클래스 생성자 하나에서도 `{maker}` 앱을 만들지 않습니다",
  "config.express.unknown.middleware":
    "미들웨어 {name}({line}행)이 먼저 실행되어 응답할 수 있습니다. CORS Lens는 그 동작을 알 수 없습니다",
  "config.express.unknown.options-handler":
    "{path}에 대한 프리플라이트가 라우트 핸들러에 도달하는데, 그 응답이 기록되지 않았습니다",
  "config.express.unknown.function": "{line}행의 함수는 CORS Lens가 평가할 수 없습니다",
  "config.express.unknown.code": "{line}행의 코드는 CORS Lens가 평가할 수 없습니다",
  "config.express.unknown.hono-own-response":
    "{line}행의 핸들러는 어떤 경로에서는 직접 만든 new Response를, 다른 경로에서는 c.json/text/body로 만든 응답을 반환합니다: Hono는 앞서 c.header()로 설정한 CORS 헤더를 뒤의 것에만 유지하며, 이 요청이 어느 쪽을 받았는지 알 수 없습니다",
  "config.express.unknown.no-next":
    "{line}행의 미들웨어는 이 요청에서 next()를 호출하지도 응답하지도 않습니다",
  "config.express.assumed.auth": "요청이 보낸 자격 증명이 인증 미들웨어({line}행)를 통과한다고 가정합니다",
  "config.express.assumed.origin-recorded":
    "{line}행의 origin 함수는 평가하지 않습니다: {origin}에 대한 판정은 기록에 나온 대로입니다",
  "config.express.assumed.env-origin-recorded":
    "{code}({line}행)는 환경 변수로 만들어져 여기서는 알 수 없습니다: {origin}과(와) 같은지는 기록에 나온 대로입니다",
  "config.express.assumed.route": "라우트가 {method} {path}에 200으로 응답한다고 가정합니다(기록 없음)",
  "config.express.assumed.static": "{path}의 파일이 있다고 가정합니다(200으로 제공)",
  "config.express.note.other-file": "{file}은(는) 읽지 않습니다. Express 앱을 만드는 파일만 읽습니다",
  "config.express.note.no-app":
    "{file}의 최상위에서도, 앱을 반환하는 함수 하나나 클래스 생성자 하나에서도 `{maker}` 앱을 만들지 않습니다",
  "config.express.fix.move":
    "cors()를 앱의 다른 미들웨어보다 앞으로 옮겼습니다. {before}행의 등록이 먼저 응답했습니다(Express는 등록 순서대로 미들웨어를 실행합니다)",
  "config.express.fix.header-corrected":
    "허용 헤더 목록(줄 {line})의 {name}을(를) {meant}(으)로 고쳤습니다. 오타인 이름은 어떤 브라우저도 보내지 않아, 페이지의 {meant}이(가) 프리플라이트에서 거부되었습니다",
  "config.express.check.allowed-header-misspelled":
    "허용 헤더의 {name}은(는) 브라우저가 보내는 헤더가 아닙니다. {meant}의 오타로 보이며, 페이지의 {meant}은(는) 프리플라이트에서 거부됩니다",
  "config.express.fix.router-cors":
    "{router}를 만드는 곳에 {router}.use(cors(…)) 추가: {line}행의 cors()는 다른 라우터 안에서만 쓰여 {router}의 응답에 CORS 헤더가 없었습니다",
  "config.express.fix.koa-lift":
    "{line}행의 {router}.use(cors(…))를 {mount}행 앞, 앱으로 옮겼습니다. @koa/router는 라우트가 받는 요청에만 라우터의 미들웨어를 실행하는데, 프리플라이트(OPTIONS)를 받는 라우트가 없습니다",
  "config.express.fix.chain-first":
    "{line}행의 cors(…)는 먼저 응답하는 것 뒤에 체인으로 이어져 있어, 그 체인 바로 앞에 따로 한 번 더 등록했습니다. 먼저 응답된 요청(과 그 프리플라이트)에는 CORS 헤더가 없었습니다",
  "config.express.fix.app-wide":
    "{line}행 라우트의 cors(…)를 라우트보다 앞에서 앱 전체에 적용했습니다. 실패한 요청(과 그 프리플라이트)을 처리하는 라우트에는 cors()가 없었습니다",
  "config.express.fix.options-route":
    "{path}에 app.options 추가: {line}행 라우트의 cors()는 프리플라이트(OPTIONS)를 보지 못합니다",
  "config.express.fix.hand-preflight":
    "{line}행의 미들웨어는 CORS 헤더를 직접 설정하고 프리플라이트를 다음으로 넘겨, 뒤에서 오류로 응답되었습니다. 이제 프리플라이트(OPTIONS)에 그 헤더와 함께 204로 직접 응답합니다",
  "config.express.fix.origin-boolean":
    '{line}행의 origin 함수는 true나 false를 반환하는데, hono/cors는 그 값을 그대로 Access-Control-Allow-Origin("true")으로 보냅니다: 검사를 통과하면 요청의 오리진을, 아니면 null을 반환하게 했습니다',
  "config.express.check.origin-boolean":
    '이 origin 함수는 true나 false를 반환합니다: hono/cors는 그 값 자체를 Access-Control-Allow-Origin("true")으로 보내며 어떤 페이지와도 맞지 않습니다. 오리진(또는 null)을 반환하세요',
  "config.express.fix.origin-trim":
    '{line}행에서 나눈 오리진에 쉼표 뒤 공백이 남아(" https://…") 어떤 Origin 헤더와도 같지 않습니다: 각 항목의 공백을 제거했습니다',
  "config.express.fix.origin-env-list":
    "{line}번째 줄이 환경 변수 {env}에서 나누는 origin 목록(여기서는 기본값으로 읽음) 뒤에 {origins} 추가: {env}가 설정된 곳에서도 그 origin들은 그대로 허용되고 {origins}도 함께 허용됨",
  "config.express.fix.origin": "허용 오리진에 {origins} 추가",
  "config.express.check.hono-base-path":
    "basePath({base}) 아래의 {path}에 건 cors()는 {path}가 아니라 {base}{path}에서 실행됩니다. Hono는 use() 경로에도 기본 경로를 붙이니 기본 경로를 빼고 쓰세요",
  "config.express.check.regex-global":
    "origin 정규식 {regex}에 g(또는 y) 플래그가 있습니다. test()가 매번 직전 일치가 끝난 곳에서 시작해 같은 출처가 번갈아 허용되고 거부되니 플래그를 빼세요",
  "config.express.check.options-only":
    "cors()가 OPTIONS {path}에서만 실행됩니다. 프리플라이트에는 헤더가 붙지만 실제 요청(GET이나 프리플라이트 뒤의 PUT)에는 붙지 않아 거부됩니다. app.use(cors(…))는 둘 다에 실행됩니다",
  "config.express.check.docs-example":
    "allowHeaders가 문서의 예시 값({values}) 그대로입니다. 앱 페이지가 보내는 헤더(Authorization, Content-Type 등)는 프리플라이트에서 거부되니 그 헤더들을 적으세요",
  "config.express.check.no-cors":
    "{name}은(는) CORS 헤더를 설정하지 않습니다(cors 미들웨어도, Access-Control-* 헤더도 없음). 다른 출처의 페이지는 응답을 읽을 수 없습니다. 페이지의 HAR와 함께 `cors-lens fix --config`를 실행하면 그 출처용 미들웨어를 추가합니다",
  "config.express.check.header-name":
    "{name}은(는) 올바른 헤더 이름이 아닙니다(필드 이름에는 ':'나 공백이 없음). 설정할 때 Node가 예외를 던져 이 응답은 CORS 헤더 없는 500이 됩니다. {fixed}(으)로 쓰세요",
  "config.express.check.hono-path":
    "Hono에서 {path}의 cors()는 {path} 하나만 맞습니다: 그 아래 라우트({route})는 CORS 헤더를 받지 못합니다 — {path}/*로 쓰세요",
  "config.fastify.check.default-methods":
    "`methods` 없는 @fastify/cors는 GET, HEAD, POST만 허용합니다: {methods} 라우트의 프리플라이트가 거부됩니다 — 메서드를 나열하세요",
  "config.express.check.refused-before-cors":
    "이 미들웨어가 {line}행의 cors()보다 먼저 {method} 프리플라이트에 직접 응답합니다({status}): 브라우저가 호출을 거부합니다 — cors()를 이 위에 등록하세요",
  "config.express.check.origin-invalid":
    'Access-Control-Allow-Origin {value}는 브라우저가 받는 값이 아닙니다("*", "null", 오리진 하나(scheme://host[:port])만 됩니다): 모든 응답이 거부됩니다',
  "config.express.fix.credentials-list":
    "{line}행의 credentials 함수가 자격 증명을 허용하는 목록에 {origins} 추가",
  "config.express.fix.origin-wildcard":
    '{line}행의 {value}는 브라우저가 받는 Access-Control-Allow-Origin 값이 아닙니다("*", "null", 오리진 하나만 됩니다): 뜻한 대로 모든 오리진인 "*"로 바꿨습니다',
  "config.express.fix.keep-wildcard":
    "다른 모든 오리진에는 *를 유지하고, {origins}에는 자기 오리진을 돌려줍니다(자격 증명에 필요). origin 콜백 사용",
  "config.express.fix.hono-base":
    "Hono는 {line}행의 cors() 경로 {path}를 앱의 basePath {base} 아래({base}{path})로 잡습니다. 기본 경로를 뺀 경로로 썼습니다",
  "config.express.fix.hono-path":
    "Hono에서 {line}행의 cors() 경로 {path}는 그 경로 하나만 맞습니다. 아래 경로까지 닿도록 /*를 붙였습니다",
  "config.express.assumed.opaque":
    "{line}행의 미들웨어는 CORS Lens가 따라가지 않는 코드입니다. 이미 설정된 CORS 헤더와 함께 응답하는 것으로 봅니다(응답을 직접 쓰지 않음)",
  "config.express.fix.header-name":
    "{line}행의 헤더 이름 {name}은(는) 올바른 필드 이름이 아니어서 설정할 때 예외가 나고 그런 응답은 모두 500이 됩니다. {fixed}(으)로 고쳤습니다",
  "config.express.fix.early-builder":
    "핸들러는 {name}(req)로 CORS 헤더를 설정하는데, 그 앞의 무언가가 먼저 응답했습니다. {line}행 뒤의 미들웨어가 모든 응답에 같은 헤더를 설정합니다",
  "config.express.fix.blank-origin":
    "{line}행이 이미 설정된 Access-Control-Allow-Origin을 빈 값으로 덮어써서 지웠습니다",
  "config.express.fix.add": "cors 미들웨어를 추가해 {origins} 허용",
  "config.express.fix.add-expose":
    "cors 미들웨어를 추가해 {origins}을(를) 허용하고 {expose}을(를) 노출했습니다: 앱의 라우트가 응답에 쓰는 헤더로, 다른 출처의 스크립트는 노출된 헤더만 읽을 수 있습니다",
  "config.express.cannot.hand-set":
    "{name}이(가) CORS Lens가 확장할 수 없는 값으로 직접 설정되어 있습니다. 직접 고치세요",
  "config.express.cannot.not-reached":
    "{path}에는 cors()가 실행되지 않습니다({status} 응답). 그 경로가 응답되는 곳에 cors()를 등록하세요",
  "config.express.cannot.origin-listed":
    "{origins}은(는) 이미 {fn}번째 줄의 origin 옵션이 읽는 {line}번째 줄 목록에 있는데도 거부됩니다: CORS Lens는 이유를 알 수 없습니다. origin 옵션을 직접 고치세요",
  "config.express.fix.origin-json":
    "{line}행의 오리진은 문자열에 쓴 JSON 배열입니다: cors는 문자열을 그대로 하나의 Access-Control-Allow-Origin으로 보내며 브라우저는 이를 받지 않습니다. 이제 파싱해 목록의 각 오리진에 그 오리진으로 응답합니다",
  "config.express.fix.origin-split":
    "{line}번째 줄의 쉼표로 구분된 origin을 목록으로 바꿨습니다: cors는 문자열을 Access-Control-Allow-Origin 하나로 그대로 보내며, origin이 둘 이상이면 브라우저가 거부합니다. 이제 목록의 각 origin이 자기 origin을 받습니다",
  "config.express.fix.koa-credentials-fn":
    "credentials: {origins}에만 true인 함수: @koa/cors가 그 출처에는 자기 출처와 자격 증명으로, 다른 출처에는 전처럼 *로 답합니다(credentials: true는 모든 출처에 자격 증명을 줍니다)",
  "config.express.check.hono-double-wildcard":
    "Hono는 {path}를 그 아래 모든 경로로 읽지 않습니다: 이 미들웨어는 그 아래 라우트({route} 등) 어디에서도 실행되지 않아 CORS 헤더가 붙지 않습니다. {fixed}로 쓰세요",
  "config.express.fix.koa-thrown":
    "줄 {line}의 await next()를 감쌌습니다: 라우트가 던지는 오류(ctx.throw(404) 등)가 위에서 설정한 CORS 헤더를 함께 가져갑니다. Koa의 오류 처리기는 그때까지 설정된 헤더를 모두 지우고 오류의 headers만 보내기 때문입니다. 오류는 전처럼 다시 던져집니다",
  "config.express.cannot.koa-thrown":
    "라우트가 오류를 던져 Koa의 오류 처리기가 줄 {line}의 미들웨어가 설정한 CORS 헤더를 지웠습니다: CORS Lens가 감쌀 `await next();`를 그곳에서 찾지 못했습니다. next() 주변에서 오류를 잡아 CORS 헤더를 err.headers에 넣으세요",
  "config.express.fix.hono-own-response":
    "줄 {line}의 {call}이 이제 {c}.res에 헤더를 설정합니다: Context의 응답이 만들어지기 전에 {c}.header()로 설정한 헤더는 Context가 만드는 응답(c.json, c.text, c.body)에만 들어가므로, 핸들러가 직접 만든 new Response(…)에는 빠졌습니다. Hono는 {c}.res의 헤더를 핸들러가 반환한 Response에 합칩니다",
  "config.express.cannot.hono-own-response":
    "줄 {line}의 c.header() 호출은 Context의 응답이 만들어지기 전에 CORS 헤더를 설정하고, 핸들러가 직접 만든 new Response(…)가 그것을 버립니다: CORS Lens가 그 인자를 다시 쓸 수 없습니다. 대신 c.res.headers에 설정하세요(또는 await next() 뒤에)",
  "config.express.fix.koa-origin-host":
    '줄 {line}의 origin 함수는 {read}, 곧 서버 자신의 Host(Koa의 request host)를 검사했는데, 어떤 페이지의 Origin도 그것과 같지 않아 모든 페이지가 대체 출처를 받았습니다: 이제 같은 목록에 대해 페이지의 출처인 {ctx}.get("Origin")을 검사합니다',
  "config.fastify.unknown.raw-handoff":
    "{line}번째 줄의 라우트가 raw 응답(reply.raw)을 {name}에 넘기며, 그쪽이 @fastify/cors가 reply에 넣은 헤더 없이 응답할 수 있음(Fastify는 reply를 직접 보낼 때만 그 헤더를 씀): CORS Lens는 그것이 무엇을 하는지 볼 수 없음",
  "config.fastify.fix.raw-handoff":
    "{line}번째 줄이 raw 응답을 넘기기 전에 reply {reply}의 헤더(@fastify/cors가 설정한 것)를 raw 응답에 복사: {name}은 raw 응답으로 답하고, Node는 그 헤더 없이 보냄",
  "config.fastify.cannot.raw-handoff":
    "{line}번째 줄의 라우트가 raw 응답을 {name}에 넘기고, 그쪽은 @fastify/cors의 헤더 없이 응답함: 그 앞에서 {reply}.getHeaders()를 {reply}.raw에 (setHeader로) 직접 복사할 것",
  "config.fastify.fix.raw-headers":
    "줄 {line}의 {reply}.raw.writeHead가 이제 {reply}.getHeaders()도 보냅니다: raw 응답에 직접 쓰는 라우트는 writeHead에 준 헤더만 보내므로, @fastify/cors가 reply에 둔 헤더(Access-Control-Allow-Origin, Vary)가 나가지 않았습니다",
  "config.fastify.cannot.raw-headers":
    "라우트가 reply.raw.writeHead(줄 {line})로 응답을 쓰는데, 그것은 자신에게 준 헤더만 보내고 @fastify/cors가 reply에 둔 헤더는 보내지 않습니다. CORS Lens가 그 인자를 읽을 수 없습니다: reply.getHeaders()를 함께 넘기세요",
  "config.express.check.extra-argument":
    "{method}()는 이름과 값 하나만 받습니다: {extra}는 무시되므로 {name}에 들어가지 않습니다. 모든 값을 한 문자열에 쓰세요",
  "config.fastify.check.raw-write":
    "이 라우트는 {reply}.raw.writeHead로 응답을 쓰는데, 그것은 자신에게 준 헤더만 보냅니다: @fastify/cors가 reply에 둔 헤더(Access-Control-Allow-Origin, Vary)는 나가지 않습니다. {reply}.getHeaders()를 함께 넘기세요",
  "config.express.check.hono-own-response":
    "이 Access-Control-Allow-Origin은 Context에 응답이 생기기 전에 {c}.header()로 설정되고, 줄 {line}의 핸들러는 직접 만든 new Response(…)를 반환합니다: Hono는 그 Response를 이렇게 설정된 헤더 없이 보내므로 페이지가 읽지 못합니다. {c}.res.headers.set(…)으로 설정하거나(Context의 응답이 만들어지고 Hono가 그 헤더를 옮겨 줍니다) {c}.body/{c}.text/{c}.json을 반환하세요",
  "config.express.unknown.hono-etag":
    "줄 {line}의 etag()에 CORS Lens가 읽을 수 없는 retainedHeaders가 주어졌습니다: 304가 어떤 헤더를 유지하는지는 앱이 실행되는 곳에서 정해집니다",
  "config.express.fix.hono-etag":
    "etag()(줄 {line})는 일치하는 If-None-Match에 유지 헤더만 남긴 자체 304로 응답하므로 {headers}가 사라져 페이지가 읽을 수 없었습니다: 이제 hono/etag의 기본 목록 뒤에 함께 유지합니다",
  "config.express.check.hono-etag":
    "이 etag()는 일치하는 If-None-Match에 만드는 304에 유지 헤더만 남기는데, (줄 {line}의 cors()가 설정한) Access-Control-Allow-Origin은 그 안에 없습니다: If-None-Match를 직접 보내는 페이지는 브라우저가 거부하는 304를 받습니다(브라우저 자체의 캐시 재검증만 예외). retainedHeaders에 'access-control-allow-origin'을 추가하세요",
  "config.fastify.check.raw-handoff":
    "이 라우트는 {reply}.raw를 {name}에 넘기고, 그쪽은 raw 응답으로 답합니다: Node는 @fastify/cors가 reply에 둔 헤더(Access-Control-Allow-Origin, Vary) 없이 그것을 보내므로 페이지가 읽지 못합니다. 이 호출 전에 {reply}.getHeaders()를 {reply}.raw에 (setHeader로) 복사하세요",
  "config.fastify.check.raw-handoff-unread":
    "이 라우트는 {reply}.raw를 {name}에 넘깁니다: 그쪽이 raw 응답으로 답하면(인증 라이브러리의 Node 핸들러처럼) Node는 @fastify/cors가 reply에 둔 헤더 없이 그 응답을 보냅니다. 이 호출 전에 {reply}.getHeaders()를 {reply}.raw에 (setHeader로) 복사하세요",
  "config.express.check.preflight-to-catch-all":
    "이 미들웨어는 CORS 헤더를 직접 설정하지만 프리플라이트(OPTIONS)를 다음으로 넘깁니다: OPTIONS {path}를 받는 라우트가 없고, Express가 스스로 답하기 전에 줄 {line}의 catch-all이 {status}로 답하므로 브라우저가 프리플라이트를 거부합니다. 여기서 OPTIONS에 답하거나(res.sendStatus(204)) cors 패키지를 쓰세요",
  "config.koa2cors.unknown.async-origin":
    '줄 {line}의 origin 함수는 async인데 koa2-cors는 그것을 await하지 않습니다: Promise를 Allow-Origin으로("[object Promise]") 보내며, 어떤 브라우저도 받지 않습니다. 일반 함수로 바꾸세요',
  "config.koa2cors.unknown.not-list":
    'koa2-cors는 {name}을 .join(",")으로 잇습니다: 목록이 아닌 값이면 예외가 나서 요청이 오류로 응답됩니다. {name}을 목록으로 쓰세요',
  "config.koa2cors.fix.credentials-origins":
    "koa2-cors는 `*`를 제외한 모든 응답 출처에 자격 증명을 허용합니다: origin이 이제 {origins}에는 자신의 출처로(자격 증명과 함께), 다른 모든 페이지에는 이전처럼 `*`로(자격 증명 없이) 답하는 함수입니다",
  "config.koa2cors.check.not-list":
    'koa2-cors는 {name}을 .join(",")으로 잇습니다: 여기에 문자열이 있으면 그것을 읽는 첫 요청에서 예외가 나고 Koa는 CORS 헤더 없이 500으로 응답합니다. 목록(["GET", "POST"])으로 쓰세요',
  "config.fastify.check.default-methods-object":
    "`methods` 없는 @fastify/cors는 GET, HEAD, POST만 허용합니다: {methods} 라우트의 프리플라이트가 거부됩니다 — 그 옵션(줄 {line})에 메서드를 나열하세요",
  "config.express.check.koa-thrown":
    "라우트가 오류를 던지면(줄 {line}) Koa의 오류 처리기가 그때까지 설정된 헤더를 모두 지웁니다: 이 Access-Control-Allow-Origin은 그 오류 응답에 없으므로 페이지가 읽지 못합니다. await next() 주변에서 오류를 잡아 CORS 헤더를 err.headers에 넣거나 @koa/cors(keepHeadersOnError)를 쓰세요",
  "config.express.check.localhost-port":
    "{value}에는 포트가 없습니다: 80번 포트의 페이지 출처일 뿐입니다. 개발 서버의 페이지(http://localhost:5173, :3000)는 출처에 포트를 담아 보내므로 허용되지 않습니다. 포트까지 적은 출처를 나열하세요",
  "config.express.fix.koa-origin-ctx":
    '{line}번째 줄의 origin 함수는 Origin이 아니라 ctx를 받습니다: 이제 {name}을(를) ctx.get("Origin")으로 읽어, 검사가 요청의 origin을 봅니다',
  "config.express.check.koa-origin-ctx":
    '@koa/cors는 origin 함수를 Origin이 아니라 ctx로 호출합니다: 여기서 {name}은(는) 컨텍스트라 origin과 비교해도 일치하지 않고 CORS 헤더가 전혀 보내지지 않습니다. ctx.get("Origin")을 읽으세요',
  "config.express.check.koa-origin-host":
    '{read}은(는) 페이지의 origin이 아니라 API 자신의 Host 헤더입니다: origin 함수가 목록에서 어떤 페이지도 찾지 못해 모든 페이지가 기본값을 받습니다. ctx.get("Origin")을 읽으세요',
  "config.express.cannot.origin-function":
    "{line}행의 origin 옵션은 CORS Lens가 확장할 수 없는 코드입니다. 오리진을 직접 허용하세요",
  "config.express.check.koa-origin-list":
    "@koa/cors의 origin은 문자열이나 ctx를 받는 함수이고 목록은 받지 않습니다. 목록을 통째로, 모든 오리진이 든 Access-Control-Allow-Origin 하나로 보내므로 브라우저가 거부합니다. 함수에서 각 오리진에 그 오리진으로 응답하세요",
  "config.express.check.cors-first":
    "이 cors()가 같은 경로에서 먼저 실행되어 자신이 응답하는 모든 프리플라이트를 끝냅니다. 옵션이 다른 {line}행의 cors()에는 프리플라이트가 가지 않으므로 프리플라이트는 이 cors()의 헤더를 받습니다. 의도한 옵션의 cors() 하나만 두거나 둘에 같은 옵션을 주세요",
  "config.express.check.wildcard-in-list":
    'origin 목록 안의 "*"는 다른 항목처럼 Origin 헤더와 그대로 비교되는데, 어떤 페이지의 Origin도 "*"가 아니므로 아무 페이지도 허용하지 않습니다. 모든 출처를 허용하려면 목록이 아닌 origin: "*"로 쓰고, 아니면 출처를 나열하세요',
  "config.express.check.after-auth-router":
    "cors()가 {line}행의 라우터 뒤에 등록되었습니다. 그 라우터의 인증 미들웨어가 받는 모든 요청에 먼저 실행되므로 그 401(자격 증명이 없는 프리플라이트의 401도)은 CORS 헤더 없이 나갑니다. cors()를 그 라우터보다 먼저 등록하세요",
  "config.fastify.check.after-auth-plugin":
    "@fastify/cors가 {line}행의 플러그인 뒤에 등록되었습니다. 그 플러그인은 캡슐화를 건너뛰어 같은 컨텍스트에 인증 훅을 추가합니다. 훅은 추가된 순서대로 실행되므로 그 401(자격 증명이 없는 프리플라이트의 401도)은 CORS 헤더 없이 나갑니다. @fastify/cors를 그보다 먼저 등록하세요",
  "config.express.check.preflight-first":
    "이 라우트가 일치하는 모든 프리플라이트에 자신의 cors()로 먼저 응답합니다. 옵션이 다른 {line}행의 cors()에는 프리플라이트가 가지 않습니다. 둘에 같은 옵션을 주거나 이 라우트를 지우세요",
  "config.express.check.origin-error":
    "origin 콜백이 오류로 거부합니다. Express는 거부된 오리진의 프리플라이트에 CORS 헤더 없는 500으로 응답하므로 브라우저에는 거부 대신 CORS 오류가 보입니다. callback(null, false)를 쓰세요",
  "config.express.check.hand-then-auth":
    "이 인증 검사는 프리플라이트에도 실행됩니다. {line}행의 미들웨어가 CORS 헤더를 직접 설정하지만 프리플라이트(OPTIONS)를 다음으로 넘기고, 프리플라이트에는 자격 증명이 없어 여기서 거부됩니다. 그 미들웨어에서 OPTIONS에 응답하세요",
  "config.express.check.hand-no-preflight":
    "여기서 CORS 헤더를 직접 설정하지만 OPTIONS에 응답하는 곳이 없습니다: {server}는 라우트가 받지 않는 프리플라이트에 404로 응답하고, 라우트는 항상 프리플라이트되는 {methods}를 받습니다. 여기서 OPTIONS에 204로 응답하거나 cors 플러그인을 쓰세요",
  "config.express.check.origin-space":
    '허용 오리진 {value}의 앞뒤에 공백이 있습니다(","로 나눈 목록은 쉼표 뒤 공백이 남습니다): Origin 헤더 전체와 비교되므로 어떤 페이지와도 맞지 않습니다. 각 항목의 공백을 제거하세요',
  "config.express.check.after-auth":
    "cors()가 {line}행의 인증 미들웨어 뒤에 등록되어 있습니다. 그 401(자격 증명이 없는 프리플라이트의 401 포함)에는 CORS 헤더가 없습니다",
  "config.express.check.after-static":
    "cors()가 express.static({line}행) 뒤에 등록되어 있습니다. 그 정적 파일에는 CORS 헤더가 없습니다",
  "config.express.check.after-route":
    "cors()가 {line}행의 라우트 뒤에 등록되어 있습니다. 그 라우트가 CORS 헤더 없이 먼저 응답합니다",
  "config.express.check.route-only":
    "이 {method} {path} 라우트에만 cors()가 있습니다. 프리플라이트(OPTIONS)는 여기에 오지 않으니 그 경로에 app.options를 추가하거나 app.use(cors())를 쓰세요",
  "config.fastify.unknown.plugin":
    "이 파일의 어떤 라우트도 {path}에 응답하지 않습니다. {line}행에서 등록한 플러그인은 다른 파일이나 패키지에 있어 그 라우트를 읽지 않습니다",
  "config.fastify.unknown.no-app": "이 파일에서 `fastify()` 앱을 만들지 않습니다",
  "config.fastify.note.no-app": "{file}에서 `fastify()` 앱을 만들지 않습니다",
  "config.fastify.note.other-file": "{file}은(는) 읽지 않습니다. Fastify 앱을 만드는 파일만 읽습니다",
  "config.express.check.methods-miss-routes":
    "`{option}`에 {methods}이(가) 빠져 있는데, 이 CORS 등록 아래의 라우트가 그 메서드를 받습니다: 페이지의 {methods} 요청은 사전 요청에서 거부됩니다",
  "config.express.check.origin-no-scheme":
    "{value}에 스킴이 없습니다: Origin 헤더는 항상 scheme://host[:port] 형식(https://{value} 또는 http://{value})이므로 어떤 페이지와도 일치하지 않습니다",
  "config.express.check.origin-path":
    "{value}에 경로나 끝의 슬래시가 있습니다: cors 패키지는 이를 Origin 헤더 전체와 문자열로 비교하는데 Origin에는 그런 것이 없으므로 어떤 페이지와도 일치하지 않습니다. {origin}(으)로 쓰세요",
  "config.express.check.origin-env-entry":
    "origin 목록의 {code}에 기본값이 없습니다: 설정되지 않으면 그 항목은 undefined가 되어 어떤 출처도 허용하지 않으므로 글자로 적힌 출처만 허용됩니다(배포 환경을 확인하거나 출처를 목록에 적으세요)",
  "config.express.check.origin-env-template":
    "origin 목록의 {code}는 환경 변수로 만들어집니다: {env}가 설정되지 않으면 {unset}이 되어 어떤 Origin과도 같지 않고, 설정되면 그것이 만드는 출처 하나만 허용하므로 다른 곳에서 제공되는 프런트엔드는 허용되지 않습니다(프런트엔드의 출처를 목록에 적으세요)",
  "config.express.fix.cors-run":
    "{line}행에서 만든 cors 미들웨어를 이제 실행합니다(감싼 함수의 인자로 호출해 반환): 만들기만 하고 버려서 헤더를 하나도 설정하지 않았습니다",
  "config.express.check.cors-never-run":
    "여기서 cors(…)는 미들웨어를 만들기만 하고 버립니다: 실행되지 않으므로 CORS 헤더가 하나도 설정되지 않습니다. 등록하거나(app.use(cors(…))) 실행해 반환하세요(`return cors(…)(c, next)`)",
  "config.express.check.options-route-no-cors":
    "{path}의 이 수동 OPTIONS 핸들러는 Access-Control-* 헤더를 하나도 설정하지 않습니다: 그 경로의 모든 사전 요청이 헤더 없이 답해져 거부됩니다. 헤더를 설정하거나 cors 미들웨어를 라우트보다 먼저 등록하세요",
  "config.express.check.headers-miss-content-type":
    "이 CORS 등록 아래의 라우트가 요청 본문을 받는데 `{option}`에 Content-Type이 빠져 있습니다: JSON 본문(Content-Type: application/json)은 사전 요청에서 거부됩니다",
  "config.express.check.koa-router":
    "{router}에 쓴 cors()는 {router}의 라우트가 받는 요청에만 실행되는데, 프리플라이트(OPTIONS)를 받는 라우트가 없어 프리플라이트가 필요한 호출은 거부됩니다. {router}.routes() 앞에서 앱에 쓰세요",
  "config.fastify.check.encapsulated":
    "@fastify/cors가 라우트가 없는 {line}행의 플러그인 안에 등록되어 있습니다. Fastify는 플러그인의 훅을 그 컨텍스트 안에만 두므로 어떤 라우트에도 CORS 헤더가 붙지 않습니다. 앱에 등록하세요(또는 그 플러그인을 fastify-plugin으로 감싸세요)",
  "config.fastify.check.after-auth":
    "@fastify/cors가 {line}행의 훅 뒤에 등록되어 있습니다. 훅은 추가한 순서대로 실행되므로 그 훅의 401(자격 증명이 없는 프리플라이트의 401 포함)에는 CORS 헤더가 없습니다",
  "config.fastify.check.hook-late":
    "@fastify/cors가 {hook} 훅에서 실행되어, 먼저 답하는 {line}행의 onRequest 단계 훅보다 늦습니다(사전 요청에는 자격 증명이 없어 CORS 헤더 없는 401을 받습니다). 기본 훅인 onRequest로 두고 그 훅보다 먼저 등록하세요",
  "config.fastify.check.preflight-off":
    "`preflight: false`: @fastify/cors가 사전 요청에 답하지 않아(그 OPTIONS 라우트는 404로 답함), 사전 요청이 필요한 모든 요청(PUT, DELETE, JSON 본문, Authorization 헤더)이 거부됩니다",
  "config.fastify.fix.move":
    "@fastify/cors를 {before}행의 훅보다 앞에 등록했습니다. Fastify는 훅을 추가한 순서대로 실행하는데, 그 훅이 먼저 응답했습니다",
  "config.fastify.fix.hoist":
    "@fastify/cors를 앱에 등록했습니다. {line}행의 플러그인 안에서는 앱의 어떤 라우트에도 닿지 않았습니다(Fastify는 플러그인을 캡슐화합니다)",
  "config.fastify.fix.hoist-other":
    "@fastify/cors를 앱에 등록했습니다: {line}행 플러그인 안에서는 그 플러그인의 라우트에만 닿고 실패한 요청이 가는 라우트에는 닿지 않았습니다(Fastify는 플러그인을 캡슐화합니다). 그 플러그인의 라우트에도 그대로 적용됩니다",
  "config.fastify.fix.preflight":
    "`preflight: true`({line}행): `preflight: false`이면 @fastify/cors가 모든 사전 요청을 자기 OPTIONS 라우트에 넘기고, 그 라우트는 404로 답합니다",
  "config.fastify.fix.hook":
    "@fastify/cors를 onRequest 훅으로 옮겼습니다({line}행, 이전 {hook}): 더 앞 단계의 훅이 먼저 답했고, 사전 요청은 인증보다 먼저 답해야 합니다",
  "config.fastify.fix.add": "@fastify/cors를 등록해 {origins}을(를) 허용했습니다",
  "config.fastify.fix.add-expose":
    "@fastify/cors를 등록해 {origins}을(를) 허용하고 {expose}을(를) 노출했습니다: 앱의 라우트가 응답에 쓰는 헤더로, 다른 출처의 스크립트는 노출된 헤더만 읽을 수 있습니다",
};

import type { enFixes } from "./en-fixes";

/** 모든 스택의 수정 코드가 함께 쓰는 문구. 스택마다의 위치 설명과 주석은 src/engine/fixes/<stack>.ko.ts에 있다. */
export const koFixes: Record<keyof typeof enFixes, string> = {
  "fix.change.no-setup":
    "이 서버의 어떤 응답에도 CORS 헤더가 없었습니다. 아래 설정을 안내된 위치에 추가하고, 파일에 아직 import가 없다면 import도 추가하세요.",
  "fix.change.add":
    "{setup}의 `{option}`에 {items}을(를) 추가하세요. 이미 있는 항목은 그대로 둡니다{hasAbsent, select, yes {(`{option}`이 아직 없다면 `{absent}`를 추가하세요)} mirrors {(`{option}`이 없다면 이미 요청한 모든 헤더를 허용하므로 그대로 두세요)} other {}}.",
  "fix.change.string-regex":
    "`{option}`이(가) 문자열 하나(`'a, b'`)라면 라이브러리는 이를 정규 표현식 하나로 읽어 어떤 이름과도 맞지 않습니다. 먼저 그 문자열의 이름들을 목록으로 바꾼 뒤(`{option}=['a', 'b']`) 추가하세요.",
  "fix.change.star":
    "{setup}의 `{option}`에서 `*`를 {items}(으)로 바꾸세요{hasAbsent, select, yes {(`{option}`이(가) 없으면 기본값이 `*`이므로 `{absent}`을(를) 추가하세요)} other {}}. 자격 증명을 보내는 요청은 `*`와 일치하지 않습니다. `*`로 허용되던 다른 출처도 목록에 넣어야 합니다.",
  "fix.change.star-from":
    "{setup}의 `*`는 `{from}`에서 옵니다. 이를 `{value}`(으)로 설정하고, `{option}`에 {items}을(를) 추가하세요. 이미 있는 항목은 그대로 둡니다(`{option}`이 아직 없다면 `{absent}`를 추가하세요). 자격 증명을 보내는 요청은 `*`와 일치하지 않습니다. `*`로 허용되던 다른 출처도 목록에 넣어야 합니다.",
  "fix.change.set": "{setup}에서 `{option}`을(를) `{value}`(으)로 설정하세요.",
  "fix.change.call": "{setup}에 `{call}`을(를) 추가하세요.",
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
  "fix.label.install": "프로젝트에 아직 {name}이(가) 없다면(없으면 앱이 시작되지 않습니다): {install}",
  "fix.label.snippet": "CORS 설정이 아직 없다면 추가",
  "fix.label.form": "{form, select, esm {ES 모듈} cjs {CommonJS} other {}}",
  "fix.verified":
    "{versions}, Chromium 156에서 npm run test:fixes로{on, select, seed {, 시드의 직접 작성한 미들웨어에서} proxy {, 단독으로 그리고 앱 앞에서} rack {, Rails가 아닌 일반 Rack에서} other {}}",
};

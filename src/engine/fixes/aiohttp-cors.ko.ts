/** aiohttp-cors: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./aiohttp-cors";

export const KO: Translation<typeof EN> = {
  place:
    "모든 라우트를 추가한 뒤, web.run_app(app) 전에 둡니다. 이미 OPTIONS에 응답하는 리소스는 그대로 둡니다.",
  where:
    "앱을 만드는 모듈에서 마지막 라우트를 추가한 뒤, web.run_app(app) 전에 둡니다. aiohttp_cors.setup을 이미 호출하는 앱은 위의 변경을 대신 적용합니다.",
  "preflight-first":
    "aiohttp는 라우트 핸들러보다 모든 미들웨어를 먼저 실행합니다. 자격 증명이 없는 사전 요청은\n대신 aiohttp-cors의 핸들러로 바로 보냅니다.",
};

/** Django's hand-written middleware: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./django";

export const KO: Translation<typeof EN> = {
  where:
    "직접 작성한 CORS 미들웨어 클래스를 이것으로 바꾸고(같은 모듈), MIDDLEWARE에서 CommonMiddleware와 모든 인증 미들웨어보다 위, 맨 처음에 두세요.",
  place:
    "직접 작성한 CORS 미들웨어 클래스를 대체합니다. MIDDLEWARE의 맨 처음에 두어야 CommonMiddleware의 리디렉션과\n인증보다 먼저 사전 요청에 응답하고, 오류 응답에도 헤더를 붙입니다.",
  setup: '미들웨어의 `response["Access-Control-…"]` 줄',
};

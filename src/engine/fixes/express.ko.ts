/** Express: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./express";

export const KO: Translation<typeof EN> = {
  where:
    "앱의 진입 파일에서 `const app = express()` 바로 다음, 다른 모든 app.use()(정적 파일, 라우터, 인증, 본문 파서)보다 앞에 둡니다. 이미 cors() 호출이 있는 앱은 두 번째를 추가하지 말고 위의 변경을 하세요.",
  place: "`const app = express()` 바로 다음, 다른 모든 app.use()보다 앞에.",
  "note.preflight-before-auth":
    "인증 미들웨어보다 위에: 사전 요청(자격 증명이 실리지 않음)에는 cors()가 직접 응답합니다.",
  "note.preflight-route": "cors()가 OPTIONS에 직접 응답하므로 라우트에 OPTIONS 핸들러가 필요 없습니다.",
  "note.error-responses": "가장 먼저 등록하므로 본문 파서, 검증기, 라우트가 실패하기 전에 헤더가 설정됩니다.",
  "note.no-preflight-redirect": "가장 먼저 등록하므로 리디렉션 규칙보다 먼저 사전 요청에 응답합니다.",
};

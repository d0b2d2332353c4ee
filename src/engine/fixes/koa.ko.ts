/** Koa: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./koa";

export const KO: Translation<typeof EN> = {
  where:
    "`const app = new Koa()` 바로 다음, 다른 모든 app.use()(인증, 본문 파서, 라우터)보다 앞에 둡니다. 이미 cors() 미들웨어가 있는 앱은 두 번째를 추가하지 말고 위의 변경을 하세요.",
  place: "`const app = new Koa()` 바로 다음, 다른 모든 app.use()보다 앞에.",
};

/** FastAPI: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./fastapi";

export const KO: Translation<typeof EN> = {
  where:
    "앱을 만드는 모듈의 맨 끝, 다른 모든 app.add_middleware()나 @app.middleware 뒤에 둡니다(마지막에 추가한 미들웨어가 먼저 실행되므로 CORS가 인증보다 먼저 응답합니다). 이미 CORSMiddleware가 있는 앱은 두 번째를 추가하지 말고 위의 변경을 하세요.",
  place: "마지막 add_middleware 호출로: Starlette는 마지막에 추가한 미들웨어를 먼저 실행합니다.",
  errors:
    "처리되지 않은 예외는 CORSMiddleware 바깥의 ServerErrorMiddleware가 CORS 헤더 없이 응답합니다\n(exception_handler(Exception)도 그곳에 있습니다). CORSMiddleware 안에서 500 응답으로 바꾸세요.",
};

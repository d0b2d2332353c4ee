/** gorilla/handlers: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./gorilla-handlers";

export const KO: Translation<typeof EN> = {
  place:
    "인증 미들웨어 바깥에서 라우터 전체를 감싸세요: http.ListenAndServe(addr, handlers.CORS(…)(router)). 이미 있는 handlers.CORS(…) 바깥에 두면 여기 나열한 출처에는 이것이 먼저 응답합니다.",
  where:
    "http.ListenAndServe에 넘기는 핸들러를 인증 미들웨어 바깥에서 이것으로 감싸세요: http.ListenAndServe(addr, handlers.CORS(…)(router)). 이미 handlers.CORS(…)가 있는 앱은 위의 변경을 대신 적용합니다.",
};

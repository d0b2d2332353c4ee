/** Go's hand-written middleware: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./go";

export const KO: Translation<typeof EN> = {
  where:
    "직접 작성한 CORS 미들웨어를 이 함수로 바꾸고, 인증 미들웨어 바깥에서 mux 전체를 감싸세요: http.ListenAndServe(addr, withCORS(mux)).",
  place: "mux 전체를 감싸 오류 응답과 OPTIONS에도 헤더가 붙게 합니다: withCORS(mux).",
  setup: '핸들러의 `w.Header().Set("Access-Control-…")` 줄',
};

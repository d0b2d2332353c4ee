/** rs/cors: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./go-rs-cors";

export const KO: Translation<typeof EN> = {
  place: 'import "github.com/rs/cors"; mux 전체를 감싸세요: http.ListenAndServe(addr, c.Handler(mux)).',
  where:
    "cors.New에 넘기는 cors.Options를 이것으로 바꾸고(없다면 추가), 인증 미들웨어 바깥에서 핸들러 전체를 감싸세요: http.ListenAndServe(addr, c.Handler(mux)).",
};

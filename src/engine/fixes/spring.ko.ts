/** Spring: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./spring";

export const KO: Translation<typeof EN> = {
  where:
    "@Configuration 클래스에 둡니다. Spring Security를 쓴다면 http.cors()도 호출해 사전 요청이 인증보다 먼저 통과하게 하세요.",
  security:
    "Spring Security를 쓴다면 http.cors(Customizer.withDefaults())도 호출해 사전 요청이 인증보다 먼저 통과하게 하세요.",
  setup: "`CorsRegistry` 매핑",
};

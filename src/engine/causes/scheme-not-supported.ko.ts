/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./scheme-not-supported";

export const KO: Translation<typeof EN> = {
  title: "HTTP(S) URL이 아님",
  message:
    "요청 대상이 `{url}`입니다. 브라우저는 http와 https URL에만 CORS 요청을 보냅니다{filePage, select, yes {. 또한 file: 페이지의 출처는 불투명한 출처 null입니다} other {}}.",
  client: "페이지를 HTTP로 제공",
  clientHow: "file: URL 대신 로컬 서버에서 페이지를 여세요(예: `npx serve .` 실행 후 http://localhost:3000).",
  ruleTitle: "HTTP(S)가 아닌 URL로 보낸 교차 출처 요청",
  ruleDescription:
    "브라우저는 http와 https URL에만 CORS 요청을 보냅니다. 다른 스킴(file:, 사용자 정의 스킴)은 요청 전에 실패합니다. 페이지와 API를 모두 HTTP(S)로 제공하세요.",
};

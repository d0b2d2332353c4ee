/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./disallowed-by-mode";

export const KO: Translation<typeof EN> = {
  title: "요청 모드가 다른 출처를 금지함",
  message:
    "요청이 `same-origin` 모드로 만들어졌지만 다른 출처인 {host}(으)로 향하므로, 브라우저가 아무것도 보내기 전에 거부했습니다.",
  client: "CORS 모드 사용",
  ruleTitle: "요청 모드가 다른 출처를 금지함",
  ruleDescription:
    "`same-origin` 모드로 다른 출처에 요청했습니다. 브라우저는 아무것도 보내기 전에 거부합니다. CORS 모드로 요청하거나 페이지 자신의 출처로 요청하세요.",
};

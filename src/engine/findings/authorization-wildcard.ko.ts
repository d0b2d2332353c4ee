/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./authorization-wildcard";

export const KO: Translation<typeof EN> = {
  title: "Authorization이 *로만 허용됨",
  message:
    "사전 요청 응답이 `Access-Control-Allow-Headers: *`였는데, Fetch 표준에 따르면 이 값은 `Authorization`을 포함하지 않습니다. Chromium과 Firefox는 아직 지원 중단 경고와 함께 받아들이지만, 표준대로 바뀌기 전에 `Access-Control-Allow-Headers: authorization, …`처럼 명시적으로 나열하세요.",
  ruleTitle: "Authorization이 *로만 허용됨",
  ruleDescription:
    "`Access-Control-Allow-Headers: *`는 `Authorization`을 포함하지 않습니다. 이름으로 나열해야 합니다.",
};

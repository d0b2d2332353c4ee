/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./insecure-origin-allowed";

export const KO: Translation<typeof EN> = {
  title: "https API가 http 출처를 신뢰함",
  message:
    "{host}은(는) https로 제공되지만 평문 http로 제공되는 출처 `{allowed}`을(를) 허용합니다. 그 네트워크 경로에 있는 공격자가 해당 출처에 스크립트를 주입해 이 API의 응답을 읽을 수 있습니다. 대신 https 출처를 허용하세요.",
  ruleTitle: "https API가 http 출처를 신뢰함",
  ruleDescription:
    "https API가 http 출처를 허용합니다. 그 http 페이지의 네트워크 경로에 있는 누구든 스크립트를 주입해 API를 읽을 수 있습니다.",
};

/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./header-not-exposed";

export const KO: Translation<typeof EN> = {
  title: "응답 헤더 {count}개가 스크립트에서 보이지 않음",
  message:
    "이 페이지의 스크립트는 {names}을(를) 읽을 수 없습니다. `Access-Control-Expose-Headers`{absent, select, yes {가 없고} other {가 `{raw}`이고}}, 이 헤더 없이 읽을 수 있는 것은 안전 목록의 헤더(Content-Type, Content-Length, Cache-Control …)뿐입니다. 페이지에서 필요하다면 `Access-Control-Expose-Headers: {list}`를 보내세요.",
  ruleTitle: "응답 헤더가 스크립트에서 보이지 않음",
  ruleDescription:
    "응답에 `Access-Control-Expose-Headers`에도 안전 목록에도 없는 헤더가 있어 페이지의 스크립트가 읽을 수 없습니다.",
};

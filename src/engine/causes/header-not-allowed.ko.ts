/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./header-not-allowed";
import { STAR_IGNORED_KO as STAR_IGNORED } from "./words";

export const KO: Translation<typeof EN> = {
  title: "허용되지 않은 요청 헤더: {header}",
  message: `요청은 \`{header}\` 헤더를 보내지만, 사전 요청 응답의 \`Access-Control-Allow-Headers\`{missing, select, yes {가 없어 이 헤더가 허용되지 않습니다} other { 값 \`{allowed}\`에 이 헤더가 없습니다}}.${STAR_IGNORED}`,
  ruleTitle: "사전 요청이 요청 헤더를 허용하지 않음",
  ruleDescription:
    "요청이 설정한 헤더가 사전 요청의 `Access-Control-Allow-Headers`에 없습니다(자격 증명이 있거나 Authorization이면 `*`는 통하지 않음). 서버가 응답하는 목록에 헤더 이름을 추가하세요.",
};

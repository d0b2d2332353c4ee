/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./missing-allow-origin";
import { SUBJECT_KO as SUBJECT } from "./words";

export const KO: Translation<typeof EN> = {
  title:
    "{stage, select, preflight {사전 요청 응답에 Access-Control-Allow-Origin이 없음} other {Access-Control-Allow-Origin 헤더 없음}}",
  message: `${SUBJECT}에 \`Access-Control-Allow-Origin\` 헤더가 없어서 브라우저가 {stage, select, preflight {{method} 요청을 보내지 않았습니다} other {{origin} 페이지에 응답을 감췄습니다}}. 서버는 \`Access-Control-Allow-Origin: {origin}\` 헤더로 응답해야 합니다.`,
  refused:
    "그런데도 응답이 `Origin`에 따라 달라집니다(Vary). CORS 설정이 실행되어 출처를 비교했고 `{origin}`을(를) 허용하지 않았습니다(설정의 출처 목록에 없거나, 출처 함수가 거부했습니다).",
  ruleTitle: "Access-Control-Allow-Origin이 없음",
  ruleDescription:
    "응답(또는 사전 요청의 응답)에 `Access-Control-Allow-Origin` 헤더가 없어 브라우저가 페이지에서 응답을 숨기거나 요청을 보내지 않았습니다. 서버는 페이지의 정확한 출처를, 자격 증명이 없는 요청이면 `*`를 응답해야 합니다.",
};

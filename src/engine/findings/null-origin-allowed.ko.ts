/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./null-origin-allowed";

export const KO: Translation<typeof EN> = {
  title: "API가 자격 증명과 함께 Origin: null을 신뢰함",
  message:
    "{host}은(는) `Access-Control-Allow-Credentials: true`와 함께 `Access-Control-Allow-Origin: null`로 응답합니다. 어떤 페이지든 출처 `null`을 얻을 수 있고(샌드박스 iframe, data: 문서) 사용자의 데이터를 읽을 수 있습니다. 이름이 있는 출처만 허용하세요.",
  ruleTitle: "API가 자격 증명과 함께 Origin: null을 신뢰함",
  ruleDescription:
    "서버가 자격 증명과 함께 `Origin: null`을 허용합니다. 어느 사이트의 샌드박스 iframe이나 data: 페이지든 이 출처를 보냅니다.",
};

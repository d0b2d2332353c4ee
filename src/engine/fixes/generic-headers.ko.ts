/** The raw response headers: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./generic-headers";

export const KO: Translation<typeof EN> = {
  where: "API의 모든 응답에. 오류 응답과 사전 요청 응답도 포함합니다.",
  "origin-of": "<요청의 Origin이 다음 중 하나일 때 그 값: {origins}>",
  "request-headers": "<요청의 Access-Control-Request-Headers 값>",
  preflight: "사전 요청(OPTIONS) 응답: 상태 204, 어떤 인증보다도 먼저",
  actual: "모든 실제 응답, 오류 응답(4xx/5xx) 포함",
  setup: "API의 응답",
};

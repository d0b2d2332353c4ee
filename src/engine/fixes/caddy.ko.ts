/** Caddy: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./caddy";

export const KO: Translation<typeof EN> = {
  where:
    "API를 제공하는 사이트 블록 안, 맨 앞(reverse_proxy, file_server, respond보다 앞)에 둡니다. 기존 header Access-Control-* 줄은 대체하세요.",
  place: "API 사이트 블록의 맨 앞, reverse_proxy / file_server / respond보다 앞에.",
  redir:
    "Caddy의 지시어 순서에서 redir는 handle보다 앞이라 사전 요청에 먼저 응답합니다.\nAPI의 모든 redir에 사전 요청을 건너뛰는 이름 있는 매처를 붙이세요. 예:",
  defer: "defer: 응답을 쓴 뒤에 적용되어 업스트림이 보낸 사본을 대체합니다.",
  errors: "defer 없이: 지연된 헤더가 닿지 않는 Caddy 자체의 오류 응답(basicauth의 401)에도 붙습니다.",
  auth: "Caddy의 지시어 순서에서 basicauth와 forward_auth는 handle보다 앞이라 (자격 증명이 없는) 사전 요청을\n먼저 거부합니다. 기존 경로는 그대로 두고 OPTIONS를 건너뛰는 이름 있는 매처를 붙이세요. 예:",
  setup: "`header Access-Control-…` 줄",
};

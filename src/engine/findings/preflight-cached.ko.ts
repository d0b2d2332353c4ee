/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./preflight-cached";

export const KO: Translation<typeof EN> = {
  title: "사전 요청 캐시에서 처리됨",
  message:
    "{host}(으)로 보낸 이 {method} 요청에는 사전 요청이 필요하지만 보내지 않았습니다. 브라우저가 이 URL에 대해 캐시된 사전 요청을 다시 썼기 때문입니다. 캐시는 `Access-Control-Max-Age`초 동안 유지됩니다(기본 5초, {browser}에서는 최대 {cap}초). 서버의 사전 요청 응답을 바꿔도 그 뒤에야 반영됩니다.",
  ruleTitle: "사전 요청 캐시에서 처리됨",
  ruleDescription:
    "브라우저가 캐시된 사전 요청을 재사용해 사전 요청을 보내지 않았습니다. 서버의 CORS 응답을 바꿔도 캐시 항목이 만료된 뒤에야 반영됩니다.",
};

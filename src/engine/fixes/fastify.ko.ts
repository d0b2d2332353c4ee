/** Fastify: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./fastify";

export const KO: Translation<typeof EN> = {
  where:
    "`const app = fastify()` 바로 다음, 모든 라우트와 인증·리디렉션을 하는 onRequest 훅보다 앞에 둡니다(훅은 추가한 순서대로 실행됩니다). 이미 @fastify/cors를 등록한 앱은 두 번 등록하지 말고 위의 변경을 하세요.",
  place:
    "`const app = fastify()` 바로 다음에 등록해, 이 onRequest 훅이 나중에 추가한 훅(인증, 리디렉션)보다\n먼저 실행되게 합니다. 기본 훅이 라우팅과 본문 파싱 전에 사전 요청에 응답합니다.",
};

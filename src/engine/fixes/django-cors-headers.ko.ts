/** django-cors-headers: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./django-cors-headers";

export const KO: Translation<typeof EN> = {
  where:
    "settings.py의 맨 끝에 둡니다. 앱과 미들웨어가 없을 때만 추가하고, CorsMiddleware를 맨 앞에 두며, 앞서 설정한 CORS_* 값을 덮어씁니다.",
  place:
    "settings.py의 맨 끝에. CorsMiddleware는 맨 앞에 둡니다. CommonMiddleware(그렇지 않으면 APPEND_SLASH\n리디렉션이 사전 요청에 응답함)와 모든 인증 미들웨어보다 위입니다.",
};

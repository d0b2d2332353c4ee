/** Laravel: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./laravel";

export const KO: Translation<typeof EN> = {
  where:
    "config/cors.php를 이것으로 바꾸고(Laravel 9.2 이상은 라우팅과 인증보다 먼저 HandleCors가 이 파일을 적용합니다. 그 이전 버전은 fruitcake/laravel-cors가 필요합니다) php artisan config:clear를 실행하세요. 이미 이 파일이 있는 앱은 위의 변경을 대신 적용합니다. Laravel과 fruitcake/php-cors의 소스를 읽고 작성했으며, CORS Lens의 수정 테스트 모음에서 실행하지는 않았습니다(Debian의 Laravel 8에는 HandleCors가 없습니다).",
  place:
    "'paths' => ['*']는 모든 라우트에 적용됩니다. 페이지가 API만 호출한다면 그 경로만(['api/*']) 나열하세요.",
};

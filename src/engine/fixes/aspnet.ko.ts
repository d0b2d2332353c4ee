/** ASP.NET Core: 한국어 문구. 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./aspnet";

export const KO: Translation<typeof EN> = {
  where:
    "Program.cs: 서비스 등록에서 AddCors를, UseRouting 뒤와 UseAuthentication 앞에서 UseCors를 호출합니다.",
  place: "UseRouting 뒤, UseAuthentication/UseAuthorization 앞에 두어 사전 요청에 먼저 응답합니다.",
  setup: "`AddCors` 정책",
};

/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./local-network-invalid";

export const KO: Translation<typeof EN> = {
  title: "로컬 네트워크 주소 공간 불일치",
  message:
    "{host}(으)로 보낸 요청이 선언한 주소 공간과 서버가 실제로 속한 주소 공간이 다릅니다({error}). 응답 헤더로는 고칠 수 없습니다.",
  client: "선언한 주소 공간 맞추기",
  clientHow:
    "targetAddressSpace 옵션을 없애거나 바로잡거나, 호스트가 페이지가 기대하는 주소 공간으로 해석되게 하세요.",
  ruleTitle: "로컬 네트워크 주소 공간 불일치",
  ruleDescription:
    "요청이 선언한 주소 공간과 서버가 해석된 주소 공간이 다릅니다. Chrome의 Local Network Access가 차단합니다. 응답 헤더로는 고칠 수 없습니다.",
};

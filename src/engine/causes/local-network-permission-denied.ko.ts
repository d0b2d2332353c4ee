/** 한국어 문구: 키는 영어(EN)와 같다. 빠지거나 남는 키는 컴파일 오류다. */
import type { Translation } from "../../i18n";
import type { EN } from "./local-network-permission-denied";

export const KO: Translation<typeof EN> = {
  title: "로컬 네트워크 접근이 허용되지 않음",
  message:
    "Local Network Access 권한이 허용되지 않아({hasError, select, yes {{error}} other {거부됨}}) Chrome이 {known, select, yes {{pageOrigin}} other {이 페이지}}에서 로컬 네트워크의 {host}(으)로 보낸 요청을 차단했습니다. 응답 헤더로는 고칠 수 없습니다.",
  client: "Local Network Access 허용",
  clientHow: '이 사이트에 "로컬 네트워크 액세스"를 허용하세요(주소창 왼쪽 아이콘을 누르고 사이트 설정).',
  ruleTitle: "로컬 네트워크 접근이 허용되지 않음",
  ruleDescription:
    "페이지에 Local Network Access 권한이 없어 Chrome이 로컬 네트워크 요청을 차단했습니다. 응답 헤더로는 고칠 수 없습니다.",
};

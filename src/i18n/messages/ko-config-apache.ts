/** Apache httpd 파일의 `cors-lens check|fix --config`(한국어). 지시어 이름은 그대로 둔다. */
import type { enConfigApache } from "./en-config-apache";

export const koConfigApache: Record<keyof typeof enConfigApache, string> = {
  "config.apache.check.rewrite-redirects-preflight":
    "이 RewriteRule은 모든 메서드를, 프리플라이트(OPTIONS)까지 리디렉션합니다: 리디렉션을 받은 프리플라이트는 실패하므로, 프리플라이트가 필요한 이 URL 호출(사용자 정의 헤더, JSON 본문, PUT, DELETE)은 모두 거부됩니다. 그 위에 {cond}를 두거나 페이지가 최종 URL을 호출하게 하세요",
  "config.apache.check.env-http":
    "{name}를 설정하는 줄이 없고, httpd는 HTTP_* 변수를 CGI 스크립트에만 만들고 프록시하는 요청이나 제공하는 파일에는 만들지 않습니다: 이 Allow-Origin은 보내지지 않습니다. 허용할 출처에 대해 SetEnvIf Origin으로 {name}를 설정하세요({read}는 어떤 출처든 그대로 돌려보냅니다)",
  "config.apache.check.env-not-whole":
    "{name}이(가) {value}로 설정되어 Access-Control-Allow-Origin으로 보내집니다: Origin 전체는 $0뿐이며($1…은 그룹으로, 여기서는 뒤에 덧붙습니다) 보내는 값은 어떤 페이지와도 같지 않습니다 — {name}=$0으로 쓰세요",
  "config.apache.check.no-always":
    "always 없는 Header: httpd가 직접 만드는 응답(401, 403, 리디렉션, rewrite의 R= 상태, 오류 페이지)은 always 표만 보내므로 {name}이 빠지고, 페이지에는 상태 대신 CORS 오류가 보임",
  "config.apache.check.preflight-upstream":
    "프리플라이트(OPTIONS)가 ProxyPass 뒤의 애플리케이션으로 넘어감: 여기서 응답하는 것이 없음(가상 호스트에 OPTIONS용 R=204 RewriteRule을 두면 응답함)",
  "config.apache.check.rewrite-after-auth":
    "이 OPTIONS rewrite는 디렉터리별 문맥에 있어 권한 검사 뒤에 실행됨: Require(줄 {line})가 먼저 프리플라이트를 거부함. 가상 호스트로 옮기세요",
  "config.apache.check.two-tables":
    "{name}이 두 Header 표에 모두 설정됨(여기는 onsuccess, 줄 {line}은 always): 성공 응답에 두 줄이 함께 감",
  "config.apache.check.htaccess-ignored":
    "httpd는 이 .htaccess의 Header 줄을 읽지 않음: AllowOverride {value}({file}:{line})가 FileInfo도 All도 허용하지 않음",
  "config.apache.check.rewrite-variable":
    "mod_rewrite에는 {name} 변수가 없음: 항상 비어 있어 이 조건은 헤더를 보지 못함. {header}로 쓰세요",
  "config.apache.fix.origin-header":
    "{line}행의 Allow-Origin은 요청의 {header} 헤더로 만들어져 다른 출처의 페이지와 같을 수 없습니다. 대신 SetEnvIf Origin 행({name})으로 {origins}를 되돌려 보냅니다",
  "config.apache.fix.setter":
    "줄 {line} 위에서 SetEnvIf Origin이 {origins}에 대해 {name}를 설정합니다: 그것을 설정하는 줄이 없었고, httpd는 HTTP_* 변수를 CGI 스크립트에만 만들고 프록시하는 요청에는 만들지 않으므로 Header 줄의 env={name}가 한 번도 성립하지 않았습니다",
  "config.apache.fix.always": "always 추가: httpd가 직접 만든 {status} 응답에 {name}(줄 {line})이 없었음",
  "config.apache.fix.preflight":
    "프리플라이트에 권한 검사와 애플리케이션보다 먼저 httpd가 204로 응답함(받은 상태: {status})",
  "config.apache.fix.reflect":
    "요청의 출처가 {origins} 중 하나이면 Allow-Origin이 그 출처로 응답함(SetEnvIf Origin, 변수 {name})",
  "config.apache.fix.keep-wildcard":
    "다른 출처에는 *를 유지하고, {origins}에는 자기 출처로 응답함(자격 증명에 필요), 변수 {name} 사용",
  "config.apache.fix.assign-origin":
    "줄 {line}에서 {name}을 출처 그대로($0) 설정함: {was}는 바뀐 출처를 보냈고, 어떤 브라우저도 받아들이지 않음",
  "config.apache.fix.one-origin":
    "Allow-Origin 한 줄(줄 {line})이 {origins} 각각에 그 출처로 응답함(SetEnvIf Origin, 변수 {name}): 브라우저는 출처 하나만 받고 목록은 받지 않음",
  "config.apache.fix.allow-fileinfo":
    "{line}행의 AllowOverride {value} 때문에 httpd가 {file}의 Header 줄을 읽지 않았습니다: FileInfo(mod_headers의 분류)를 허용해 읽게 합니다. 그 .htaccess의 다른 FileInfo 지시어(mod_rewrite, AddType 등)도 함께 적용됩니다",
  "config.apache.fix.files-match":
    "줄 {line}의 <FilesMatch> 패턴이 {name}에도 맞아 그 파일도 CORS 헤더를 받음",
  "config.apache.fix.regex": "줄 {line}의 출처 정규식이 {origins}도 받아들임",
  "config.apache.fix.copy": "줄 {line}의 CORS Header 줄을 {path}에 응답하는 곳에 반복함(그 섹션 밖에 있음)",
  "config.apache.fix.hide":
    "애플리케이션이 보낸 {names} 제거(Header unset은 그 표에 작용함): httpd가 이미 설정함",
  "config.apache.cannot.condition":
    "줄 {line}의 Allow-Origin에는 CORS Lens가 확장할 수 없는 조건이 있음: 직접 고치세요",
  "config.apache.cannot.upstream-sets":
    "{path}의 Allow-Origin은 이 파일이 아니라 ProxyPass 뒤의 애플리케이션이 설정함: 거기서 고치세요",
  "config.apache.unknown.expr": "식 {expr}(줄 {line})은 CORS Lens가 평가할 수 없음",
  "config.apache.unknown.rewrite-cond":
    "줄 {line}의 RewriteCond는 CORS Lens가 알 수 없는 것(파일 시스템, 클라이언트)을 검사함",
  "config.apache.unknown.require": "줄 {line}의 Require 블록은 CORS Lens가 평가하지 않음",
  "config.apache.unknown.env": "변수 {name}(줄 {line})은 CORS Lens가 평가할 수 없는 규칙이 설정함",
  "config.apache.unknown.upstream-options":
    "{path}로 가는 프리플라이트는 httpd 뒤의 애플리케이션이 응답하며, 그 응답은 기록되지 않았음",
  "config.apache.unknown.file-method":
    "{method} {path}는 파일 시스템에서 제공되며, 그 응답은 기록되지 않았음",
  "config.apache.assumed.rewrite": "줄 {line}의 RewriteCond 파일 시스템 검사가 요청을 애플리케이션으로 보냄",
  "config.apache.assumed.auth": "요청이 보내는 자격 증명이 Require(줄 {line})를 통과함",
  "config.apache.assumed.upstream-200":
    "httpd 뒤의 애플리케이션이 {method} {path}에 200으로 응답함(기록되지 않음)",
};

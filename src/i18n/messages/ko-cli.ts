import type { enCli } from "./en-cli";

/** 명령줄의 한국어. 옵션 이름, 값, 명령은 입력하는 그대로 둔다. */
export const koCli: Record<keyof typeof enCli, string> = {
  "cli.usage": `사용법: cors-lens analyze FILE.har... [옵션]   (- 는 표준 입력을 읽음)
        cors-lens probe URL --origin ORIGIN [옵션]   (cors-lens probe --help)
        cors-lens check --config FILE...               서버 설정의 CORS 검사(docs/config.md)
        cors-lens fix --config FILE... --har H [--write | --format json]
                                                       그 설정에 대한 최소한의 패치

옵션:
  --format text|json|sarif|junit|github
                            요약(기본값), 보고서 문서(docs/report-format.md), SARIF 2.1.0(코드 스캐닝),
                            JUnit XML(요청마다 테스트 케이스 하나), GitHub Actions 주석 중 하나
  --json                    --format json과 같음
  -o, --output FILE         표준 출력 대신 이 파일에 씀
  --browser chromium|firefox  적용할 규칙과 이름의 브라우저(기본값: HAR를 기록한 브라우저)
  --stack NAME              이 서버 스택의 수정 방법을 보여 줌(기본값: 응답에서 감지한 스택, 없으면
                            일반 헤더). --format json에서는 이 스택의 수정 방법만 남김: {stacks}
  --no-fixes                수정 방법을 빼고 출력(훨씬 작은 --format json)
  --quiet                   차단된 요청만: 경고와 참고 사항 없음
  --fail-on blocked|warning 차단된 요청이 있으면(기본값), 또는 경고만 있어도 종료 코드 1. HAR에
                            원인 없이 실패로 남은 요청도 차단으로 셈
  --allow-unknown           원인이 기록되지 않은 실패 요청으로는 실패하지 않음
  --max-warnings N          경고가 있는 요청이 N개보다 많으면 종료 코드 1
  --include-secrets         --json 출력에 Cookie, Authorization 같은 값을 그대로 둠
  --color, --no-color       색상을 강제로 켜거나 끔(기본값: 터미널이면 켬. NO_COLOR, FORCE_COLOR)
  --lang en|ko              출력 언어(기본값: LC_ALL, LC_MESSAGES 또는 LANG)
  -h, --help                이 도움말
  -v, --version             버전`,
  "cli.probe-usage": `사용법: cors-lens probe URL --origin ORIGIN [옵션]

ORIGIN의 페이지에 있는 브라우저가 URL로 보낼 요청(필요하면 사전 요청, 그다음 요청)을 그대로 보내고,
그 응답을 Chromium과 Firefox가 어떻게 판정할지 설명합니다.

옵션:
  --origin ORIGIN           페이지의 출처(필수), 예: https://app.example.com
  --method M                요청 메서드(기본값 GET, 대소문자 유지: patch는 PATCH가 아님)
  --header NAME[:VALUE]     페이지 스크립트가 설정하는 헤더(여러 번 가능), VALUE 기본값은 "x"
  --credentials             자격 증명과 함께 보내는 요청(fetch의 credentials: "include")
  --browser chromium|firefox|both   적용할 브라우저 규칙(기본값 both)
  --expect allowed|blocked  선택한 모든 브라우저가 그렇게 판정하면 종료 코드 0, 아니면 1
  --format text|json|sarif|junit  요약, 보고서 문서(요청 하나), SARIF 또는 JUnit XML
  --stack NAME              이 서버 스택의 수정 방법(기본값: 감지한 스택)
  --timeout SECONDS         probe 전체(preflight, 요청, 리디렉션)의 제한 시간(기본값 10)
  --include-secrets         --format json에 Authorization 같은 헤더 값을 그대로 둠
  --lang en|ko              출력 언어(기본값: LC_ALL, LC_MESSAGES 또는 LANG)
  --security                대신 CORS 스캐너가 하는 출처 검사를 함(임의 출처 반사, null, ORIGIN과
                            비슷한 출처, 점을 이스케이프하지 않은 정규식, https가 신뢰하는 http:, 자격
                            증명과 함께 쓴 *). 하나라도 발견되면 종료 코드 1. 내 API에만 쓰세요.`,

  "cli.error.unknown-command":
    '알 수 없는 명령 "{command}" (예: cors-lens analyze FILE.har 또는 cors-lens probe URL --origin ORIGIN)',
  "cli.error.missing-command": "명령이 없습니다 (예: cors-lens analyze FILE.har)",
  "cli.error.unknown-option": "알 수 없는 옵션 {option}",
  "cli.error.format": '--format은 {formats} 중 하나여야 합니다("{format}"은 안 됨)',
  "cli.error.browser": '--browser는 chromium 또는 firefox여야 합니다("{browser}"은 안 됨)',
  "cli.error.stack": '알 수 없는 스택 "{stack}" (가능한 값: {stacks})',
  "cli.error.fail-on": '--fail-on은 blocked 또는 warning이어야 합니다("{value}"은 안 됨)',
  "cli.error.max-warnings": "--max-warnings는 0 이상의 정수여야 합니다",
  "cli.error.missing-file": "HAR 파일이 없습니다 (cors-lens analyze FILE.har)",
  "cli.error.lang": '--lang은 en 또는 ko여야 합니다("{lang}"은 안 됨)',
  "cli.error.directory": "{file}은(는) 디렉터리입니다",
  "cli.error.no-such-file": "파일이 없습니다: {file}",
  "cli.error.cannot-read": "{file}을(를) 읽을 수 없습니다({code})",
  "cli.error.could-not-analyze": "분석할 수 없습니다({error})",
  "cli.error.cannot-write": "{file}에 쓸 수 없습니다({code})",
  "cli.note.no-cors": "이 HAR에는 교차 출처 요청이 없어 검사할 것이 없습니다(올바른 페이지에서 기록했나요?).",
  "cli.totals": "파일 {count}개, 요청 {requests}개: {blocked}개 차단, {warned}개 경고",

  "report.error.version":
    "이 버전이 읽을 수 없는 {version} 버전의 CORS Lens 보고서입니다(버전 1과 2를 읽습니다)",
  "report.error.fix-id": "수정 표에 없는 수정 {id}을(를) 가리키는 CORS Lens 보고서입니다",
  "report.error.shape": "교환 목록이 보고서 형식에 맞지 않는 CORS Lens 보고서입니다",
  "report.error.exchange":
    "{index}번 교환(요청, 홉 또는 헤더)이 보고서 형식에 맞지 않는 CORS Lens 보고서입니다",
  "report.note.reopened":
    "CORS Lens {version}이(가) 쓴 보고서입니다: 요청을 이 버전이 이 언어로 다시 진단했습니다.",

  "har.no-log": 'HAR 파일이 아닙니다: "log" 객체가 없습니다',
  "har.no-entries": 'HAR 파일이 아닙니다: "log.entries"가 목록이 아닙니다',
  "har.empty": "빈 파일",
  "har.truncated": "JSON이 중간에 잘렸습니다({message})",
  "har.not-json": "JSON이 아닙니다({message})",
  "har.note.bad-redirect":
    "{entry}번째 항목({method} {url})이 URL이 아닌 {location}(으)로 리디렉션하므로 리디렉션 체인이 거기서 끝납니다",
  "har.note.repeated-redirect":
    "리디렉션된 요청 {count}개: chrome-har가 리디렉션 응답의 헤더를 다음 응답에 반복해 기록했으므로, 그 응답들은 기록되지 않은 것으로 처리합니다.",
  "har.note.no-preflights":
    "이 HAR에는 사전 요청(OPTIONS) 항목이 없습니다. 판정은 실제 요청의 헤더만으로 내립니다.",
  "har.note.skipped": "쓸 수 있는 요청이 아닌 HAR 항목 {count}개를 건너뛰었습니다.",
  "har.note.chrome-har":
    'chrome-har(Puppeteer에서 흔히 쓰는 HAR 작성기)는 실패한 요청을 모두 빼며, 브라우저가 차단한 요청도 마찬가지입니다. 여기에는 그 사전 요청만 보일 수 있습니다. 모두 남기려면 Chrome DevTools의 "Save all as HAR"로 기록하세요.',
  "har.note.playwright-bare":
    '실패한 요청 {count}개는 이 HAR에 응답 헤더가 없어(Playwright의 recordHar가 빼 버림) 판정이 "unknown"입니다. 모두 남기려면 cors-lens/playwright(lens.har())나 Chrome DevTools의 "Save all as HAR"로 기록하세요.',

  "cli.summary.source-probe": "{origin}에서 {url}로 보낸 probe",
  "cli.summary.source-playwright": "{browser}의 {url}",
  "cli.summary.source-tab": "탭 {tabId}",
  "cli.summary.counts":
    "교차 출처 요청 {total}개: {blocked}, {allowed}개 허용 또는 CORS 아님, {unknown}개 판단 불가; {warned}",
  "cli.summary.blocked": "{count}개 차단",
  "cli.summary.warned": "{count}개 경고",
  "cli.summary.note": "참고: {note}",
  "cli.summary.net-error": "(네트워크 오류)",
  "cli.summary.more": "… 외 {count}개",
  "cli.summary.detected": "{certain, select, yes {감지됨} other {추정}}: {stack}, 근거: {basis}",
  "cli.summary.fix": "수정 방법 ({title}):",
  "cli.summary.where": "위치: {where}",
  "cli.summary.verified": "실제 서버에서 검증함: {servers}.",
  "cli.summary.not-verified": "CORS Lens 테스트에서 실제 서버로 검증하지 않았습니다.",
  "cli.summary.warnings": "경고",
  "cli.summary.unknown-reason": "근거 부족",
  "cli.summary.nothing": "✔ CORS로 차단된 요청이 없습니다.",

  "playwright.limitation":
    '{browser}에서 Playwright는 사전 요청도 CORS 오류도 보여 주지 않습니다. 사전 요청에서 차단된 요청은 근거 없는 실패한 요청으로 보이며, 사전 요청만이 알려 줄 수 있는 경우 판정은 "unknown"입니다.',
  "playwright.failed":
    "CORS Lens: 교차 출처 요청 {count}개가 실패함(CORS 정책으로 차단되었거나, 원인이 기록되지 않은 채 실패함)",
  "playwright.not-recorded": "{request}: 실패, 원인 기록 없음({error}, Chromium의 CORS 오류: {chromium})",
  "playwright.not-recorded.how":
    "브라우저가 이 요청의 응답 헤더를 CORS Lens에 보여 주지 않아(page.route의 응답, 서비스 워커 자신의 요청, Chromium 밖의 모든 요청) 어떤 검사가 실패했는지 알 수 없지만, 실패로 셉니다. 원인을 보려면 route 없이 Chromium에서 페이지를 실행하거나, DevTools를 연 채 페이지를 열고 HAR로 내보내 cors-lens analyze로 읽으세요.",
  "playwright.still-open":
    "CORS Lens: 교차 출처 요청 {count}개가 {timeout} ms가 지나도 끝나지 않았습니다(성공했는지 알 수 없음):",
  "ci.blocked": "{request} 요청이 차단됨: {title}.",
  "probe.verdict.blocked": "차단됨: {title} ({name})",
  "probe.verdict.no-name": "CORS 이름 없음",
  "probe.failing-row": "{label}: 요구 {required}, 전송 {sent}",
  "probe.none": "(없음)",
  "probe.preflight-answered": "사전 요청: OPTIONS 응답 상태 {status}",
  "probe.hop-answered": "{method} {url} 응답 상태 {status}",
  "probe.could-not": "probe할 수 없습니다({error})",
  "probe.error.header-name": '헤더 이름이 아닙니다: "{name}"',
  "probe.error.missing-url": "URL이 없습니다 (cors-lens probe URL --origin ORIGIN)",
  "probe.error.one-url": 'URL은 한 번에 하나만 ("{url}"와 "{more}"를 받음)',
  "probe.error.not-http": 'http(s) URL이 아닙니다: "{url}"',
  "probe.error.origin-required": "--origin이 필요합니다: 페이지의 출처, 예: https://app.example.com",
  "probe.error.origin":
    '--origin은 https://app.example.com 같은 출처(경로 없음)여야 합니다("{origin}"은 안 됨)',
  "probe.error.browser": '--browser는 chromium, firefox, both 중 하나여야 합니다("{browser}"은 안 됨)',
  "probe.error.expect": '--expect는 allowed 또는 blocked여야 합니다("{expect}"은 안 됨)',
  "probe.error.format": '--format은 text, json, sarif, junit 중 하나여야 합니다("{format}"은 안 됨)',
  "probe.error.timeout": "--timeout은 초 단위 숫자여야 합니다",
  "probe.error.method": '메서드가 아닙니다: "{method}"',
  "probe.net.timeout": "{host}: {seconds}초 안에 완전한 응답이 없습니다",
  "probe.net.redirects": "{host}: 리디렉션이 {max}번을 넘습니다(브라우저도 여기서 중단합니다)",
  "probe.net.head-too-large": "{host}: 응답 헤더가 {kilobytes} KiB보다 큽니다(Chromium의 한도도 같습니다)",
  "probe.net.body-too-large": "{host}: 응답 본문이 {megabytes} MiB보다 깁니다. 더 읽지 않습니다",
  "probe.net.dns": "{host}: 이름을 찾을 수 없습니다(DNS)",
  "probe.net.refused": "{host}: 연결이 거부되었습니다",
  "probe.net.reset": "{host}: 연결이 재설정되었습니다",
  "probe.net.tls": "{host}: TLS 오류({code})",
  "probe.net.not-url": "URL이 아닙니다: {url}",
  "probe.net.scheme": "http와 https URL만 probe할 수 있습니다({scheme}은 안 됨)",

  "security.title": "CORS Lens 보안 검사 — {url} (페이지 출처 {origin})",
  "security.fix": "수정 방법: {fix}",
  "security.none": "✔ 페이지 자신의 출처 말고는 신뢰한 출처가 없습니다.",
  "security.wildcard.message":
    'API가 `Access-Control-Allow-Credentials: true`와 함께 `Access-Control-Allow-Origin: *`로 응답합니다. 브라우저는 자격 증명을 포함한 요청에서 이 조합을 거부하며, 이는 쿠키와 함께 모든 출처를 허용하려는 의도로 보입니다. 나중에 Origin을 되돌려 주는 방식으로 "고치면" 모든 사이트에 API가 열립니다.',
  "security.wildcard.fix":
    "허용 목록에서 정확한 출처({origin})를 응답하고, 자격 증명은 그 출처에만 허용하세요.",
  "security.allowed.message":
    "API가 `Origin: {probe}`을(를) 허용했습니다{credentials, select, yes {. 자격 증명도 함께 허용하므로 그 출처의 어떤 페이지든 로그인한 사용자로서 이 API를 읽을 수 있습니다} other {. 그 출처의 어떤 페이지든 공개 응답을 읽을 수 있습니다}}. 아마 {check, select, arbitrary-origin {어떤 Origin이든 되돌려 주고} null-origin {`Origin: null`(샌드박스 iframe과 data: 페이지가 보냄)을 신뢰하고} suffix-look-alike {Origin이 허용된 출처로 시작하는지만 검사하고} prefix-look-alike {Origin이 허용된 호스트로 끝나는지만 검사하고} subdomain {모든 하위 도메인을 신뢰하고(그중 하나의 XSS로 이 API를 읽을 수 있음)} unescaped-dot {점을 이스케이프하지 않은 정규식으로 Origin을 비교하고} http-origin {https 사이트의 http: 출처를 신뢰하고(같은 네트워크의 누구든 주입 가능)} other {신뢰하면 안 되는 출처를 신뢰하고}} 있을 것입니다.",
  "security.allowed.fix":
    'Origin 문자열 전체를 정확한 출처의 허용 목록({origin})과 비교하세요. 접두사, 접미사, 앵커 없는 정규식으로 비교하지 말고, "null"은 절대 허용하지 마세요.',
};

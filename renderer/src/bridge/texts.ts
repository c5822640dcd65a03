// What the page says when it has no way to its store (it was opened outside Sherpa's window).
export const bridgeEn = {
  // The web harness refused the page's token: the address is not this start's.
  linkTitle: 'This link to Sherpa is not valid',
  linkBody:
    'The address does not carry the key of the Sherpa running on this computer: it may be from an earlier start, or mistyped. Open the address Sherpa printed when it started (npm run preview:web prints it). Sherpa is not locked, and nothing was changed.',
  missingTitle: 'Sherpa cannot reach its data',
  missingBody:
    'This page was opened outside the Sherpa app, so it has no connection to your briefings. Open Sherpa itself; to look at it in a browser, run npm run preview:web and open the address it prints.',
};

export const bridgeKo: typeof bridgeEn = {
  linkTitle: '이 Sherpa 링크는 유효하지 않습니다',
  linkBody:
    '이 주소에는 이 컴퓨터에서 실행 중인 Sherpa의 접속 키가 없습니다. 이전 실행 때의 주소이거나 잘못 입력된 주소일 수 있습니다. Sherpa가 시작할 때 표시한 주소(npm run preview:web 이 출력하는 주소)를 여십시오. 잠긴 것이 아니며, 아무것도 바뀌지 않았습니다.',
  missingTitle: 'Sherpa가 데이터에 연결할 수 없습니다',
  missingBody:
    '이 페이지는 Sherpa 앱 밖에서 열려 브리핑 데이터에 연결되어 있지 않습니다. Sherpa 앱을 직접 여십시오. 브라우저에서 보려면 npm run preview:web 을 실행하고 표시되는 주소를 여십시오.',
};

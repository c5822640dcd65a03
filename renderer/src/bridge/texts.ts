// What the page says when it has no way to its store (it was opened outside Sherpa's window).
export const bridgeEn = {
  missingTitle: 'Sherpa cannot reach its data',
  missingBody:
    'This page was opened outside the Sherpa app, so it has no connection to your briefings. Open Sherpa itself; to look at it in a browser, run npm run preview:web and open the address it prints.',
};

export const bridgeKo: typeof bridgeEn = {
  missingTitle: 'Sherpa가 데이터에 연결할 수 없습니다',
  missingBody:
    '이 페이지는 Sherpa 앱 밖에서 열려 브리핑 데이터에 연결되어 있지 않습니다. Sherpa 앱을 직접 여십시오. 브라우저에서 보려면 npm run preview:web 을 실행하고 표시되는 주소를 여십시오.',
};

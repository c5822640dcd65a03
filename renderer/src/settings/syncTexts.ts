// The Sync panel's interface text, English and Korean; i18n/en.ts and ko.ts include them under `sync`.
export const syncEn = {
  title: 'Sync with the desk’s server',
  intro:
    'Colleagues preparing the same summit share it through the desk’s CouchDB server. Sherpa keeps working without the network: changes wait here and go when the server can be reached. Only the summits ticked below leave this computer with their meetings, participants, follow-ups and notes, each summit in its own database. Reference records are not kept apart by summit: every person (with their biography), country, source, programme and sector, with its entries and their annotations, goes to one database that every officer of the desk reads, even one used only by a summit not ticked here.',
  url: 'Server address',
  urlHint: 'For example https://couch.desk.example:6984. It must start with https://, unless the server runs on this computer.',
  username: 'User name',
  password: 'Password',
  passwordKept: 'A password is stored, sealed with this desk’s key. Leave this empty to keep it.',
  passwordAgain: 'Password: type it again. The stored password is sent only to the server address and user name it was given for.',
  askingServer: 'Asking the server whether it takes this user name and password…',
  passwordRefused:
    'Password: the server refused this user name or password. Check both (the administrator sets them) and connect again. Nothing was saved.',
  summits: 'Summits to share',
  summitsHint: 'Each summit has its own database on the server; the administrator gives access to it by name.',
  noSummits: 'There are no summits to share yet.',
  join: 'Join a summit a colleague shares',
  joinHint:
    'The server tells no one which summits exist: ask the colleague for the summit’s database name, shown beside it in their Sync panel (sherpa-summit-…), one per line. Its title, meetings and notes arrive at the next sync if the administrator gave you access to it.',
  joinWaiting: 'Not received yet: {{names}}.',
  // r12-team: a shared summit its owner deleted read "Not received yet", as if the administrator had not opened it.
  deletedSummit:
    '{{title}} ({{database}}) was deleted on {{desk}} at {{when}}. What this desk had filed under it (meetings, notes, annotations) stays here, no longer linked to it, with the text this desk last had: notes are in Notes. The deleting desk keeps its copy the same way.',
  deletedSummitNoAuthor:
    '{{title}} ({{database}}) was deleted; the deleting desk is not recorded. What this desk had filed under it (meetings, notes, annotations) stays here, no longer linked to it, with the text this desk last had: notes are in Notes.',
  deletedSummitHere:
    '{{title}} ({{database}}) was deleted on this desk at {{when}}. What you did not delete with it stays here, no longer linked to it; colleagues who shared it keep what they had of it the same way, on their own desks.',
  deletedSummitUntitled: 'A summit',
  // r17: its record's row is gone; the line shows the marking of the text deleted, or says it is not known here.
  deletedSummitMarkingUnknown: 'MARKING UNKNOWN',
  deletedSummitMarkingUnknownHint:
    'This desk never had the deleted summit’s text, so it does not know how it was marked: handle it as classified.',
  database: 'Server database: {{name}}',
  unsharedWaiting_one:
    '{{count}} change to this summit has not reached the server. Unticked, it is no longer counted as waiting: it stays on this desk and goes if you share the summit again.',
  unsharedWaiting_other:
    '{{count}} changes to this summit have not reached the server. Unticked, they are no longer counted as waiting: they stay on this desk and go if you share the summit again.',
  referenceDatabase: 'People, countries, sources and sectors: {{name}}',
  connect: 'Connect',
  saveChanges: 'Save and sync',
  disconnect: 'Disconnect',
  syncNow: 'Sync now',
  // Said before the first exchange has ended: it claims no connection the state line may contradict a moment later.
  connected: 'Saved. Sherpa syncs in the background; the Sync line in the sidebar says how it goes.',
  // r10-team: saved, but the first exchange failed; "Connected" beside a red state line said two things.
  savedNotSynced: 'Saved, but nothing was exchanged: {{reason}}.',
  disconnected: 'Disconnected. The server and its password are forgotten; your records stay on this computer.',
  state: {
    off: 'Not connected to a server.',
    checking: 'Counting the changes waiting to be sent…',
    syncing: 'Syncing…',
    'up-to-date': 'Up to date.',
    waiting_one: '{{count}} change waiting to be sent.',
    waiting_other: '{{count}} changes waiting to be sent.',
  },
  // r12-team: the state line was only in Settings, below the fold: an officer at a brief never saw "cannot be reached".
  nav: {
    'up-to-date': 'Sync: up to date',
    syncing: 'Sync: syncing…',
    waiting_one: 'Sync: {{count}} change waiting',
    waiting_other: 'Sync: {{count}} changes waiting',
    error: 'Sync: last exchange failed',
    partlyFailed: 'Sync: last exchange partly failed',
  },
  lastSynced: 'Last synced {{when}}.',
  lastError: 'Last error: {{reason}} ({{when}}).',
  errors: {
    unreachable: 'the server cannot be reached. Changes wait here and are sent when it is back',
    'name-not-found':
      'no server named “{{detail}}” could be found. Check the address for a typo (the desk’s administrator gives it), or the network: without one, no name can be looked up. Changes wait here meanwhile',
    'no-tls-answer':
      'the server at this address does not answer over https. Check the address’s port (CouchDB answers https on its TLS port, often 6984) with the desk’s administrator. Changes wait here meanwhile',
    refused:
      'the server refused the user name or password. If the administrator changed your password, type the new one below and save; changes wait here meanwhile',
    'no-access':
      'the server does not let this user into its database “{{detail}}”. Ask the desk’s administrator to create it and give you access; your user name and password were accepted',
    // r17-team: an officer taken off a summit midway read only a database's name, and nothing of what stayed here.
    'no-access-summit_one':
      'the server does not let this user into the database of {{summits}}: the administrator has not given you access to it, or has taken it away. The summit stays on this desk, to read and edit; your changes to it wait here until the server takes them. The other summits and the reference records still sync. Your user name and password were accepted',
    'no-access-summit_other':
      'the server does not let this user into the databases of {{summits}}: the administrator has not given you access to them, or has taken it away. These summits stay on this desk, to read and edit; your changes to them wait here until the server takes them. The other summits and the reference records still sync. Your user name and password were accepted',
    'not-couchdb': 'something answers at the server address, but not a CouchDB server. Check the address, its port and path',
    'not-tls': 'the server address must start with https://',
    'password-unreadable': 'the stored password cannot be read on this computer. Type it again',
    'database-failed': 'the server answered with an error for its database {{detail}}; the other databases synced',
    'no-database-synced':
      'the server answered with an error for its database {{detail}}, and no database was exchanged. Check the server address, its port and path (the server’s own address, with no database name after it), or ask the desk’s administrator; changes wait here meanwhile',
    redirected:
      'the server sent this desk on to another address ({{detail}}), which Sherpa does not follow: your password goes only to the address typed here. Check the address with the desk’s administrator (its scheme, host and port); changes wait here meanwhile',
    other: 'the server answered: {{detail}}',
  },
  refilledTitle: 'Records the server had lost',
  refilled_one:
    'The server had lost records of {{what}}: this desk sent back {{count}} record it held (at {{when}}). Tell the server’s administrator; colleagues’ desks that sync now get it again.',
  refilled_other:
    'The server had lost records of {{what}}: this desk sent back {{count}} records it held (at {{when}}). Tell the server’s administrator; colleagues’ desks that sync now get them again.',
  refilledReference: 'the reference records: people, countries, sources and sectors (“{{database}}”)',
  noticesTitle: 'Records left out',
  notices: {
    received_one: '{{database}}: {{count}} record received was left out, the last at {{when}}: {{reason}}.',
    received_other: '{{database}}: {{count}} records received were left out, the last at {{when}}: {{reason}}.',
    sent_one: '{{database}}: the server did not take {{count}} record, the last at {{when}}: {{reason}}.',
    sent_other: '{{database}}: the server did not take {{count}} records, the last at {{when}}: {{reason}}.',
  },
  noticeReasons: {
    'too-many-branches': 'more than 100 branches, more than Sherpa merges. The rest was merged',
    invalid: 'a history no Sherpa desk writes. The rest was merged',
    'out-of-scope':
      'records of a summit this desk does not share. The server should not send them: tell the desk’s administrator. Nothing of them was kept',
    forbidden: 'its rules refused it. The rest was sent',
    'too-large': 'larger than the server accepts. The rest was sent',
    'server-error': 'the server answered with an error. The rest was sent',
  },
  problems: {
    empty: 'Server address: give the address of the desk’s server.',
    'not-a-url': 'Server address: write a web address such as https://couch.desk.example:6984.',
    'not-tls': 'Server address: must start with https://. Plain http is allowed only for a server on this computer.',
    'credentials-in-url': 'Server address: give the user name and password in their own fields, not in the address.',
  },
  refused: 'Not saved: {{field}} was refused. Check it and try again.',
  fields: {
    url: 'Server address',
    username: 'User name',
    password: 'Password',
    summitIds: 'Summits to share',
    joinDatabases: 'Join a summit a colleague shares',
  },
};

export const syncKo: typeof syncEn = {
  title: '부서 서버와 동기화',
  intro:
    '같은 정상회의를 준비하는 동료들은 부서의 CouchDB 서버를 통해 자료를 공유합니다. 네트워크가 없어도 Sherpa는 계속 작동하며, 변경 사항은 이 컴퓨터에서 기다렸다가 서버에 연결되면 전송됩니다. 아래에서 선택한 정상회의만 그 회담, 참석자, 후속 조치, 메모와 함께 이 컴퓨터 밖으로 나가며, 정상회의마다 별도의 데이터베이스에 들어갑니다. 참고 기록은 정상회의별로 나뉘지 않습니다. 모든 인물(약력 포함), 국가, 출처, 프로그램, 분야와 그 항목 및 주석은 부서의 모든 담당관이 읽는 하나의 데이터베이스로 가며, 여기서 선택하지 않은 정상회의에만 쓰이는 기록도 마찬가지입니다.',
  url: '서버 주소',
  urlHint: '예: https://couch.desk.example:6984. 서버가 이 컴퓨터에 있지 않으면 https://로 시작해야 합니다.',
  username: '사용자 이름',
  password: '비밀번호',
  passwordKept: '비밀번호가 이 데스크의 키로 봉인되어 저장되어 있습니다. 그대로 두려면 비워 두십시오.',
  passwordAgain: '비밀번호: 다시 입력하십시오. 저장된 비밀번호는 그것을 입력한 서버 주소와 사용자 이름으로만 보냅니다.',
  askingServer: '서버에 이 사용자 이름과 비밀번호를 받는지 묻는 중…',
  passwordRefused:
    '비밀번호: 서버가 이 사용자 이름 또는 비밀번호를 거부했습니다. 둘 다 확인하고(관리자가 정합니다) 다시 연결하십시오. 아무것도 저장되지 않았습니다.',
  summits: '공유할 정상회의',
  summitsHint: '정상회의마다 서버에 별도의 데이터베이스가 있으며, 관리자가 이름별로 접근 권한을 줍니다.',
  noSummits: '아직 공유할 정상회의가 없습니다.',
  join: '동료가 공유하는 정상회의에 참여',
  joinHint:
    '서버는 어떤 정상회의가 있는지 누구에게도 알려 주지 않습니다. 동료의 동기화 패널에서 정상회의 옆에 보이는 데이터베이스 이름(sherpa-summit-…)을 받아 한 줄에 하나씩 입력하십시오. 관리자가 접근 권한을 주었다면 다음 동기화 때 제목, 회담, 메모가 도착합니다.',
  joinWaiting: '아직 받지 못함: {{names}}.',
  deletedSummit:
    '{{title}}({{database}})은(는) {{desk}}에서 {{when}}에 삭제되었습니다. 이 데스크에서 그 아래 있던 기록(회담, 메모, 주석)은 이 데스크가 마지막으로 가진 내용 그대로, 연결이 끊긴 채 여기에 남아 있습니다. 메모는 메모 목록에 있습니다. 삭제한 데스크도 같은 방식으로 보관합니다.',
  deletedSummitNoAuthor:
    '{{title}}({{database}})은(는) 삭제되었습니다. 삭제한 데스크는 기록되지 않았습니다. 이 데스크에서 그 아래 있던 기록(회담, 메모, 주석)은 이 데스크가 마지막으로 가진 내용 그대로, 연결이 끊긴 채 여기에 남아 있습니다. 메모는 메모 목록에 있습니다.',
  deletedSummitHere:
    '{{title}}({{database}})은(는) 이 데스크에서 {{when}}에 삭제되었습니다. 함께 삭제하지 않은 기록은 연결이 끊긴 채 여기에 남아 있습니다. 이를 공유하던 동료도 가지고 있던 기록을 같은 방식으로 자기 데스크에 보관합니다.',
  deletedSummitUntitled: '정상회의',
  deletedSummitMarkingUnknown: '등급 미상',
  deletedSummitMarkingUnknownHint: '이 데스크는 삭제된 정상회의의 내용을 받은 적이 없어 등급을 알지 못합니다. 비밀로 취급하십시오.',
  database: '서버 데이터베이스: {{name}}',
  unsharedWaiting_one:
    '이 정상회의의 변경 사항 {{count}}건이 아직 서버에 도달하지 않았습니다. 선택을 해제하면 대기 중인 변경 사항으로 세지 않지만, 이 데스크에 남아 있다가 정상회의를 다시 공유하면 전송됩니다.',
  unsharedWaiting_other:
    '이 정상회의의 변경 사항 {{count}}건이 아직 서버에 도달하지 않았습니다. 선택을 해제하면 대기 중인 변경 사항으로 세지 않지만, 이 데스크에 남아 있다가 정상회의를 다시 공유하면 전송됩니다.',
  referenceDatabase: '인물, 국가, 출처, 분야: {{name}}',
  connect: '연결',
  saveChanges: '저장하고 동기화',
  disconnect: '연결 해제',
  syncNow: '지금 동기화',
  connected: '저장했습니다. Sherpa가 백그라운드에서 동기화하며, 진행 상황은 사이드바의 동기화 줄에 표시됩니다.',
  savedNotSynced: '저장했지만 아무것도 주고받지 못했습니다: {{reason}}.',
  disconnected: '연결을 해제했습니다. 서버와 비밀번호는 지워졌고, 기록은 이 컴퓨터에 그대로 남아 있습니다.',
  state: {
    off: '서버에 연결되어 있지 않습니다.',
    checking: '보낼 변경 사항을 세는 중…',
    syncing: '동기화 중…',
    'up-to-date': '최신 상태입니다.',
    waiting_one: '보낼 변경 사항 {{count}}건이 대기 중입니다.',
    waiting_other: '보낼 변경 사항 {{count}}건이 대기 중입니다.',
  },
  nav: {
    'up-to-date': '동기화: 최신 상태',
    syncing: '동기화: 진행 중…',
    waiting_one: '동기화: 변경 {{count}}건 대기',
    waiting_other: '동기화: 변경 {{count}}건 대기',
    error: '동기화: 마지막 교환 실패',
    partlyFailed: '동기화: 마지막 교환 일부 실패',
  },
  lastSynced: '마지막 동기화: {{when}}.',
  lastError: '마지막 오류: {{reason}} ({{when}}).',
  errors: {
    unreachable: '서버에 연결할 수 없습니다. 변경 사항은 여기서 기다렸다가 서버가 돌아오면 전송됩니다',
    'name-not-found':
      '“{{detail}}”라는 서버를 찾을 수 없습니다. 주소에 오타가 없는지(부서 관리자가 알려 줍니다), 또는 네트워크를 확인하십시오. 네트워크가 없으면 이름을 찾을 수 없습니다. 그동안 변경 사항은 여기서 기다립니다',
    'no-tls-answer':
      '이 주소의 서버가 https로 응답하지 않습니다. 부서 관리자와 주소의 포트(CouchDB는 TLS 포트, 흔히 6984에서 https로 응답합니다)를 확인하십시오. 그동안 변경 사항은 여기서 기다립니다',
    refused:
      '서버가 사용자 이름 또는 비밀번호를 거부했습니다. 관리자가 비밀번호를 바꿨다면 아래에 새 비밀번호를 입력하고 저장하십시오. 그동안 변경 사항은 여기서 기다립니다',
    'no-access':
      '서버가 이 사용자의 데이터베이스 “{{detail}}” 접근을 허용하지 않습니다. 부서 관리자에게 데이터베이스를 만들고 접근 권한을 달라고 요청하십시오. 사용자 이름과 비밀번호는 받아들여졌습니다',
    'no-access-summit_one':
      '서버가 이 사용자의 다음 정상회의 데이터베이스 접근을 허용하지 않습니다: {{summits}}. 관리자가 접근 권한을 주지 않았거나 회수했습니다. 이 정상회의는 이 데스크에 남아 있어 읽고 편집할 수 있으며, 변경 사항은 서버가 받을 때까지 여기서 기다립니다. 다른 정상회의와 참고 기록은 계속 동기화됩니다. 사용자 이름과 비밀번호는 받아들여졌습니다',
    'no-access-summit_other':
      '서버가 이 사용자의 다음 정상회의 데이터베이스 접근을 허용하지 않습니다: {{summits}}. 관리자가 접근 권한을 주지 않았거나 회수했습니다. 이 정상회의는 이 데스크에 남아 있어 읽고 편집할 수 있으며, 변경 사항은 서버가 받을 때까지 여기서 기다립니다. 다른 정상회의와 참고 기록은 계속 동기화됩니다. 사용자 이름과 비밀번호는 받아들여졌습니다',
    'not-couchdb': '서버 주소에서 응답이 오지만 CouchDB 서버가 아닙니다. 주소와 포트, 경로를 확인하십시오',
    'not-tls': '서버 주소는 https://로 시작해야 합니다',
    'password-unreadable': '저장된 비밀번호를 이 컴퓨터에서 읽을 수 없습니다. 다시 입력하십시오',
    'database-failed': '서버가 데이터베이스 {{detail}}에 대해 오류로 응답했습니다. 다른 데이터베이스는 동기화되었습니다',
    'no-database-synced':
      '서버가 데이터베이스 {{detail}}에 대해 오류로 응답했고, 어떤 데이터베이스도 교환되지 않았습니다. 서버 주소와 포트, 경로(데이터베이스 이름을 붙이지 않은 서버 자체의 주소)를 확인하거나 부서 관리자에게 문의하십시오. 그동안 변경 사항은 여기서 기다립니다',
    redirected:
      '서버가 이 데스크를 다른 주소({{detail}})로 보냈으나 Sherpa는 따라가지 않습니다. 비밀번호는 여기에 입력한 주소로만 보내집니다. 데스크 관리자와 주소(스킴, 호스트, 포트)를 확인하십시오. 그동안 변경 사항은 여기에서 기다립니다',
    other: '서버 응답: {{detail}}',
  },
  refilledTitle: '서버가 잃었던 기록',
  refilled_one:
    '서버가 {{what}}의 기록을 잃었습니다. 이 데스크가 보유한 기록 {{count}}건을 다시 보냈습니다({{when}}). 서버 관리자에게 알리십시오. 지금 동기화하는 동료 데스크는 이 기록을 다시 받습니다.',
  refilled_other:
    '서버가 {{what}}의 기록을 잃었습니다. 이 데스크가 보유한 기록 {{count}}건을 다시 보냈습니다({{when}}). 서버 관리자에게 알리십시오. 지금 동기화하는 동료 데스크는 이 기록을 다시 받습니다.',
  refilledReference: '참고 기록(인물, 국가, 출처, 분야, “{{database}}”)',
  noticesTitle: '반영하지 않은 기록',
  notices: {
    received_one: '{{database}}: 받은 기록 {{count}}건을 반영하지 않았습니다(마지막 {{when}}): {{reason}}.',
    received_other: '{{database}}: 받은 기록 {{count}}건을 반영하지 않았습니다(마지막 {{when}}): {{reason}}.',
    sent_one: '{{database}}: 서버가 기록 {{count}}건을 받지 않았습니다(마지막 {{when}}): {{reason}}.',
    sent_other: '{{database}}: 서버가 기록 {{count}}건을 받지 않았습니다(마지막 {{when}}): {{reason}}.',
  },
  noticeReasons: {
    'too-many-branches': '분기가 100개를 넘어 Sherpa가 병합하지 않습니다. 나머지는 병합했습니다',
    invalid: 'Sherpa 데스크가 쓰지 않는 이력입니다. 나머지는 병합했습니다',
    'out-of-scope':
      '이 데스크가 공유하지 않는 정상회의의 기록입니다. 서버가 보내서는 안 되는 기록이니 부서 관리자에게 알리십시오. 그 내용은 하나도 보관하지 않았습니다',
    forbidden: '서버 규칙이 거부했습니다. 나머지는 보냈습니다',
    'too-large': '서버가 받는 크기보다 큽니다. 나머지는 보냈습니다',
    'server-error': '서버가 오류로 응답했습니다. 나머지는 보냈습니다',
  },
  problems: {
    empty: '서버 주소: 부서 서버의 주소를 입력하십시오.',
    'not-a-url': '서버 주소: https://couch.desk.example:6984 와 같은 웹 주소를 입력하십시오.',
    'not-tls': '서버 주소: https://로 시작해야 합니다. http는 이 컴퓨터에 있는 서버에만 허용됩니다.',
    'credentials-in-url': '서버 주소: 사용자 이름과 비밀번호는 주소가 아닌 각각의 칸에 입력하십시오.',
  },
  refused: '저장하지 않았습니다: {{field}} 값이 거부되었습니다. 확인 후 다시 시도하십시오.',
  fields: {
    url: '서버 주소',
    username: '사용자 이름',
    password: '비밀번호',
    summitIds: '공유할 정상회의',
    joinDatabases: '동료가 공유하는 정상회의에 참여',
  },
};

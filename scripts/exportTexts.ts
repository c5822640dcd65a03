import type { CliLanguage } from './cliLanguage.ts';

// Every line the export command prints that is its own, in both languages (the store's refusals, the export's
// steps and the kinds of records are the app's, in shared/). `{{name}}` takes a value (shared/fillText.ts); paths,
// pack names and option names stay as they are typed.

const exportCliEn = {
  usage: `Usage:
  npm run export -- --sample --out FILE.pdf [--paper a4|letter] [--copy-for NAME]
  npm run export -- --db PATH --pack NAME --out FILE.pdf [--paper a4|letter] [--copy-for NAME]
  (either form also takes --author NAME, written into the PDF's properties; default "Sherpa",
  and --replace, to replace a file already at --out)
  An encrypted store asks for its passphrase on the terminal, or reads it from
  an open file descriptor with --passphrase-fd N (e.g. 3<passphrase.txt); never as an argument.
  Messages are in the language of LC_ALL, LC_MESSAGES or LANG (Korean for ko_KR.UTF-8, otherwise
  English); --language en|ko chooses one.`,
  warning: 'warning: {{line}}',
  // Arguments.
  unknownOption: "Unknown option '{{option}}'.",
  optionNeedsValue: '{{option}} needs a value.',
  optionTakesNoValue: '{{option}} takes no value.',
  unexpectedArgument: 'Unexpected argument “{{argument}}”: every value follows its option.',
  repeatedOption: '--{{option}} is given twice; give it once.',
  outRequired: '--out FILE.pdf is required.',
  sampleAndStore: 'Give either --sample, or --db and --pack, not both.',
  sampleOrStore: 'Give --sample, or both --db PATH and --pack NAME.',
  paperChoice: '--paper must be one of {{choices}}, not “{{value}}”.',
  languageChoice: '--language must be en or ko, not “{{value}}”.',
  copyForEmpty: '--copy-for needs a recipient name.',
  lineTooLong: '{{option}} is too long: at most {{max}} characters.',
  lineNotSingle: '{{option}} must be one line, without control characters.',
  lineBroken: '{{option}} has a broken character (half of an emoji or symbol); type it again.',
  lineHidden:
    '{{option}} has an invisible character that reorders or hides text (a direction override or isolate, or a zero-width space); type it again.',
  passphraseFdNumber: '--passphrase-fd must be a file descriptor number, not “{{value}}”.',
  // The place the PDF is to be written.
  outNotPdf: '--out must name a file ending in .pdf, not {{out}}.',
  outIsFolder: '--out {{out}} is a folder; give the name of a PDF file to write.',
  outFolderMissing: '--out {{out}}: the folder {{folder}} does not exist.',
  outFolderIsFile: '--out {{out}}: {{folder}} is a file, not a folder.',
  outReadOnly: '--out {{out}} is read-only; the export does not replace a protected file. Give the PDF another name.',
  outExists: '--out {{out}} already exists; the export does not replace a file unasked. Give the PDF another name, or add --replace.',
  outNotWritable: '--out {{out}}: the folder {{folder}} is not writable (permission denied).',
  outReadOnlyDisk: '--out {{out}}: the folder {{folder}} is on a read-only disk.',
  outDiskFull: '--out {{out}}: the disk holding {{folder}} is full.',
  outCannotWrite: '--out {{out}}: cannot write in {{folder}} ({{detail}}).',
  outIsStore: '--out {{out}} is the store given with --db; the export never writes over what it reads. Give the PDF another name.',
  // The pack asked for.
  packAlike: 'More than one pack in {{store}} is named as “{{name}}” is but for its spaces: {{names}}. Copy the exact name from Sherpa.',
  packMissing: 'No pack named “{{name}}” in {{store}}. Saved packs: {{names}}.',
  packMissingNoneSaved: 'No pack named “{{name}}” in {{store}}. It has no saved packs.',
  packUnexportable:
    'The pack “{{name}}” in {{store}} has a definition Sherpa cannot export ({{detail}}); open it in Sherpa, fix it and save it again.',
  packMeetingMoved:
    'The pack “{{pack}}” lists the meeting “{{meeting}}”, which now belongs to {{now}}, not to {{packSummit}}; open the pack in Sherpa, take the meeting out or move it back, and export again. No file was written.',
  summitNamed: '“{{title}}”',
  noSummit: 'no summit',
  packSummitNamed: 'the pack’s summit “{{title}}”',
  packWithoutSummit: 'the pack, which has no summit',
  unmarkedForeign: '“{{name}}” (marked “{{level}}”)',
  unmarkedOne: 'One item in this pack has no marking of the scheme “{{scheme}}” ({{levels}}): {{names}}. Mark it, then export again.',
  unmarkedMany:
    '{{count}} items in this pack have no marking of the scheme “{{scheme}}” ({{levels}}): {{names}}. Mark them, then export again.',
  // The store and its passphrase.
  passphrasePrompt: 'Passphrase for the Sherpa store: ',
  passphraseUnreadable:
    'This store is encrypted and no passphrase could be read ({{why}}). Type it on a terminal, or pass --passphrase-fd N with the passphrase on that descriptor.',
  noTerminal: 'no terminal to ask on',
  typingCancelled: 'cancelled',
  storeNotOpened: 'Sherpa could not open the store.',
  // The export.
  unprintable:
    '{{kind}} “{{title}}” holds {{scripts}} characters ({{characters}}) that no font on this machine can draw: they print as empty boxes. Install a font for that script, or write the text in another script.',
  cancelled: 'No file was written: the export was cancelled.',
  failed: '{{detail}}',
  result: '{{path}}: {{pages}} pages, {{kib}} KiB, banner {{banner}}{{copy}}; {{ms}} ms (engine print {{printMs}} ms, {{passes}} passes)',
  copyNumbered: ', copy {{number}}',
  copyUnregistered:
    ', stamped “Unregistered copy” (no number: it is not entered in the store’s register, since the command line changes no store, and the app would give that number to its next copy)',
};

export type ExportCliTexts = typeof exportCliEn;

const exportCliKo: ExportCliTexts = {
  usage: `사용법:
  npm run export -- --sample --out 파일.pdf [--paper a4|letter] [--copy-for 이름]
  npm run export -- --db 경로 --pack 이름 --out 파일.pdf [--paper a4|letter] [--copy-for 이름]
  (두 형식 모두 PDF 속성에 기록할 작성자 --author 이름(기본값 “Sherpa”)과,
  --out에 이미 있는 파일을 덮어쓰는 --replace를 함께 받습니다.)
  암호화된 저장소는 터미널에서 암호를 묻거나, --passphrase-fd N으로 연 파일 디스크립터에서
  암호를 읽습니다(예: 3<passphrase.txt). 암호를 인수로 받지는 않습니다.
  메시지는 LC_ALL, LC_MESSAGES, LANG의 언어로 나옵니다(ko_KR.UTF-8이면 한국어, 그 밖에는 영어).
  --language en|ko로 언어를 고를 수 있습니다.`,
  warning: '경고: {{line}}',
  unknownOption: "알 수 없는 옵션입니다: '{{option}}'.",
  optionNeedsValue: '{{option}}에는 값이 필요합니다.',
  optionTakesNoValue: '{{option}}에는 값을 줄 수 없습니다.',
  unexpectedArgument: '예상하지 못한 인수입니다: “{{argument}}”. 모든 값은 해당 옵션 뒤에 씁니다.',
  repeatedOption: '--{{option}}이(가) 두 번 지정되었습니다. 한 번만 지정하십시오.',
  outRequired: '--out 파일.pdf를 지정해야 합니다.',
  sampleAndStore: '--sample과 --db·--pack 중 하나만 지정하십시오. 둘 다 지정할 수는 없습니다.',
  sampleOrStore: '--sample을 지정하거나, --db 경로와 --pack 이름을 함께 지정하십시오.',
  paperChoice: '--paper에는 {{choices}} 중 하나를 지정하십시오. “{{value}}”은(는) 쓸 수 없습니다.',
  languageChoice: '--language에는 en 또는 ko를 지정하십시오. “{{value}}”은(는) 쓸 수 없습니다.',
  copyForEmpty: '--copy-for에는 수신자 이름이 필요합니다.',
  lineTooLong: '{{option}} 값이 너무 깁니다. 최대 {{max}}자입니다.',
  lineNotSingle: '{{option}} 값은 제어 문자 없이 한 줄이어야 합니다.',
  lineBroken: '{{option}} 값에 깨진 문자(이모지나 기호의 절반)가 있습니다. 다시 입력하십시오.',
  lineHidden:
    '{{option}} 값에 글의 순서를 바꾸거나 숨기는 보이지 않는 문자(방향 재정의·격리 문자 또는 폭 없는 공백)가 있습니다. 다시 입력하십시오.',
  passphraseFdNumber: '--passphrase-fd에는 파일 디스크립터 번호를 지정하십시오. “{{value}}”은(는) 번호가 아닙니다.',
  outNotPdf: '--out에는 .pdf로 끝나는 파일 이름을 지정하십시오({{out}}은(는) .pdf로 끝나지 않습니다).',
  outIsFolder: '--out {{out}}은(는) 폴더입니다. 쓸 PDF 파일의 이름을 지정하십시오.',
  outFolderMissing: '--out {{out}}: {{folder}} 폴더가 없습니다.',
  outFolderIsFile: '--out {{out}}: {{folder}}은(는) 폴더가 아니라 파일입니다.',
  outReadOnly: '--out {{out}}은(는) 읽기 전용입니다. 내보내기는 보호된 파일을 덮어쓰지 않습니다. 다른 PDF 이름을 지정하십시오.',
  outExists:
    '--out {{out}}이(가) 이미 있습니다. 내보내기는 묻지 않고 파일을 덮어쓰지 않습니다. 다른 PDF 이름을 지정하거나 --replace를 붙이십시오.',
  outNotWritable: '--out {{out}}: {{folder}} 폴더에 쓸 권한이 없습니다.',
  outReadOnlyDisk: '--out {{out}}: {{folder}} 폴더가 읽기 전용 디스크에 있습니다.',
  outDiskFull: '--out {{out}}: {{folder}} 폴더가 있는 디스크가 가득 찼습니다.',
  outCannotWrite: '--out {{out}}: {{folder}} 폴더에 쓸 수 없습니다({{detail}}).',
  outIsStore: '--out {{out}}은(는) --db로 지정한 저장소입니다. 내보내기는 읽는 파일을 덮어쓰지 않습니다. 다른 PDF 이름을 지정하십시오.',
  packAlike:
    '{{store}}에 공백만 다를 뿐 “{{name}}”과(와) 같은 이름의 자료집이 여럿 있습니다: {{names}}. Sherpa에서 정확한 이름을 복사하십시오.',
  packMissing: '{{store}}에 “{{name}}”(이)라는 자료집이 없습니다. 저장된 자료집: {{names}}.',
  packMissingNoneSaved: '{{store}}에 “{{name}}”(이)라는 자료집이 없습니다. 저장된 자료집이 하나도 없습니다.',
  packUnexportable:
    '{{store}}의 자료집 “{{name}}”에는 Sherpa가 내보낼 수 없는 정의가 있습니다({{detail}}). Sherpa에서 열어 고친 뒤 다시 저장하십시오.',
  packMeetingMoved:
    '자료집 “{{pack}}”에 있는 회담 “{{meeting}}”은(는) 이제 {{packSummit}}이 아니라 {{now}}에 속합니다. Sherpa에서 자료집을 열어 회담을 빼거나 되돌린 뒤 다시 내보내십시오. 파일을 쓰지 않았습니다.',
  summitNamed: '“{{title}}”',
  noSummit: '어느 정상회의에도 속하지 않는 곳',
  packSummitNamed: '자료집의 정상회의 “{{title}}”',
  packWithoutSummit: '정상회의가 없는 자료집',
  unmarkedForeign: '“{{name}}”(“{{level}}” 표시)',
  unmarkedOne: '이 자료집의 항목 하나에 등급 체계 “{{scheme}}”({{levels}})의 등급이 없습니다: {{names}}. 등급을 정한 뒤 다시 내보내십시오.',
  unmarkedMany:
    '이 자료집의 항목 {{count}}개에 등급 체계 “{{scheme}}”({{levels}})의 등급이 없습니다: {{names}}. 등급을 정한 뒤 다시 내보내십시오.',
  passphrasePrompt: 'Sherpa 저장소의 암호: ',
  passphraseUnreadable:
    '이 저장소는 암호화되어 있는데 암호를 읽지 못했습니다({{why}}). 터미널에서 입력하거나, 암호가 든 파일 디스크립터를 --passphrase-fd N으로 지정하십시오.',
  noTerminal: '물어볼 터미널이 없습니다',
  typingCancelled: '입력을 취소했습니다',
  storeNotOpened: 'Sherpa가 저장소를 열지 못했습니다.',
  unprintable:
    '{{kind}} “{{title}}”에 이 컴퓨터의 어떤 글꼴로도 그릴 수 없는 {{scripts}} 글자({{characters}})가 있어 빈 네모로 인쇄됩니다. 해당 문자의 글꼴을 설치하거나 다른 문자로 쓰십시오.',
  cancelled: '내보내기를 취소했습니다. 파일을 쓰지 않았습니다.',
  failed: '내보내지 못했습니다: {{detail}}',
  result: '{{path}}: {{pages}}쪽, {{kib}} KiB, 등급 표시 {{banner}}{{copy}}; {{ms}} ms(엔진 인쇄 {{printMs}} ms, 조판 {{passes}}회)',
  copyNumbered: ', 사본 {{number}}',
  copyUnregistered:
    ', 번호 없는 미등록 사본으로 찍힘(명령줄은 저장소를 바꾸지 않으므로 저장소의 사본 대장에 기록되지 않으며, 그 번호는 앱이 다음 사본에 줍니다)',
};

export const exportCliTexts: Record<CliLanguage, ExportCliTexts> = { en: exportCliEn, ko: exportCliKo };

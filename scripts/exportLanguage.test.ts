import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestVersion } from '../db/migrations/index.ts';
import type { Db } from '../db/open.ts';
import { savePack } from '../db/packs.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { setUpKeys } from '../main/keys/keyring.ts';
import { writeError } from '../main/pdf/atomicFile.ts';
import { UnmarkedMaterialError } from '../main/pdf/classification.ts';
import { ExportCancelledError } from '../main/pdf/engine.ts';
import { PackMeetingMovedError } from '../main/pdf/exportPack.ts';
import { samplePackDefinition } from '../main/pdf/samplePack.ts';
import { openStore } from '../main/store.ts';
import { type CliLanguage, languageFromEnvironment } from './cliLanguage.ts';
import { type AskPassphrase, describeUnprintable, runExportCli } from './exportCli.ts';
import { wordExportError } from './exportRefusals.ts';

// A Korean desk officer running the export on a handed-over store reads every line in Korean; under LANG=C, in
// English. Each refusal leaves the store and any file already at --out as they were, to the byte and the mtime.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-language-'));
const store = path.join(folder, 'handed-over.sqlite');
const existing = path.join(folder, 'already-there.pdf');
// A store whose name ends in .pdf, as a desk may save one, and a folder named as a PDF.
const storeNamedPdf = path.join(folder, 'handed-over-store.pdf');
const folderNamedPdf = path.join(folder, 'folder.pdf');
const korean = { LANG: 'ko_KR.UTF-8' };
const english = { LANG: 'C' };

/** A Sherpa store as a colleague hands it over, with two saved packs; `change` may age or break it. */
function sherpaStore(file: string, change?: (db: Db) => void): string {
  const db = openScratchDatabase(file);
  loadSampleIfEmpty(db);
  savePack(db, 'Desk pack', samplePackDefinition(db));
  savePack(db, '데스크 자료집', samplePackDefinition(db));
  change?.(db);
  db.close();
  return file;
}

beforeAll(() => {
  sherpaStore(store);
  fs.copyFileSync(store, storeNamedPdf);
  fs.mkdirSync(folderNamedPdf);
  fs.writeFileSync(existing, '%PDF-1.7 an earlier pack');
  // An hour ago, so that a rewrite (even of the same bytes) would show in the mtime.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(existing, anHourAgo, anHourAgo);
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

interface Run {
  code: number;
  lines: string[];
  prompts: string[];
}

/** runExportCli as export.ts runs it, in the process: every line it prints, each on its own. */
async function run(env: Record<string, string>, args: string[], options: { ask?: AskPassphrase; signal?: AbortSignal } = {}): Promise<Run> {
  const lines: string[] = [];
  const prompts: string[] = [];
  const print = (text: string) => lines.push(...text.split('\n'));
  const ask: AskPassphrase = (prompt) => {
    prompts.push(prompt);
    return options.ask ? options.ask(prompt) : Promise.reject(Object.assign(new Error('no terminal'), { code: 'ENOTTY' }));
  };
  const code = await runExportCli(args, { progress: print, error: print, result: print }, options.signal, ask, env);
  return { code, lines, prompts };
}

/**
 * The English left in a line of a Korean run once what is rightly kept as typed is taken out: paths, names in
 * quotation marks (packs, records, values typed), option names and their fixed values, the program's and the
 * product's names, units and the locale variables the usage names. Empty when the line is all Korean.
 */
function englishIn(line: string, keep: readonly string[] = []): string[] {
  let rest = line;
  for (const kept of [...keep, folder, os.tmpdir()]) rest = rest.split(kept).join(' ');
  rest = rest
    .replace(/“[^”]*”|'[^']*'/g, ' ')
    .replace(/--[a-z-]+(=\S*)?/g, ' ')
    .replace(/\b(?:sherpa export|npm run export|Sherpa|PDF|KiB|ms|MB|a4(?:\||, )letter|en\|ko|LC_ALL|LC_MESSAGES|LANG|UTF-8|ko_KR)\b/g, ' ')
    .replace(/(?:\/[\w.-]+)+/g, ' ')
    .replace(/[\w-]*\.(?:pdf|sqlite|txt)(?:-wal)?\b/g, ' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

/** Every byte and the mtime of a file, and what lies beside it. */
function snapshot(file: string) {
  return {
    sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    mtimeMs: fs.statSync(file).mtimeMs,
    beside: fs.readdirSync(path.dirname(file)).sort(),
  };
}

describe('the export command’s language', () => {
  it('is chosen from LC_ALL, then LC_MESSAGES, then LANG, as command-line programs choose it', () => {
    expect(languageFromEnvironment({})).toBe('en');
    expect(languageFromEnvironment({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(languageFromEnvironment({ LANG: 'ko' })).toBe('ko');
    expect(languageFromEnvironment({ LANG: 'C' })).toBe('en');
    expect(languageFromEnvironment({ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8' })).toBe('ko');
    expect(languageFromEnvironment({ LANG: 'ko_KR.UTF-8', LC_ALL: 'C' })).toBe('en');
    // Set but empty is unset (POSIX); Konkani (kok) is not Korean.
    expect(languageFromEnvironment({ LC_ALL: '', LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(languageFromEnvironment({ LANG: 'kok_IN' })).toBe('en');
  });

  it('follows --language over the environment, and refuses another value in the environment’s language', async () => {
    const asked = await run(english, ['--language', 'ko', '--sample']);
    expect(asked.code).toBe(2);
    expect(asked.lines[0]).toBe('sherpa export: --out 파일.pdf를 지정해야 합니다.');
    const refused = await run(korean, ['--language=fr', '--sample', '--out', 'x.pdf']);
    expect(refused.code).toBe(2);
    expect(refused.lines[0]).toBe('sherpa export: --language에는 en 또는 ko를 지정하십시오. “fr”은(는) 쓸 수 없습니다.');
    expect(refused.lines[1]).toBe('사용법:');
    const english_ = await run(english, ['--language=fr', '--sample', '--out', 'x.pdf']);
    expect(english_.lines[0]).toBe('sherpa export: --language must be en or ko, not “fr”.');
    const noValue = await run(korean, ['--sample', '--out', 'x.pdf', '--language']);
    expect(noValue.lines[0]).toBe('sherpa export: --language에는 값이 필요합니다.');
  });
});

// Each refusal: the arguments, then what a line of it must say in Korean and in English.
const refusals: [string, () => string[], RegExp, RegExp][] = [
  [
    'an unknown option',
    () => ['--sample', '--out', 'x.pdf', '--pasphrase', 'x'],
    /알 수 없는 옵션입니다: '--pasphrase'/,
    /Unknown option '--pasphrase'/,
  ],
  ['an option without its value', () => ['--sample', '--out'], /--out에는 값이 필요합니다/, /--out needs a value/],
  [
    'a value with no option',
    () => ['--sample', '--out', 'x.pdf', 'stray'],
    /예상하지 못한 인수입니다: “stray”/,
    /Unexpected argument “stray”/,
  ],
  [
    'an option given twice',
    () => ['--sample', '--out', 'a.pdf', '--out', 'b.pdf'],
    /--out이\(가\) 두 번 지정되었습니다/,
    /--out is given twice/,
  ],
  [
    'neither --sample nor a store',
    () => ['--out', 'x.pdf'],
    /--sample을 지정하거나, --db 경로와 --pack 이름을 함께/,
    /Give --sample, or both/,
  ],
  ['--sample and a store', () => ['--sample', '--db', store, '--pack', 'Desk pack', '--out', 'x.pdf'], /하나만 지정하십시오/, /not both/],
  [
    'another paper size',
    () => ['--sample', '--out', 'x.pdf', '--paper', 'a5'],
    /--paper에는 a4, letter 중 하나를/,
    /--paper must be one of a4, letter/,
  ],
  ['an empty recipient', () => ['--sample', '--out', 'x.pdf', '--copy-for', ' '], /수신자 이름이 필요합니다/, /needs a recipient name/],
  [
    'a recipient with a direction override',
    () => ['--sample', '--out', 'x.pdf', '--copy-for', 'Kim \u202Eevil'],
    /--copy-for 값에 글의 순서를 바꾸거나 숨기는 보이지 않는 문자/,
    /--copy-for has an invisible character/,
  ],
  [
    'a descriptor that is no number',
    () => ['--sample', '--out', 'x.pdf', '--passphrase-fd', 'three'],
    /파일 디스크립터 번호를/,
    /file descriptor number/,
  ],
  [
    '--out that is no PDF',
    () => ['--db', store, '--pack', 'Desk pack', '--out', path.join(folder, 'pack.txt')],
    /\.pdf로 끝나는/,
    /ending in \.pdf/,
  ],
  ['--out that is a folder', () => ['--db', store, '--pack', 'Desk pack', '--out', folderNamedPdf], /은\(는\) 폴더입니다/, /is a folder/],
  [
    '--out in a folder that does not exist',
    () => ['--db', store, '--pack', 'Desk pack', '--out', path.join(folder, 'gone', 'x.pdf')],
    /폴더가 없습니다/,
    /does not exist/,
  ],
  [
    '--out that is already there',
    () => ['--db', store, '--pack', 'Desk pack', '--out', existing],
    /이미 있습니다.*--replace를 붙이십시오/,
    /already exists/,
  ],
  [
    '--out that is the store itself',
    () => ['--db', storeNamedPdf, '--pack', 'Desk pack', '--out', storeNamedPdf, '--replace'],
    /--db로 지정한 저장소입니다\. 내보내기는 읽는 파일을 덮어쓰지 않습니다/,
    /is the store given with --db; the export never writes over what it reads/,
  ],
  [
    'a pack not in the store',
    () => ['--db', store, '--pack', 'Abuja pack', '--out', path.join(folder, 'never.pdf')],
    /“Abuja pack”\(이\)라는 자료집이 없습니다\. 저장된 자료집: “Desk pack”, “데스크 자료집”\./,
    /No pack named “Abuja pack” in .*\. Saved packs: “Desk pack”, “데스크 자료집”\./,
  ],
];

describe.each([
  ['ko', korean],
  ['en', english],
] as [CliLanguage, Record<string, string>][])('a refusal under %s', (language, env) => {
  it.each(refusals)('of %s is said in the language, the store and --out unchanged', async (_name, args, inKorean, inEnglish) => {
    const before = [store, storeNamedPdf, existing].map(snapshot);
    const done = await run(env, args());
    expect(done.code).toBeGreaterThan(0);
    expect(done.lines[0]).toMatch(/^sherpa export: /);
    expect(done.lines[0]).toMatch(language === 'ko' ? inKorean : inEnglish);
    if (language === 'ko') for (const line of done.lines) expect(englishIn(line), line).toEqual([]);
    else expect(done.lines.join('\n').replace(/“[^”]*”/g, '')).not.toMatch(/[가-힣]/);
    expect([store, storeNamedPdf, existing].map(snapshot)).toEqual(before);
  });
});

describe('what the store and the lock pass on, in Korean and English', () => {
  const scratch = path.join(folder, 'stores');
  beforeAll(() => fs.mkdirSync(scratch));

  const stores: [string, () => string, RegExp, RegExp][] = [
    [
      'random bytes',
      () => {
        const file = path.join(scratch, 'random.sqlite');
        fs.writeFileSync(file, randomBytes(64 * 1024));
        return file;
      },
      /은\(는\) Sherpa 저장소가 아닙니다\(데이터베이스가 아닙니다\)\. 파일은 바뀌지 않았습니다\./,
      /is not a Sherpa store \(it is not a database at all\)\. The file was not changed\./,
    ],
    [
      'another program’s database',
      () => {
        const file = path.join(scratch, 'recipes.sqlite');
        const db = new Database(file);
        db.exec("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipe (title) VALUES ('Kimchi')");
        db.close();
        return file;
      },
      /다른 프로그램의 데이터베이스이며 Sherpa 저장소가 아닙니다/,
      /is a database of another program/,
    ],
    [
      'a store from a newer Sherpa',
      () => sherpaStore(path.join(scratch, 'newer.sqlite'), (db) => db.pragma(`user_version = ${latestVersion + 10}`)),
      new RegExp(`더 새로운 버전의 Sherpa가 썼습니다\\(스키마 ${latestVersion + 10}, 이 버전은 ${latestVersion}까지 압니다\\)`),
      /was written by a newer version of Sherpa/,
    ],
    [
      'two packs named alike but for their spaces',
      () => sherpaStore(path.join(scratch, 'alike.sqlite'), (db) => savePack(db, 'Desk  pack', samplePackDefinition(db))),
      /공백만 다를 뿐 “Desk\u00a0pack”과\(와\) 같은 이름의 자료집이 여럿 있습니다: “Desk {2}pack”, “Desk pack”/,
      /More than one pack in .* is named as “Desk\u00a0pack” is but for its spaces/,
    ],
    [
      'a pack whose definition cannot be exported',
      () =>
        sherpaStore(path.join(scratch, 'bad-pack.sqlite'), (db) =>
          db.prepare("UPDATE briefing_pack SET definition = json_remove(definition, '$.summitId')").run(),
        ),
      /자료집 “Desk pack”에는 Sherpa가 내보낼 수 없는 정의가 있습니다\(summitId\)/,
      /has a definition Sherpa cannot export \(summitId: /,
    ],
  ];

  it.each(stores)('%s', async (_name, make, inKorean, inEnglish) => {
    const file = make();
    const before = snapshot(file);
    const out = path.join(scratch, 'never.pdf');
    for (const [env, expected] of [
      [korean, inKorean],
      [english, inEnglish],
    ] as const) {
      const done = await run(env, ['--db', file, '--pack', 'Desk\u00a0pack', '--out', out]);
      expect(done.code).toBe(1);
      expect(done.lines).toHaveLength(1);
      expect(done.lines[0]).toMatch(expected);
      if (env === korean) expect(englishIn(done.lines[0] as string, ['Desk pack', 'summitId']), done.lines[0]).toEqual([]);
      expect(snapshot(file)).toEqual(before);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  describe('an encrypted store', () => {
    const encrypted = path.join(folder, 'encrypted');
    const file = path.join(encrypted, 'sherpa.sqlite');
    beforeAll(async () => {
      fs.mkdirSync(encrypted);
      const { dataKey } = await setUpKeys(encrypted, 'correct horse battery', { N: 2 ** 12, r: 8, p: 1 });
      const { db } = openStore(encrypted, { key: dataKey });
      savePack(db, 'Desk pack', samplePackDefinition(db));
      db.close();
    });

    it('asks for its passphrase and refuses a wrong one, or none, in Korean; nothing in its folder changes', async () => {
      const before = fs.readdirSync(encrypted).map((name) => ({ name, ...snapshot(path.join(encrypted, name)) }));
      const out = path.join(folder, 'encrypted.pdf');
      const wrong = await run(korean, ['--db', file, '--pack', 'Desk pack', '--out', out], { ask: async () => 'not the passphrase' });
      expect(wrong.prompts).toEqual(['Sherpa 저장소의 암호: ']);
      expect(wrong.code).toBe(1);
      expect(wrong.lines).toEqual(['sherpa export: 암호 또는 복구 키가 맞지 않습니다. 아무것도 바뀌지 않았습니다.']);
      const none = await run(korean, ['--db', file, '--pack', 'Desk pack', '--out', out]);
      expect(none.code).toBe(1);
      expect(none.lines).toEqual([
        'sherpa export: 이 저장소는 암호화되어 있는데 암호를 읽지 못했습니다(물어볼 터미널이 없습니다). 터미널에서 입력하거나, 암호가 든 파일 디스크립터를 --passphrase-fd N으로 지정하십시오.',
      ]);
      const inEnglish = await run(english, ['--db', file, '--pack', 'Desk pack', '--out', out], { ask: async () => 'not the passphrase' });
      expect(inEnglish.prompts).toEqual(['Passphrase for the Sherpa store: ']);
      expect(inEnglish.lines).toEqual(['sherpa export: The passphrase or recovery key is not right. Nothing was changed.']);
      expect(fs.readdirSync(encrypted).map((name) => ({ name, ...snapshot(path.join(encrypted, name)) }))).toEqual(before);
      expect(fs.existsSync(out)).toBe(false);
    });

    it('refused as it is after the right passphrase, as the lock passes it on, is said in Korean', async () => {
      // Keys set up, and a plain store put beside them: the lock opens it with the key and refuses it, untouched.
      const halfDone = path.join(folder, 'half-encrypted');
      fs.mkdirSync(halfDone);
      await setUpKeys(halfDone, 'correct horse battery', { N: 2 ** 12, r: 8, p: 1 });
      const plain = path.join(halfDone, 'sherpa.sqlite');
      fs.copyFileSync(store, plain);
      const before = snapshot(plain);
      const done = await run(korean, ['--db', plain, '--pack', 'Desk pack', '--out', path.join(folder, 'half.pdf')], {
        ask: async () => 'correct horse battery',
      });
      expect(done.code).toBe(1);
      expect(done.lines).toEqual([
        `sherpa export: ${plain}은(는) 키가 설정되었지만 아직 암호화되지 않았습니다. Sherpa에서 한 번 열어 암호화를 마치십시오. 파일은 바뀌지 않았습니다.`,
      ]);
      expect(snapshot(plain)).toEqual(before);
    });
  });
});

describe('the export’s own lines in Korean', () => {
  it('the usage, a cancelled export and a warning about unprintable names', async () => {
    // The check itself can fail: an English line, even among paths and option names, is caught.
    expect(englishIn(`sherpa export: --out ${existing} already exists; add --replace.`)).toEqual(['already', 'exists', 'add']);
    const help = await run(korean, ['--help']);
    expect(help.code).toBe(0);
    expect(help.lines[0]).toBe('사용법:');
    for (const line of help.lines) expect(englishIn(line), line).toEqual([]);

    const cancel = new AbortController();
    cancel.abort();
    const out = path.join(folder, 'cancelled.pdf');
    const cancelled = await run(korean, ['--db', store, '--pack', 'Desk pack', '--out', out], { signal: cancel.signal });
    expect(cancelled.code).toBe(130);
    expect(cancelled.lines).toEqual(['sherpa export: 내보내기를 취소했습니다. 파일을 쓰지 않았습니다.']);
    expect(fs.existsSync(out)).toBe(false);

    const [warning] = describeUnprintable([{ kind: 'person', title: 'ዐቢይ አሕመድ', scripts: ['Ethi'], characters: 'ዐቢይአሕመድ' }], 'ko');
    expect(warning).toBe(
      '인물 “ዐቢይ አሕመድ”에 이 컴퓨터의 어떤 글꼴로도 그릴 수 없는 에티오피아 문자 글자(ዐቢይአሕመድ)가 있어 빈 네모로 인쇄됩니다. 해당 문자의 글꼴을 설치하거나 다른 문자로 쓰십시오.',
    );
    expect(describeUnprintable([{ kind: 'person', title: 'ዐቢይ አሕመድ', scripts: ['Ethi'], characters: 'ዐቢይአሕመድ' }])[0]).toMatch(
      /^Person “ዐቢይ አሕመድ” holds Ethiopic characters \(ዐቢይአሕመድ\) that no font on this machine can draw/,
    );
  });
});

describe('what the export itself refuses, in Korean', () => {
  const scheme = {
    name: 'Desk scheme',
    levels: [
      { name: 'OPEN', mark: 'O' },
      { name: 'RESTRICTED', mark: 'R' },
    ],
  };
  const cases: [string, Error, RegExp][] = [
    [
      'material with no marking',
      new UnmarkedMaterialError(
        [
          { name: 'Energy brief', foreignLevel: '' },
          { name: 'Port visit', foreignLevel: 'SECRET' },
        ],
        scheme as never,
      ),
      /^이 자료집의 항목 2개에 등급 체계 “Desk scheme”\(OPEN, RESTRICTED\)의 등급이 없습니다: “Energy brief”; “Port visit”\(“SECRET” 표시\)\. 등급을 정한 뒤 다시 내보내십시오\.$/,
    ],
    [
      'a meeting moved to another summit',
      new PackMeetingMovedError('Desk pack', 'Kim–Lee bilateral', 'Madrid Summit', undefined),
      /^자료집 “Desk pack”에 있는 회담 “Kim–Lee bilateral”은\(는\) 이제 정상회의가 없는 자료집이 아니라 “Madrid Summit”에 속합니다\./,
    ],
    [
      'a folder it may not write in',
      writeError('/srv/packs/x.pdf', { code: 'EACCES' }),
      /^자료집을 내보내지 못했습니다: \/srv\/packs 폴더에 쓸 권한이 없습니다\./,
    ],
    ['a cancelled export', new ExportCancelledError(), /^내보내기를 취소했습니다\. 파일을 쓰지 않았습니다\.$/],
  ];
  it.each(cases)('%s', (_name, error, inKorean) => {
    const line = wordExportError(error, 'ko');
    expect(line).toMatch(inKorean);
    expect(englishIn(line, ['OPEN, RESTRICTED', 'SECRET']), line).toEqual([]);
    // In English the command says what it said before it spoke Korean: the export's own sentence.
    if (!(error.name === 'FileWriteError')) expect(wordExportError(error, 'en')).toBe(error.message);
  });
});

// The real command, once per language: the environment is read, and a whole Korean export prints no English.
describe('npm run export as a process', () => {
  const script = path.resolve(import.meta.dirname, 'export.ts');
  const spawnEnv = (locale: Record<string, string>) => {
    const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = process.env;
    return { ...rest, ...locale };
  };

  it('exports a handed-over store’s pack under LANG=ko_KR.UTF-8 with every line in Korean, the store unchanged', () => {
    const before = snapshot(store);
    const out = path.join(folder, '데스크.pdf');
    const done = spawnSync(process.execPath, [script, '--db', store, '--pack', '데스크 자료집', '--out', out, '--copy-for', '김 대사'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: spawnEnv(korean),
    });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).toContain('목차에 쪽 번호를 넣는 중…');
    expect(done.stdout).toMatch(/데스크\.pdf: \d+쪽, \d+ KiB, 등급 표시 .+, 번호 없는 미등록 사본으로 찍힘/);
    const lines = `${done.stderr}${done.stdout}`.trim().split('\n');
    // The banner is the store's own marking name (the sample's is NATO's), printed as it is written.
    for (const line of lines) expect(englishIn(line, ['NATO UNCLASSIFIED']), line).toEqual([]);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    fs.rmSync(out);
    expect(snapshot(store)).toEqual(before);
  }, 150_000);

  it('refuses under LANG=C in English, and under LC_ALL=ko_KR.UTF-8 in Korean, --out untouched', () => {
    const before = snapshot(existing);
    const args = [script, '--db', store, '--pack', 'Desk pack', '--out', existing];
    const inEnglish = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000, env: spawnEnv(english) });
    expect(inEnglish.status).toBe(1);
    expect(inEnglish.stderr.trim()).toBe(
      `sherpa export: --out ${existing} already exists; the export does not replace a file unasked. Give the PDF another name, or add --replace.`,
    );
    const inKorean = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      timeout: 60_000,
      env: spawnEnv({ LANG: 'C', LC_ALL: 'ko_KR.UTF-8' }),
    });
    expect(inKorean.status).toBe(1);
    expect(inKorean.stderr.trim()).toBe(
      `sherpa export: --out ${existing}이(가) 이미 있습니다. 내보내기는 묻지 않고 파일을 덮어쓰지 않습니다. 다른 PDF 이름을 지정하거나 --replace를 붙이십시오.`,
    );
    expect(snapshot(existing)).toEqual(before);
  }, 90_000);
});

import { describe, expect, it } from 'vitest';
import { latestVersion } from '../db/migrations/index.ts';
import { noticeText, type StoreNoticeFacts, withMessage } from './storeNoticeTexts.ts';

// Every notice the start-up check gives, worded for a Korean desk with nothing of it left in English but the app's
// name and what the notice quotes (a path, SQLite's or the cipher's own words), and in English as it always read.

const every: StoreNoticeFacts[] = [
  {
    kind: 'recovered',
    damagedFile: '/data/sherpa.sqlite.damaged-20261206T010000Z',
    restoredFrom: '/data/backups/x.sqlite',
    damage: 'file is not a database',
    backupCreatedAt: '2026-12-05T09:00:00Z',
  },
  { kind: 'backed-up', backup: '/data/backups/before-migration.sqlite', why: 'migration' },
  { kind: 'backed-up', backup: '/data/backups/before-cipher.sqlite', why: 'cipher' },
  { kind: 'read-only', refusal: 'folder_read_only', dataDir: '/media/usb/Sherpa' },
  { kind: 'read-only', refusal: 'store_newer', found: latestVersion + 10 },
  { kind: 'cipher-kept', reason: 'disk I/O error' },
];

const quoted = /\([^)]*\)|\S*\/\S*|\S*\d{4}-\d\d-\d\d\S*/g;

describe('the start-up notices', () => {
  it.each(every.map((facts) => [`${facts.kind} ${JSON.stringify(facts).slice(20, 60)}`, facts] as const))(
    '%s: in Korean, nothing in English but the name and what it quotes',
    (_name, facts) => {
      const korean = noticeText(facts, 'ko');
      expect(new Set(korean.replace(quoted, '').match(/[A-Za-z]+/g))).toEqual(new Set(['Sherpa']));
      expect(korean).not.toBe(noticeText(facts, 'en'));
    },
  );

  it('keeps the English words as the notice’s message, naming what was kept where', () => {
    const recovered = withMessage(every[0] as StoreNoticeFacts);
    expect(recovered.message).toMatch(
      /damaged \(file is not a database\).*kept as \/data\/sherpa\.sqlite\.damaged-.*2026-12-05T09:00:00Z was restored/s,
    );
    expect(noticeText(every[4] as StoreNoticeFacts, 'en')).toContain(
      `schema ${latestVersion + 10}; this version knows up to ${latestVersion}`,
    );
    expect(noticeText(every[4] as StoreNoticeFacts, 'ko')).toContain(`스키마 ${latestVersion + 10}`);
  });
});

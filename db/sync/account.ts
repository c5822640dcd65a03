import type { Db } from '../open.ts';
import { statement } from '../sql.ts';

export interface SyncAccountRow {
  url: string;
  username: string;
  password: string;
  pushedThrough: number;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export function readSyncAccount(db: Db): SyncAccountRow | undefined {
  return statement(
    db,
    `SELECT url, username, password, pushed_through AS pushedThrough, last_synced_at AS lastSyncedAt, last_error AS lastError
     FROM sync_account WHERE id = 1`,
  ).get() as SyncAccountRow | undefined;
}

export function writeSyncAccount(db: Db, account: { url: string; username: string; password: string }): void {
  statement(
    db,
    `INSERT INTO sync_account (id, url, username, password) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, username = excluded.username, password = excluded.password,
       pushed_through = CASE WHEN sync_account.url = excluded.url THEN sync_account.pushed_through ELSE 0 END`,
  ).run(account.url, account.username, account.password);
}

export function recordSyncOutcome(db: Db, outcome: { pushedThrough?: number; at: string; error: string | null }): void {
  statement(
    db,
    `UPDATE sync_account SET pushed_through = coalesce(?, pushed_through), last_synced_at = CASE WHEN ? IS NULL THEN ? ELSE last_synced_at END,
       last_error = ? WHERE id = 1`,
  ).run(outcome.pushedThrough ?? null, outcome.error, outcome.at, outcome.error);
}

export function latestSeq(db: Db): number {
  return statement(db, 'SELECT coalesce(max(seq), 0) FROM sync_rev').pluck().get() as number;
}

/** Records changed here after `seq`: what the server has not had yet. */
export function recordsChangedAfter(db: Db, seq: number): number {
  return statement(db, 'SELECT count(DISTINCT doc_id) FROM sync_rev WHERE seq > ?').pluck().get(seq) as number;
}

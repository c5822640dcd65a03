import fs from 'node:fs';

// A full quick_check reads every page of the store: seconds on a busy desk's
// store, on every start. After a clean close nothing can have damaged the file
// unless something else wrote to it, so Sherpa records, as it closes, the
// file's identity and change times; at the next start the check is skipped
// only while they are all unchanged, there is no write-ahead log left, and the
// last full check is less than a week old. A crash, a kill or a power cut
// leaves no record (it is removed as the store opens), so the check runs then.

/** At most this long between two full checks, however cleanly Sherpa closes. */
export const fullCheckEveryMs = 7 * 24 * 60 * 60 * 1000;

interface CleanCloseRecord {
  /** The store file as it was closed: inode, size and change times in nanoseconds (the ctime changes with any write, even one that resets the mtime). */
  readonly fingerprint: string;
  /** When the store was last fully checked (ISO). */
  readonly checkedAt: string;
}

export function cleanCloseFile(file: string): string {
  return `${file}.closed-cleanly`;
}

function fingerprintOf(file: string): string {
  const stat = fs.statSync(file, { bigint: true });
  return [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');
}

function readRecord(file: string): CleanCloseRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(cleanCloseFile(file), 'utf8')) as Partial<CleanCloseRecord>;
    if (typeof record.fingerprint !== 'string' || typeof record.checkedAt !== 'string') return null;
    if (Number.isNaN(Date.parse(record.checkedAt))) return null;
    return { fingerprint: record.fingerprint, checkedAt: record.checkedAt };
  } catch {
    return null;
  }
}

/**
 * Whether the store at `file` was closed cleanly and left untouched since, with
 * a full check less than `fullCheckEveryMs` ago: then it returns when that
 * check was, else null (the store must be checked). Removes the record either
 * way, before anything writes to the store, so that only the next clean close
 * writes a new one.
 */
export function takeCleanClose(file: string, now: Date): Date | null {
  const record = readRecord(file);
  fs.rmSync(cleanCloseFile(file), { force: true });
  if (!record || !fs.existsSync(file)) return null;
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) return null;
  if (fingerprintOf(file) !== record.fingerprint) return null;
  const checkedAt = new Date(record.checkedAt);
  const age = now.getTime() - checkedAt.getTime();
  return age >= 0 && age < fullCheckEveryMs ? checkedAt : null;
}

/** Called once the store is closed (its log checkpointed into the file): the next start may skip the full check. */
export function recordCleanClose(file: string, checkedAt: Date): void {
  // The folder was removed with Sherpa still running (a scratch store): there is no next start to speed up.
  if (!fs.existsSync(file)) return;
  const record: CleanCloseRecord = { fingerprint: fingerprintOf(file), checkedAt: checkedAt.toISOString() };
  fs.writeFileSync(cleanCloseFile(file), `${JSON.stringify(record)}\n`);
}

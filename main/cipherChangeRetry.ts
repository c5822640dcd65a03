import fs from 'node:fs';

// A store that could not be moved to the new cipher (main/changeCipher.ts) is tried again a day later, not at
// every start. Each try takes a backup first, and only the newest ten are kept: a change failing at every start
// (a copy that does not fit on the disk, something in the way of the working copy) pushed the desk's older
// backups out within ten starts, each of them replaced by one more copy of the same store. Waiting costs nothing:
// a store left under its old cipher opens and stays encrypted as before.

/** How long after a failed change the next start tries again. */
export const cipherChangeRetryMs = 24 * 60 * 60 * 1000;

export function cipherChangeFailureFile(file: string): string {
  return `${file}.cipher-change-failed`;
}

/** When the last change of the store at `file` failed; null when none is recorded (or the record is unreadable). */
function lastFailure(file: string): Date | null {
  try {
    const record = JSON.parse(fs.readFileSync(cipherChangeFailureFile(file), 'utf8')) as { failedAt?: unknown };
    const at = typeof record.failedAt === 'string' ? new Date(record.failedAt) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  } catch {
    return null;
  }
}

/** Whether a start at `now` tries the change: none failed yet, or the last failure is a day old (or in the future: a clock set back). */
export function cipherChangeDue(file: string, now: Date): boolean {
  const failed = lastFailure(file);
  if (!failed) return true;
  const since = now.getTime() - failed.getTime();
  return since < 0 || since >= cipherChangeRetryMs;
}

/** Records a failed change: the reason is the error's (paths and SQLite's words, never the store's contents). */
export function recordCipherChangeFailure(file: string, now: Date, reason: string): void {
  try {
    fs.writeFileSync(cipherChangeFailureFile(file), `${JSON.stringify({ failedAt: now.toISOString(), reason })}\n`, {
      mode: 0o600,
    });
  } catch {
    // A folder that refuses the record: the next start tries again, as before.
  }
}

export function forgetCipherChangeFailure(file: string): void {
  fs.rmSync(cipherChangeFailureFile(file), { force: true });
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Why a file could not be written, as the user can act on it (the message stays English, for the log). */
export type WriteFailure = 'not_writable' | 'disk_full' | 'folder_missing' | 'not_a_folder' | 'other';

/** A file that could not be written: the folder it was to go in, and why, for the page to say in the user's language. */
export class FileWriteError extends Error {
  readonly failure: WriteFailure;
  readonly folder: string;
  /** The system's own words for an `other` failure (an error code such as EIO), for the page to show as they are. */
  readonly detail: string;
  constructor(message: string, failure: WriteFailure, folder: string, detail = '') {
    super(message);
    this.name = 'FileWriteError';
    this.failure = failure;
    this.folder = folder;
    this.detail = detail;
  }
}

const failureOf = (code: string | undefined): WriteFailure => {
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'not_writable';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'disk_full';
  if (code === 'ENOENT') return 'folder_missing';
  if (code === 'ENOTDIR' || code === 'EISDIR') return 'not_a_folder';
  return 'other';
};

/** The same refusal, typed: what the system said, with the folder and the kind of failure. */
export function writeError(target: string, error: unknown): FileWriteError {
  const folder = path.dirname(target);
  const code = (error as NodeJS.ErrnoException).code;
  const failure = failureOf(code);
  const said = (error as Error).message;
  const message =
    failure === 'folder_missing'
      ? `Cannot write ${target}: the folder ${folder} does not exist.`
      : failure === 'not_writable'
        ? `Cannot write ${target}: the folder ${folder} is not writable.`
        : code === 'ENOTDIR'
          ? `Cannot write ${target}: ${folder} is not a folder.`
          : code === 'EISDIR'
            ? `Cannot write ${target}: it is a folder.`
            : `Cannot write ${target}: ${said}`;
  return new FileWriteError(message, failure, folder, failure === 'other' ? (code ?? said) : '');
}

export interface PendingFile {
  /**
   * Writes the whole content and moves it into place; the target only ever holds a complete file.
   * Answers the path written: with `keepExisting`, the first free numbered name when the target exists.
   */
  commit(content: Uint8Array): Promise<string>;
  /** Removes the temporary file; safe to call after commit. */
  discard(): Promise<void>;
}

/**
 * Reserves a temporary file beside `target` (same folder, so the final rename
 * is atomic). Opening it first means an unwritable folder fails before any
 * printing starts, with a message that names the folder.
 */
export async function reserveFile(target: string, { keepExisting = false } = {}): Promise<PendingFile> {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(temporary, 'wx', 0o600);
  } catch (error) {
    throw writeError(target, error);
  }
  let open = true;
  const close = async () => {
    if (open) {
      open = false;
      await handle.close();
    }
  };
  const discard = async () => {
    await close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
  };
  return {
    async commit(content) {
      try {
        await handle.writeFile(content);
        await handle.sync();
        await close();
        if (!keepExisting) {
          await fs.rename(temporary, target);
          return target;
        }
        const written = await linkUnderFreeName(temporary, target);
        await fs.rm(temporary, { force: true });
        return written;
      } catch (error) {
        await discard();
        throw writeError(target, error);
      }
    },
    discard,
  };
}

/** `pack.pdf`, then `pack (2).pdf`, `pack (3).pdf`…: the n-th name tried for a file that must not replace another. */
export function numberedName(target: string, attempt: number): string {
  if (attempt <= 1) return target;
  const extension = path.extname(target);
  return `${target.slice(0, target.length - extension.length)} (${attempt})${extension}`;
}

/**
 * A hard link fails rather than replace an existing file, so two exports in
 * the same second still get two names; where the disk has no hard links
 * (FAT on a USB stick), an exclusive create stands in for it.
 */
async function linkUnderFreeName(temporary: string, target: string): Promise<string> {
  for (let attempt = 1; attempt < 10_000; attempt += 1) {
    const candidate = numberedName(target, attempt);
    try {
      await fs.link(temporary, candidate);
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
      try {
        await (await fs.open(candidate, 'wx')).close();
      } catch (openError) {
        if ((openError as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw openError;
      }
      await fs.rename(temporary, candidate);
      return candidate;
    }
  }
  throw new FileWriteError(
    `Cannot write ${target}: every numbered name is taken.`,
    'other',
    path.dirname(target),
    'every numbered name is taken',
  );
}

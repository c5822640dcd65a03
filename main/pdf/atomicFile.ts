import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

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
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`Cannot write ${target}: the folder ${folder} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new Error(`Cannot write ${target}: the folder ${folder} is not writable.`);
    if (code === 'ENOTDIR') throw new Error(`Cannot write ${target}: ${folder} is not a folder.`);
    throw new Error(`Cannot write ${target}: ${(error as Error).message}`);
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
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EISDIR') throw new Error(`Cannot write ${target}: it is a folder.`);
        throw new Error(`Cannot write ${target}: ${(error as Error).message}`);
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
  throw new Error(`Cannot write ${target}: every numbered name is taken.`);
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface PendingFile {
  /** Writes the whole content and moves it into place; the target only ever holds a complete file. */
  commit(content: Uint8Array): Promise<void>;
  /** Removes the temporary file; safe to call after commit. */
  discard(): Promise<void>;
}

/**
 * Reserves a temporary file beside `target` (same folder, so the final rename
 * is atomic). Opening it first means an unwritable folder fails before any
 * printing starts, with a message that names the folder.
 */
export async function reserveFile(target: string): Promise<PendingFile> {
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
        await fs.rename(temporary, target);
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

import fs from 'node:fs';

// A store and its backups hold classified text: readable by the officer's own
// account only, as exported packs and bundles already are (0600). SQLite
// creates a new database 0644 (less the umask) and gives its -wal and -shm the
// database file's own mode, so setting the main file is enough for new ones.

const ownerOnly = 0o600;
const sidecars = ['-wal', '-shm', '-journal'];

/**
 * Creates `file` empty and owner-only when missing (SQLite reads an empty file
 * as a new database), and takes group and other access away from it and its
 * sidecars when present. Best effort: a file system without Unix permissions
 * (a FAT stick) refuses chmod, and the store must still open there.
 */
export function keepStorePrivate(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'a', ownerOnly));
  } catch {
    // Not creatable here: the opener reports the real problem.
  }
  for (const each of [file, ...sidecars.map((suffix) => `${file}${suffix}`)]) keepPrivate(each);
}

/** Takes group and other access away from an existing file; a missing file or a refused chmod is left alone. */
export function keepPrivate(file: string): void {
  try {
    const { mode } = fs.statSync(file);
    if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & 0o700);
  } catch {
    // Missing, or a file system without Unix permissions.
  }
}

/** Creates a folder (and its parents) that only the owner may list, for data and backups. */
export function makePrivateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/**
 * The exports folder: its file names are pack names and summit titles, so
 * only the owner may list it; one made listable by an earlier version is
 * closed the next time something is written there.
 */
export async function makePrivateExportsFolder(folder: string): Promise<void> {
  await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    // mkdir answers EEXIST where a file stands at the folder's own path: said as what it is, not a folder, as
    // writing into a folder under a file is (ENOTDIR), so the desk is not shown the bare code.
    if (error.code === 'EEXIST') throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
    throw error;
  });
  keepPrivate(folder);
}

import Database from 'better-sqlite3';

type Db = Database.Database;

// The one place that spells SQLite3MultipleCiphers' pragmas: every store, backup and copy is opened keyed here.
//
// A file's cipher is found by opening it, not recorded beside the key: one data key (sherpa.keys.json) opens
// the store and every backup, damaged copy and pre-upgrade copy, and these were written under whichever cipher
// was current then (a backup from before the change stays ChaCha20); and a store changes cipher by one rename
// (main/changeCipher.ts), which could not also rewrite the key file in the same step, so a record there would
// be wrong after a crash between the two. The file cannot be wrong about itself: under the wrong cipher page 1
// fails its authentication at once (SQLITE_NOTADB, about a millisecond, nothing written), so trying the newest
// cipher first costs a store not yet changed one failed read of page 1.

/** The ciphers a Sherpa store may be written with, newest first. */
export const storeCiphers = ['aegis', 'chacha20'] as const;
export type StoreCipher = (typeof storeCiphers)[number];

/**
 * AEGIS-256 for every store made now: authenticated like ChaCha20-Poly1305 (a changed byte reads as damage, a
 * wrong key as "not a database"), but on the processor's AES instructions, so sealing and opening a page costs
 * about a fifth of ChaCha20's (a write-heavy benchmark: 20.2–21.0 s of CPU with ChaCha20, 10.7–11.4 s with
 * AEGIS, 8.5–9.1 s unencrypted). Stores made before it were ChaCha20-Poly1305, SQLite3MultipleCiphers' default.
 */
export const newStoreCipher: StoreCipher = 'aegis';

const hexKey = (key: Buffer) => `x'${key.toString('hex')}'`;

function keyAs(db: Db, key: Buffer, cipher: StoreCipher): void {
  db.pragma(`cipher = '${cipher}'`);
  // Given raw (`x'…'`), so SQLite's own passphrase derivation is skipped: the data key is already random.
  db.pragma(`key = "${hexKey(key)}"`);
}

/**
 * Opens `file` keyed with the cipher it was written with (newest first, see above); an empty or new file takes
 * `cipherOfNewFile`, AEGIS unless a test or a benchmark makes a store as an earlier Sherpa did. A wrong key, or
 * a file damaged on page 1, fails as SQLite says: "file is not a database". Each cipher is tried on a connection
 * of its own: one keyed under AEGIS and then, on the same connection, under ChaCha20 reads and writes the file
 * well, but lays out the copies it makes (VACUUM INTO: backups) with AEGIS's 64 reserved bytes a page under
 * ChaCha20's seal, which SQLite3MultipleCiphers can then not rekey ("database disk image is malformed"). A
 * connection that failed is closed having read nothing: it leaves the file and its -wal as they were.
 */
export function openSealed(file: string, options: Database.Options, key: Buffer, cipherOfNewFile: StoreCipher = newStoreCipher): Db {
  if (key.length !== 32) throw new Error('The store key must be 32 bytes.');
  const order = [cipherOfNewFile, ...storeCiphers.filter((cipher) => cipher !== cipherOfNewFile)];
  for (const [index, cipher] of order.entries()) {
    const db = new Database(file, options);
    try {
      keyAs(db, key, cipher);
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return db;
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code !== 'SQLITE_NOTADB' || index === order.length - 1) throw error;
    }
  }
  throw new Error('unreachable: no cipher to try');
}

/** The cipher the connection's main file is keyed with (what openSealed found or chose). */
export function cipherOf(db: Db): StoreCipher | null {
  const cipher = String(db.pragma('cipher', { simple: true }));
  return (storeCiphers as readonly string[]).includes(cipher) ? (cipher as StoreCipher) : null;
}

/**
 * Rewrites every page of the connection's file under `cipher` and `key`: a plain file is encrypted, an encrypted
 * one (opened by openSealed) changes cipher. SQLite3MultipleCiphers refuses to rekey a WAL database, so the file is
 * switched to a rollback journal first; whoever opens it as a store switches it back to WAL.
 */
export function rewriteSealed(db: Db, key: Buffer, cipher: StoreCipher = newStoreCipher): void {
  db.pragma('journal_mode = DELETE');
  db.pragma(`cipher = '${cipher}'`);
  const answer = db.pragma(`rekey = "${hexKey(key)}"`, { simple: true });
  if (answer !== 'ok') throw new Error(`rekey: ${String(answer).slice(0, 200)}`);
}

/**
 * Attaches an encrypted file as `schema`, keyed with `key`. SQLite3MultipleCiphers keys an attached file with
 * the connection's configured cipher, so it is set to the file's own (`fileCipher`, as openSealed found it) for
 * the attach and set back after: the store's own later writes and copies (VACUUM INTO) keep the store's.
 */
export function attachSealed(db: Db, file: string, schema: string, key: Buffer, fileCipher: StoreCipher): void {
  const own = cipherOf(db) ?? newStoreCipher;
  db.pragma(`cipher = '${fileCipher}'`);
  try {
    db.prepare(`ATTACH ? AS "${schema}" KEY ?`).run(file, hexKey(key));
  } finally {
    db.pragma(`cipher = '${own}'`);
  }
}

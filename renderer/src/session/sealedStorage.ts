// The draft journal's storage, sealed: each entry is written to localStorage
// encrypted with AES-GCM under a key main derives from the store key (HKDF),
// so a copied browser profile holds no draft text. The page reads from a
// decrypted copy in memory, filled at unlock and dropped at lock, which keeps
// the journal's synchronous interface; each write reaches localStorage a
// moment later, in order, once WebCrypto has sealed it.

const sealedPrefix = 'sealed:v1:';

export interface SealedStorage extends Storage {
  /** Resolves once every write so far is sealed in the backing storage (before locking). */
  settled(): Promise<void>;
  /** Forgets the decrypted copy and the key (on lock). */
  close(): void;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

export async function importJournalKey(rawBase64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(rawBase64), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

async function seal(key: CryptoKey, name: string, plain: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The entry's name is bound in: a sealed draft moved under another note's name does not open.
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(name) },
    key,
    new TextEncoder().encode(plain),
  );
  return `${sealedPrefix}${toBase64(iv)}:${toBase64(new Uint8Array(sealed))}`;
}

async function unseal(key: CryptoKey, name: string, stored: string): Promise<string | null> {
  if (!stored.startsWith(sealedPrefix)) return null;
  const [iv, body] = stored.slice(sealedPrefix.length).split(':');
  if (!iv || !body) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(iv), additionalData: new TextEncoder().encode(name) },
      key,
      fromBase64(body),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null; // Sealed by another store's key: not ours to read, and not ours to delete.
  }
}

/**
 * Opens the entries under `prefix` in `backing`. Entries written in plaintext
 * by an older Sherpa are read and sealed at once, so none stays in the clear.
 */
export async function openSealedStorage(backing: Storage, key: CryptoKey, prefix: string): Promise<SealedStorage> {
  const plain = new Map<string, string>();
  const names: string[] = [];
  for (let index = 0; index < backing.length; index++) {
    const name = backing.key(index);
    if (name?.startsWith(prefix)) names.push(name);
  }
  const upgrades: Promise<void>[] = [];
  for (const name of names) {
    const stored = backing.getItem(name);
    if (stored === null) continue;
    const opened = await unseal(key, name, stored);
    if (opened !== null) plain.set(name, opened);
    else if (!stored.startsWith(sealedPrefix)) {
      plain.set(name, stored);
      upgrades.push(seal(key, name, stored).then((sealed) => backing.setItem(name, sealed)));
    }
  }
  await Promise.all(upgrades);

  let open = true;
  let queue: Promise<void> = Promise.resolve();
  const latest = new Map<string, number>();
  let counter = 0;
  const write = (name: string, value: string | null) => {
    const stamp = ++counter;
    latest.set(name, stamp);
    queue = queue.then(async () => {
      // Only the newest write of an entry reaches the disk; a removal is immediate and needs no seal.
      if (value === null || latest.get(name) !== stamp) return;
      const sealed = await seal(key, name, value);
      if (latest.get(name) === stamp) backing.setItem(name, sealed);
    });
  };
  const keys = () => [...plain.keys()];
  const removeItem = (name: string) => {
    plain.delete(name);
    latest.set(name, ++counter);
    backing.removeItem(name);
  };
  return {
    get length() {
      return plain.size;
    },
    key: (index) => keys()[index] ?? null,
    getItem: (name) => plain.get(name) ?? null,
    setItem(name, value) {
      if (!open) throw new Error('The draft journal is locked.');
      plain.set(name, String(value));
      write(name, String(value));
    },
    removeItem,
    clear() {
      for (const name of keys()) removeItem(name);
    },
    settled: () => queue,
    close() {
      open = false;
      plain.clear();
    },
  };
}

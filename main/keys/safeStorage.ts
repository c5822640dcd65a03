import { safeStorage } from 'electron';
import type { OsKeychain } from './keychain.ts';

/** Electron's safeStorage behind OsKeychain: the one Electron import of the key handling. */
export function electronKeychain(): OsKeychain {
  const backend = () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform);
  return {
    backend,
    protects: () => safeStorage.isEncryptionAvailable() && backend() !== 'basic_text' && backend() !== 'unknown',
    seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

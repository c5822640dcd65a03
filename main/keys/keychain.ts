/**
 * The operating system's keychain, as Electron's safeStorage offers it. Plain
 * Node (tests, the web target, the export command) has none; the Electron
 * adapter in safeStorage.ts is the only file that imports Electron.
 */
export interface OsKeychain {
  /** The backend's name (on Linux `basic_text` means no real protection; elsewhere the platform's keychain). */
  backend(): string;
  /** Whether sealing with it protects anything: false for `basic_text` or when no keychain is reachable. */
  protects(): boolean;
  seal(secret: string): string;
  open(sealed: string): string;
}

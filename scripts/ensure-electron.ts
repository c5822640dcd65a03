// `npm start`, `npm run dev` and `npm run dist` begin here: Electron's binary
// is fetched the first time it is needed, not at install. Offline, that fails
// with a stack trace from deep inside the downloader; this says in one line
// what happened and what works meanwhile.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export type ElectronCheck = { ok: true } | { ok: false; message: string };

/** Runs Electron's own installer (a no-op when the binary is there) and explains a failure in one line. */
export async function ensureElectron(
  installer: string = createRequire(import.meta.url).resolve('electron/install.js'),
  env: NodeJS.ProcessEnv = process.env,
): Promise<ElectronCheck> {
  const child = spawn(process.execPath, [installer], { env, stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code === 0) return { ok: true };
  return {
    ok: false,
    message:
      `sherpa: the desktop shell (Electron) could not be fetched (${reasonOf(stderr)}); ` +
      'meanwhile `npm run preview:web` shows Sherpa in the browser.',
  };
}

/** The downloader's own words, shortened: its error line and the network cause under it, if any. */
export function reasonOf(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  const error = lines.find((line) => /^[A-Za-z]*Error\b.*:/.test(line))?.replace(/^[A-Za-z]*Error:\s*/, '');
  const cause = /\b(E[A-Z]{3,}|getaddrinfo \w+|certificate[^\n]*|\b[45]\d\d\b[^\n]*)/.exec(stderr)?.[0];
  const reason = [error, cause && !error?.includes(cause) ? cause : undefined].filter(Boolean).join(': ');
  return (reason || 'no network?').slice(0, 160);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await ensureElectron();
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exitCode = 1;
  }
}

// Proves the security tests can fail: each mutant weakens one setting of the
// Electron checklist in a scratch copy of the project, runs the security
// tests there, and counts it caught when they fail. Prints one line per
// mutant and exits non-zero if any survives. Not part of `npm test` (a few
// minutes): `node scripts/security-mutants.ts`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const copied = ['main', 'preload', 'db', 'renderer', 'electron-builder.yml', 'package.json', 'vitest.config.ts'];
const securityTests = [
  'main/security.test.ts',
  'main/window.test.ts',
  'main/appProtocol.test.ts',
  'main/ipc/electronAdapter.test.ts',
  'preload/index.test.ts',
  'main/index.test.ts',
];

interface Mutant {
  file: string;
  from: string;
  to: string;
}

const mutants: Mutant[] = [
  { file: 'main/security.ts', from: 'contextIsolation: true', to: 'contextIsolation: false' },
  { file: 'main/security.ts', from: '  sandbox: true', to: '  sandbox: false' },
  { file: 'main/security.ts', from: '  nodeIntegration: false', to: '  nodeIntegration: true' },
  { file: 'main/security.ts', from: 'nodeIntegrationInSubFrames: false', to: 'nodeIntegrationInSubFrames: true' },
  { file: 'main/security.ts', from: 'webSecurity: true', to: 'webSecurity: false' },
  { file: 'main/security.ts', from: 'allowRunningInsecureContent: false', to: 'allowRunningInsecureContent: true' },
  { file: 'main/security.ts', from: 'experimentalFeatures: false', to: 'experimentalFeatures: true' },
  { file: 'main/security.ts', from: "enableBlinkFeatures: ''", to: "enableBlinkFeatures: 'CSSPaint'" },
  { file: 'main/security.ts', from: 'webviewTag: false', to: 'webviewTag: true' },
  { file: 'main/security.ts', from: `"script-src 'self'"`, to: `"script-src 'self' 'unsafe-inline'"` },
  { file: 'main/security.ts', from: `"connect-src 'self'"`, to: `"connect-src 'self' https://api.example.org"` },
  { file: 'renderer/index.html', from: "style-src 'self'", to: "style-src 'self' 'unsafe-inline'" },
  {
    file: 'main/security.ts',
    from: `target.protocol === \`\${appScheme}:\` && target.host === appHost`,
    to: `target.protocol === \`\${appScheme}:\``,
  },
  { file: 'main/security.ts', from: 'boolean {\n  return false;', to: "boolean {\n  return _permission === 'media';" },
  { file: 'main/security.ts', from: "target.protocol === 'http:')", to: "target.protocol === 'http:' || target.protocol === 'file:')" },
  { file: 'main/security.ts', from: 'return isMainFrame && frameUrl', to: 'return frameUrl' },
  { file: 'main/window.ts', from: "return { action: 'deny' };", to: "return { action: 'allow' };" },
  { file: 'main/window.ts', from: 'if (isAllowedExternalUrl(url)) void shell.openExternal(url);', to: 'void shell.openExternal(url);' },
  { file: 'main/window.ts', from: "contents.on('will-attach-webview', (event) => event.preventDefault());", to: '' },
  {
    file: 'main/window.ts',
    from: "contents.on('will-navigate', (event, url) => {",
    to: "contents.on('will-navigate-unused', (event, url) => {",
  },
  { file: 'main/appProtocol.ts', from: " || pathname.includes('\\\\')", to: '' },
  { file: 'main/appProtocol.ts', from: 'if (parsed.host !== host) return null;', to: '' },
  { file: 'main/ipc/electronAdapter.ts', from: 'if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {', to: 'if (!frame) {' },
  {
    file: 'preload/index.ts',
    from: "contextBridge.exposeInMainWorld('sherpa', api as SherpaApi);",
    to: "api.invoke = ipcRenderer.invoke;\ncontextBridge.exposeInMainWorld('sherpa', api as SherpaApi);",
  },
  { file: 'electron-builder.yml', from: 'runAsNode: false', to: 'runAsNode: true' },
  { file: 'electron-builder.yml', from: 'onlyLoadAppFromAsar: true', to: 'onlyLoadAppFromAsar: false' },
  {
    file: 'main/index.ts',
    from: `callback({ cancel: !details.url.startsWith(\`\${appScheme}://\`)`,
    to: `callback({ cancel: details.url.startsWith('file:') && !details.url.startsWith(\`\${appScheme}://\`)`,
  },
  { file: 'main/index.ts', from: 'supportFetchAPI: true }', to: 'supportFetchAPI: true, bypassCSP: true }' },
  { file: 'main/index.ts', from: 'app.enableSandbox();', to: '' },
  {
    file: 'main/index.ts',
    from: "'content-security-policy': contentSecurityPolicy",
    to: "'x-content-security-policy': contentSecurityPolicy",
  },
];

function scratchCopy(): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-mutants-'));
  for (const entry of copied) {
    fs.cpSync(path.join(root, entry), path.join(scratch, entry), { recursive: true, filter: (source) => !source.includes('node_modules') });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'));
  return scratch;
}

const scratch = scratchCopy();
const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
let caught = 0;
try {
  for (const mutant of mutants) {
    const file = path.join(scratch, mutant.file);
    const original = fs.readFileSync(file, 'utf8');
    if (!original.includes(mutant.from)) {
      console.log(`STALE   ${mutant.file}: "${mutant.from.slice(0, 60)}" is no longer in the code; update this mutant`);
      continue;
    }
    fs.writeFileSync(file, original.replace(mutant.from, mutant.to));
    const run = spawnSync(vitest, ['run', ...securityTests], { cwd: scratch, encoding: 'utf8' });
    fs.writeFileSync(file, original);
    const killed = run.status !== 0;
    if (killed) caught += 1;
    console.log(
      `${killed ? 'CAUGHT ' : 'MISSED '} ${mutant.file}: ${mutant.to.replace(/\n/g, ' ').slice(0, 80) || `(removed) ${mutant.from.slice(0, 60)}`}`,
    );
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.log(`${caught} of ${mutants.length} weakened settings caught by the security tests`);
process.exitCode = caught === mutants.length ? 0 : 1;

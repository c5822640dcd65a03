// Proves the security tests can fail: each mutant weakens one setting of the
// Electron checklist in a scratch copy of the project, runs the security
// tests there, and counts it caught only when a test fails on an assertion.
// The unmutated copy runs first and must pass: otherwise a copy that cannot
// even import (a folder left out of it) would "catch" every mutant. A mutant
// whose run crashes or fails to load a file is reported as such, not caught.
// Prints one line per mutant and exits non-zero if any is not caught. Not part
// of `npm test` (a few minutes): `npm run build && node scripts/security-mutants.ts`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// out/renderer: the security tests read the built page's CSP.
const copied = [
  'main',
  'preload',
  'db',
  'shared',
  'testing',
  'renderer',
  'out/renderer',
  'electron-builder.yml',
  'package.json',
  'vitest.config.ts',
];
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

/** The part of Vitest's JSON report this script reads. */
interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

type Verdict = { kind: 'passed' } | { kind: 'caught'; by: string } | { kind: 'broken'; why: string };

/**
 * Runs the security tests in the scratch copy. Only a failed expectation
 * (an AssertionError) counts as caught; a file that does not load, a test that
 * throws a TypeError, or no report at all means the mutant broke the code
 * rather than weakened it, which proves nothing about the tests.
 */
function runSecurityTests(scratch: string): Verdict {
  const report = path.join(scratch, 'vitest-report.json');
  fs.rmSync(report, { force: true });
  const run = spawnSync(vitest, ['run', ...securityTests, '--reporter=json', `--outputFile=${report}`], { cwd: scratch, encoding: 'utf8' });
  if (!fs.existsSync(report))
    return { kind: 'broken', why: `no test report (exit ${run.status}): ${run.stderr.trim().split('\n')[0] ?? ''}` };
  const { testResults } = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestReport;
  const unloaded = testResults.find((file) => file.status === 'failed' && file.message !== '');
  if (unloaded) return { kind: 'broken', why: `${path.relative(scratch, unloaded.name)} did not run: ${unloaded.message.split('\n')[0]}` };
  const failed = testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'failed'));
  const crashed = failed.find((test) => !/^AssertionError\b/.test(test.failureMessages[0] ?? ''));
  if (crashed) return { kind: 'broken', why: `"${crashed.fullName}" crashed: ${(crashed.failureMessages[0] ?? '').split('\n')[0]}` };
  if (failed[0]) return { kind: 'caught', by: failed[0].fullName };
  return run.status === 0 ? { kind: 'passed' } : { kind: 'broken', why: `vitest exited ${run.status} with no failed test` };
}

if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
  console.error('sherpa mutants: out/renderer is not built; run `npm run build` first.');
  process.exit(1);
}
const scratch = scratchCopy();
const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
let caught = 0;
try {
  const baseline = runSecurityTests(scratch);
  if (baseline.kind !== 'passed') {
    console.error(
      `sherpa mutants: the unmutated copy does not pass the security tests (${baseline.kind === 'caught' ? baseline.by : baseline.why}); fix that first.`,
    );
    process.exitCode = 1;
  } else {
    console.log('PASSED  unmutated copy: the security tests pass');
    for (const mutant of mutants) {
      const file = path.join(scratch, mutant.file);
      const original = fs.readFileSync(file, 'utf8');
      const change = mutant.to.replace(/\n/g, ' ').slice(0, 80) || `(removed) ${mutant.from.slice(0, 60)}`;
      if (!original.includes(mutant.from)) {
        console.log(`STALE   ${mutant.file}: "${mutant.from.slice(0, 60)}" is no longer in the code; update this mutant`);
        continue;
      }
      fs.writeFileSync(file, original.replace(mutant.from, mutant.to));
      const verdict = runSecurityTests(scratch);
      fs.writeFileSync(file, original);
      if (verdict.kind === 'caught') caught += 1;
      const label = verdict.kind === 'caught' ? 'CAUGHT ' : verdict.kind === 'passed' ? 'MISSED ' : 'BROKEN ';
      console.log(`${label} ${mutant.file}: ${change}${verdict.kind === 'broken' ? ` (${verdict.why})` : ''}`);
    }
    console.log(`${caught} of ${mutants.length} weakened settings caught by a failing security assertion`);
    process.exitCode = caught === mutants.length ? 0 : 1;
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// main/ is checked against Electron's own type definitions (they ship inside
// the npm package even though the binary is not installed): a misspelt API
// must fail the type check, not the user at run time.
function typeErrors(source: string): string[] {
  const folder = fs.mkdtempSync(path.join(path.resolve(import.meta.dirname, '..'), 'out-typecheck-'));
  try {
    const file = path.join(folder, 'probe.ts');
    fs.writeFileSync(file, source);
    const config = ts.getParsedCommandLineOfConfigFile(
      path.resolve(import.meta.dirname, '../tsconfig.main.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      },
    );
    if (!config) throw new Error('tsconfig.main.json could not be read');
    const program = ts.createProgram([file], { ...config.options, composite: false, noEmit: true, incremental: false });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('type check of main/ against Electron', () => {
  it('rejects a misspelt Electron API and accepts the real one', () => {
    const misspelt = typeErrors("import { BrowserWindow } from 'electron';\nexport const count = BrowserWindow.getAllWindowz().length;\n");
    expect(misspelt.join('\n')).toMatch(/getAllWindowz/);
    expect(typeErrors("import { BrowserWindow } from 'electron';\nexport const count = BrowserWindow.getAllWindows().length;\n")).toEqual(
      [],
    );
  });
});

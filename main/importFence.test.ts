import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Shipped code (main/, db/, shared/ in tsconfig.main.json) cannot import the
// e2e specs, the harness or the command-line tools: tsconfig.main.json does not
// list e2e/ or scripts/, and a composite project refuses an import of a file
// it does not list (TS6307). Proved with a probe file checked as part of main.

const root = path.resolve(import.meta.dirname, '..');

function projectErrors(source: string): string[] {
  const folder = fs.mkdtempSync(path.join(root, 'out-fence-'));
  try {
    const probe = path.join(folder, 'probe.ts');
    fs.writeFileSync(probe, source);
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(root, 'tsconfig.main.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (!config) throw new Error('tsconfig.main.json could not be read');
    const program = ts.createProgram({
      rootNames: [...config.fileNames, probe],
      options: { ...config.options, noEmit: true },
      projectReferences: config.projectReferences ?? [],
    });
    return [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSemanticDiagnostics(program.getSourceFile(probe)),
    ].map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('what shipped code may import', () => {
  it('refuses an import from e2e/ or scripts/ in main, and accepts one from main itself', () => {
    const fromE2e = projectErrors("import { startHarness } from '../e2e/harness/server.ts';\nexport const start = startHarness;\n");
    expect(fromE2e.join('\n')).toMatch(/TS6307: File '.*e2e\/harness\/server\.ts' is not listed within the file list of project/);
    const fromScripts = projectErrors("import { checkOut } from '../scripts/exportCli.ts';\nexport const check = checkOut;\n");
    expect(fromScripts.join('\n')).toMatch(/TS6307: File '.*scripts\/exportCli\.ts' is not listed/);
    expect(projectErrors("import { createCore } from '../main/core.ts';\nexport const create = createCore;\n")).toEqual([]);
  }, 60_000);
});

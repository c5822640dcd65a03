import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsToFail, type ScanFinding } from './findings.ts';

const finding = (overrides: Partial<ScanFinding>): ScanFinding => ({
  rule: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/window.ts',
  line: 6,
  severity: 2,
  severityName: 'MEDIUM',
  description: 'Review the use of openExternal',
  ...overrides,
});

function source(marker: string, gap = 0): string {
  return ['import x from "y";', marker, ...Array.from({ length: gap }, () => '// filler'), 'shell.openExternal(url);'].join('\n');
}

function failing(text: string, overrides: Partial<ScanFinding> = {}, folders: string[] = []): ScanFinding[] {
  const lineOfCall = text.split('\n').findIndex((line) => line.includes('openExternal(')) + 1;
  return findingsToFail([finding({ line: lineOfCall, ...overrides })], () => text, folders);
}

describe('electronegativity findings', () => {
  it('fails a medium finding with no explanation', () => {
    expect(failing(source('// nothing to see'))).toHaveLength(1);
  });

  it('passes a finding explained just above it', () => {
    expect(failing(source('// electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — only allow-listed web pages are opened'))).toEqual([]);
  });

  it('accepts several rules sharing one reason', () => {
    expect(failing(source('// electronegativity-ignore: SANDBOX_JS_CHECK, OPEN_EXTERNAL_JS_CHECK — allow-listed web pages only'))).toEqual(
      [],
    );
  });

  it('does not count a marker without a reason', () => {
    expect(failing(source('// electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK'))).toHaveLength(1);
    expect(failing(source('// electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — ok'))).toHaveLength(1);
  });

  it('does not count a marker for another rule, or one too far above', () => {
    expect(failing(source('// electronegativity-ignore: SANDBOX_JS_CHECK — sandbox is set in security.ts'))).toHaveLength(1);
    expect(failing(source('// electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — allow-listed web pages only', 6))).toHaveLength(1);
  });

  it('ignores findings below medium severity', () => {
    expect(failing(source(''), { severity: 1, severityName: 'LOW' })).toEqual([]);
  });

  it('a global finding needs a marker somewhere in the scanned code', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-eng-'));
    try {
      const global = { file: null, rule: 'CSP_GLOBAL_CHECK' };
      fs.writeFileSync(path.join(folder, 'a.ts'), 'export const a = 1;\n');
      expect(failing('', global, [folder])).toHaveLength(1);
      fs.writeFileSync(
        path.join(folder, 'b.ts'),
        '// electronegativity-ignore: CSP_GLOBAL_CHECK — the CSP is sent as a header by the protocol handler\n',
      );
      expect(failing('', global, [folder])).toEqual([]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

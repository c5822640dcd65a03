import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxPassphrase, minPassphrase, newPassphraseProblem } from '../../shared/passphrase.ts';
import { PassphraseTooShortError, setUpKeys } from '../keys/keyring.ts';
import { sessionSchemas } from './schemas.ts';

// One passphrase rule (shared/passphrase.ts) for the lock screen, the lock
// settings and the store: what a screen lets through, the store takes, and
// what a screen refuses, the store refuses too.

const cost = { N: 2 ** 10, r: 8, p: 1 };

/** What the store does with a new passphrase: refused by its request schema, refused by the keyring, or set. */
async function storeTakes(passphrase: string): Promise<'too_long' | 'too_short' | 'set'> {
  if (!sessionSchemas['session.setup'].safeParse({ passphrase }).success) return 'too_long';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-passphrase-rule-'));
  try {
    await setUpKeys(dataDir, passphrase, cost);
    return 'set';
  } catch (error) {
    if (error instanceof PassphraseTooShortError) return 'too_short';
    throw error;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('one passphrase rule for the screens and the store', () => {
  const cases = [
    '',
    'short',
    `  ${'x'.repeat(minPassphrase - 1)}   `,
    'x'.repeat(minPassphrase),
    '🔑'.repeat(minPassphrase),
    '비밀번호는여덟자',
    'x'.repeat(maxPassphrase),
    'x'.repeat(maxPassphrase + 1),
    '🔑'.repeat(maxPassphrase / 2 + 1),
  ];

  it.each(cases.map((passphrase) => [passphrase.length, passphrase]))(
    'a passphrase of %i units: the screens and the store agree',
    async (_, passphrase) => {
      const problem = newPassphraseProblem(passphrase);
      const store = await storeTakes(passphrase);
      expect(store).toBe(problem === null ? 'set' : problem === 'empty' ? 'too_short' : problem);
    },
  );
});

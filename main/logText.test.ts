import { describe, expect, it } from 'vitest';
import { describeForLog } from './logText.ts';

describe('what a log says about a failure', () => {
  it('keeps the kind, the code and the stack, drops the message that may quote a record', () => {
    const error = Object.assign(new Error("UNIQUE constraint failed: person.name = 'Canary-Heron'"), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    const logged = describeForLog(error);
    expect(logged).toMatch(/^Error SQLITE_CONSTRAINT_UNIQUE\n\s+at /);
    expect(logged).not.toContain('Canary-Heron');
    expect(describeForLog('Canary-Heron')).not.toContain('Canary-Heron');
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultScrypt, unwrapKey, WrongSecretError, wrapKey } from './wrap.ts';

describe('stretching the passphrase', () => {
  it('at the real cost runs off the main thread: timers keep firing while an unlock is checked', async () => {
    const dataKey = randomBytes(32);
    const wrapped = await wrapKey(dataKey, 'correct horse battery', defaultScrypt);
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    try {
      expect((await unwrapKey(wrapped, 'correct horse battery')).equals(dataKey)).toBe(true);
      await expect(unwrapKey(wrapped, 'correct horse batterY')).rejects.toThrow(WrongSecretError);
    } finally {
      clearInterval(timer);
    }
    // A synchronous scrypt holds the event loop for the whole stretch: not one tick would run.
    expect(turns).toBeGreaterThan(5);
  });
});

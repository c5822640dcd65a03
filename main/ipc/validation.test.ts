import { describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../../db/testing.ts';
import { createDispatch } from './dispatch.ts';
import { createHandlers } from './handlers/index.ts';

// Refusals reach a person (and a log): they stay one short line, whatever the request held.

const db = openScratchDatabase();
const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-01-01T00:00:00Z') }) });

describe('refusals are short', () => {
  it('names three of 200,000 unknown keys and counts the rest', async () => {
    const payload: Record<string, number> = { id: 1 };
    for (let index = 0; index < 200_000; index += 1) payload[`unknown${index}`] = index;
    const result = await dispatch('pack.get', payload);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'Request has unknown field(s): unknown0, unknown1, unknown2 and 199,997 more' },
    });
  });

  it('never echoes a long key or value back', async () => {
    const longKey = `k${'x'.repeat(10_000)}`;
    const keyRefusal = await dispatch('pack.get', { id: 1, [longKey]: 1 });
    expect(keyRefusal.ok).toBe(false);
    if (!keyRefusal.ok) expect(keyRefusal.error.message.length).toBeLessThan(120);
    const valueRefusal = await dispatch('settings.update', { theme: 'y'.repeat(100_000) });
    expect(valueRefusal.ok).toBe(false);
    if (!valueRefusal.ok) {
      expect(valueRefusal.error.message.length).toBeLessThan(300);
      expect(valueRefusal.error.message).not.toContain('yyyyyyyyyy');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { storeSnapshot } from '../../db/sync/testing.ts';
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
      error: {
        code: 'invalid_request',
        message: 'Request has unknown field(s): unknown0, unknown1, unknown2 and 199,997 more',
        reason: 'unknown_fields',
        params: { names: 'unknown0, unknown1, unknown2' },
      },
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

function sampleStore() {
  const db = openScratchDatabase();
  loadSampleIfEmpty(db);
  return {
    db,
    dispatch: createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2023-07-01T08:00:00Z') }), onChange: () => {} }),
  };
}

describe('the store refuses days and times that do not exist', () => {
  it.each([
    ['30 February', '2024-02-30T10:00Z'],
    ['24:00', '2024-01-01T24:00Z'],
    ['minute 60', '2024-01-01T10:60:00Z'],
    ['year 0', '0000-06-01T10:00:00Z'],
    ['year 10000', '+010000-01-01T00:00:00.000Z'],
  ])('a meeting starting on %s is refused at startsAt, and the stored meeting is unchanged', async (_case, startsAt) => {
    const { db, dispatch } = sampleStore();
    const before = storeSnapshot(db);
    const result = await dispatch('meeting.update', { id: 1, patch: { startsAt }, expected: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'invalid_request', field: 'startsAt' });
      expect(result.error.message).toMatch(/^startsAt: must be a real UTC date and time/);
    }
    expect(storeSnapshot(db)).toEqual(before);
  });

  it.each([
    ['year 0', '0000-07-11'],
    ['30 February', '2024-02-30'],
  ])('a sector entry dated %s is refused at occurredOn', async (_case, occurredOn) => {
    const { dispatch } = sampleStore();
    const result = await dispatch('sectorEntry.update', { id: 1, patch: { occurredOn }, expected: {} });
    expect(result.ok ? null : result.error.field).toBe('occurredOn');
  });

  it('takes the last minute of year 9999 and answers it as stored', async () => {
    const { dispatch } = sampleStore();
    const result = await dispatch('meeting.update', { id: 1, patch: { startsAt: '9999-12-31T23:59Z' }, expected: {} });
    expect(result).toMatchObject({ ok: true, value: { status: 'saved', saved: { startsAt: '9999-12-31T23:59:00.000Z' } } });
  });
});

describe('a required line', () => {
  it('refuses a person whose name is accents alone, with no letter under them, and saves nothing', async () => {
    const before = storeSnapshot(db);
    const result = await dispatch('person.create', {
      name: '\u0301\u0301',
      nativeName: '',
      title: '',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', reason: 'empty' } });
    expect(storeSnapshot(db)).toEqual(before);
  });
});

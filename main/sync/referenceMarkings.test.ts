import { describe, expect, it } from 'vitest';
import { call, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// A country's note and a programme's description are prose a pack prints with
// its portion mark. The sherpa's desk writes Tonga's note and the fisheries
// programme marked NATO RESTRICTED; the sector expert's desk must print them
// with that marking, not as unmarked, and a marking changed alone must travel.

const { desk, cleanups } = teamDesks();

describe('markings of reference records between desks', () => {
  it('a country’s and a programme’s marking reach the colleague with the text, and a marking changed alone follows', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const tonga = await call(sherpa, 'country.create', {
      name: 'Tonga (reference markings)',
      nativeName: 'Puleʻanga Fakatuʻi ʻo Tonga',
      kind: 'country',
      note: 'Chairs the Forum this year; fisheries first.',
      sourceId: null,
      classification: 'NATO RESTRICTED',
    });
    const fisheries = await call(sherpa, 'programme.create', {
      code: 'PIF-FISH-R8',
      name: 'Pacific fisheries programme',
      partnerId: tonga.id,
      signedOn: null,
      sectorCount: null,
      description: 'Surveillance of the exclusive economic zones.',
      sourceId: null,
      classification: 'NATO RESTRICTED',
    });
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [] });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.configure', { url: server.url, username: 'lee', password: 'Desk-pass-2', summitIds: [] });
    await call(expert, 'sync.now', {});

    const onExpert = async () => ({
      country: (await call(expert, 'country.list', {})).find((country) => country.name === 'Tonga (reference markings)'),
      programme: (await call(expert, 'programme.list', {})).find((view) => view.programme.code === 'PIF-FISH-R8')?.programme,
    });
    const first = await onExpert();
    expect(first.country).toMatchObject({ note: 'Chairs the Forum this year; fisheries first.', classification: 'NATO RESTRICTED' });
    expect(first.programme).toMatchObject({
      description: 'Surveillance of the exclusive economic zones.',
      classification: 'NATO RESTRICTED',
    });

    // Only the marking changes: the colleague's copy follows.
    await call(sherpa, 'country.update', { id: tonga.id, patch: { classification: 'NATO CONFIDENTIAL' }, expected: {} });
    await call(sherpa, 'programme.update', { id: fisheries.id, patch: { classification: 'NATO CONFIDENTIAL' }, expected: {} });
    await call(sherpa, 'sync.now', {});
    await call(expert, 'sync.now', {});
    const second = await onExpert();
    expect(second.country?.classification).toBe('NATO CONFIDENTIAL');
    expect(second.programme?.classification).toBe('NATO CONFIDENTIAL');
  });
});

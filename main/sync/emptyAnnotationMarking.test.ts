import { describe, expect, it } from 'vitest';
import { createStoreBridge } from '../../testing/storeBridge.ts';

// The Johannesburg desk added an annotation to a brief (it starts empty and
// unmarked, for the author to choose), wrote it and marked it NATO RESTRICTED.
// The summit's bundle then said "highest marking inside: NATO RESTRICTED +
// UNMARKED MATERIAL", on the sending desk and in the colleague's review, and
// neither could find anything unmarked: the unmarked revision was the empty one.

type Answer = { ok: boolean; value: { id: number; version: number; markings: string[] } };
type Api = Record<string, (request: unknown) => Promise<Answer>>;

async function summitWithBrief(api: Api): Promise<{ summitId: number; meetingId: number }> {
  const summit = await api['summit.create']?.({
    title: 'G20 Leaders’ Summit, Johannesburg',
    city: 'Johannesburg',
    countryId: null,
    startDate: '2026-11-21',
    endDate: '2026-11-23',
    timeZone: 'Africa/Johannesburg',
    description: '',
    sourceId: null,
    classification: 'NATO UNCLASSIFIED',
  });
  const meeting = await api['meeting.create']?.({
    summitId: summit?.value.id,
    title: 'Bilateral com o Presidente do Brasil',
    format: 'bilateral',
    startsAt: '2026-11-21T08:00:00Z',
    startTimeKnown: true,
    durationMinutes: null,
    timeZone: 'Africa/Johannesburg',
    venue: '',
    interpreters: '',
    press: 'closed',
    purpose: '',
    objectives: '',
    theirAsks: '',
    pointsToMake: '',
    linesToTake: '',
    defensivePoints: '',
    background: '',
    sensitivities: '',
    protocolNotes: '',
    pressLine: '',
    outcome: '',
    status: 'planned',
    counterpartId: null,
    sourceId: null,
    classification: 'NATO RESTRICTED',
  });
  return { summitId: summit?.value.id ?? 0, meetingId: meeting?.value.id ?? 0 };
}

describe('the markings a summit’s bundle holds', () => {
  it('leave out the empty, unmarked start of an annotation written and marked since', async () => {
    const api = createStoreBridge({ sample: false }).bridge as unknown as Api;
    const { summitId, meetingId } = await summitWithBrief(api);
    const added = await api['note.create']?.({ meetingId, title: '', body: '', tags: [], classification: '' });
    await api['note.save']?.({
      id: added?.value.id,
      baseVersion: added?.value.version,
      title: '',
      body: 'O Brasil quer falar de Belém.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    const contents = await api['bundle.contents']?.({ selection: { summitId } });
    expect(contents?.value.markings).toEqual(['NATO RESTRICTED', 'NATO UNCLASSIFIED']);
  });

  it('still count an unmarked revision that holds words, even one replaced since', async () => {
    const api = createStoreBridge({ sample: false }).bridge as unknown as Api;
    const { summitId, meetingId } = await summitWithBrief(api);
    const added = await api['note.create']?.({ meetingId, title: '', body: 'Draft, not marked yet', tags: [], classification: '' });
    await api['note.save']?.({
      id: added?.value.id,
      baseVersion: added?.value.version,
      title: '',
      body: 'O Brasil quer falar de Belém.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    const contents = await api['bundle.contents']?.({ selection: { summitId } });
    expect(contents?.value.markings).toEqual(['', 'NATO RESTRICTED', 'NATO UNCLASSIFIED']);
  });
});

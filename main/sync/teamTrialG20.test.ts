import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The ninth round's team trial: the G20 Leaders' Summit in Johannesburg,
// prepared by the sherpa's desk in Pretoria, which also holds the sherpas'
// meeting in Durban. A sector expert in Seoul shares Johannesburg only; a
// laptop flown Johannesburg → São Paulo works offline for days. Three desks
// from empty data folders and a loopback server. While the laptop is away the
// sherpa deletes the Brazil bilateral the laptop is editing, both edit the
// Korea bilateral (the laptop raising its marking), Pretoria and Seoul rename
// the same person, Seoul annotates the shared debt entry, and Pretoria moves a
// pull-aside from Johannesburg to Durban. Once all have met, the Johannesburg
// pack prints the same on every desk and nothing of Durban.

const { desk, cleanups } = teamDesks();

const summitInput = (title: string, startDate: string, endDate: string) => ({
  title,
  city: '',
  countryId: null,
  startDate,
  endDate,
  timeZone: 'Africa/Johannesburg',
  description: '',
  sourceId: null,
  classification: 'NATO UNCLASSIFIED',
});
const meetingInput = (summitId: number, title: string, startsAt: string) => ({
  ...meeting(summitId, title),
  timeZone: 'Africa/Johannesburg',
  startsAt,
});

/** Connects a desk and joins the summits of these titles that `sharer` shares; answers their ids on that desk. */
async function share(core: Core, sharer: Core, url: string, username: string, titles: readonly string[]): Promise<number[]> {
  const ids = await joinShared(core, sharer, { url, username, password: 'Desk-pass-2' }, titles);
  return titles.map((title) => ids.get(title) ?? 0);
}

const meetingId = async (core: Core, summitId: number, title: string) =>
  (await call(core, 'summit.view', { id: summitId })).meetings.find((each) => each.title === title)?.id ?? 0;

/** What the summit's pack would print on this desk: every meeting in full, the debt sector, timeline, biographies, notes. */
async function packOf(core: Core, summitId: number) {
  const meetings = (await call(core, 'summit.view', { id: summitId })).meetings;
  const sectorId = (await call(core, 'programme.list', {})).find((each) => each.programme.name === 'G20 finance track')?.sectors[0]?.id;
  const preview = await call(core, 'pack.preview', {
    definition: {
      title: 'Principal’s pack',
      recipient: 'President',
      summitId,
      principalId: null,
      paper: 'a4',
      sections: [
        ...meetings.map((each) => ({ kind: 'meeting' as const, meetingId: each.id, form: 'full' as const })),
        { kind: 'sector', sectorId: sectorId ?? 0 },
        { kind: 'timeline' },
        { kind: 'biographies', personIds: [] },
        { kind: 'notes' },
      ],
    },
  });
  return {
    banner: preview.banner,
    holdsUnmarked: preview.holdsUnmarked,
    sections: preview.sections.map((section) => ({
      ...section,
      records: section.records.map((record) => `${record.kind} ${record.mark} ${record.title}`),
    })),
  };
}

describe('a G20 briefing prepared by three desks, one of them offline for days', () => {
  it('ends with the same pack on every desk, holding only that summit’s material', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const pretoria = desk();
    const seoul = desk();
    const laptop = desk();
    const johannesburg = await call(
      pretoria,
      'summit.create',
      summitInput('G20 Johannesburg Leaders’ Summit (trial)', '2025-11-22', '2025-11-23'),
    );
    const durban = await call(pretoria, 'summit.create', summitInput('G20 Sherpas’ meeting, Durban (trial)', '2025-11-18', '2025-11-19'));
    const programme = await call(pretoria, 'programme.create', {
      code: 'G20-FIN-T',
      name: 'G20 finance track',
      partnerId: null,
      signedOn: null,
      sectorCount: null,
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const debt = await call(pretoria, 'sector.create', {
      programmeId: programme.id,
      name: 'Debt sustainability',
      position: 1,
      summary: 'Common Framework cases.',
      ourPosition: 'Faster restructurings.',
      classification: 'NATO RESTRICTED',
      sourceId: null,
    });
    const communique = await call(pretoria, 'source.create', {
      title: 'G20 Leaders’ Declaration',
      publisher: 'G20',
      location: 'https://g20.org/',
      publishedOn: '2025-11-23',
      note: '',
      classification: 'NATO UNCLASSIFIED',
    });
    await call(pretoria, 'sectorEntry.create', {
      sectorId: debt.id,
      occurredOn: '2025-11-22',
      title: 'Ethiopia restructuring agreed',
      body: 'The creditor committee agreed terms.',
      sourceId: communique.id,
      sourceExcerpt: '',
      classification: 'NATO RESTRICTED',
    });
    const lula = await call(pretoria, 'person.create', {
      name: 'Luiz Inácio Lula da Silva',
      nativeName: '',
      title: 'President of Brazil',
      countryId: null,
      biography: 'Third term since 2023.',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const brazil = await call(pretoria, 'meeting.create', {
      ...meetingInput(johannesburg.id, 'Bilateral with Brazil', '2025-11-22T08:00:00Z'),
      counterpartId: lula.id,
    });
    const korea = await call(pretoria, 'meeting.create', meetingInput(johannesburg.id, 'Bilateral with Korea', '2025-11-22T10:00:00Z'));
    const pullAside = await call(
      pretoria,
      'meeting.create',
      meetingInput(johannesburg.id, 'Pull-aside on the finance track', '2025-11-23T07:00:00Z'),
    );
    await call(pretoria, 'note.create', {
      meetingId: pullAside.id,
      title: 'Finance track',
      body: 'Raise the debt service suspension.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await call(pretoria, 'meeting.create', meetingInput(durban.id, 'Sherpas’ dinner', '2025-11-18T18:00:00Z'));
    await call(pretoria, 'sync.configure', {
      url: server.url,
      username: 'pretoria',
      password: 'Desk-pass-1',
      summitIds: [johannesburg.id, durban.id],
    });
    await call(pretoria, 'sync.now', {});
    const [johannesburgOnSeoul = 0] = await share(seoul, pretoria, server.url, 'seoul', [johannesburg.title]);
    const [johannesburgOnLaptop = 0, durbanOnLaptop = 0] = await share(laptop, pretoria, server.url, 'laptop', [
      johannesburg.title,
      durban.title,
    ]);

    // The laptop flies to São Paulo and works offline.
    await call(laptop, 'sync.disconnect', {});
    const pointsToMake = 'Thank Brazil for COP30 in Belém; ask for support on the debt line.';
    await call(laptop, 'meeting.update', {
      id: await meetingId(laptop, johannesburgOnLaptop, brazil.title),
      patch: { pointsToMake },
      expected: {},
    });
    await call(laptop, 'meeting.update', {
      id: await meetingId(laptop, johannesburgOnLaptop, korea.title),
      patch: { classification: 'NATO CONFIDENTIAL' },
      expected: {},
    });
    // Meanwhile in Pretoria and Seoul.
    await call(pretoria, 'meeting.delete', { id: brazil.id, takeAlong: true });
    await call(pretoria, 'meeting.update', { id: korea.id, patch: { purpose: 'Agree the critical minerals line.' }, expected: {} });
    await call(pretoria, 'meeting.update', { id: pullAside.id, patch: { summitId: durban.id }, expected: {} });
    await call(pretoria, 'person.update', { id: lula.id, patch: { name: 'President Lula' }, expected: {} });
    const lulaOnSeoul = (await call(seoul, 'person.list', {})).find((person) => person.name === lula.name)?.id ?? 0;
    await call(seoul, 'person.update', { id: lulaOnSeoul, patch: { name: 'Lula da Silva' }, expected: {} });
    const debtOnSeoul =
      (await call(seoul, 'programme.list', {})).find((each) => each.programme.name === programme.name)?.sectors[0]?.id ?? 0;
    const entryOnSeoul = (await call(seoul, 'sector.view', { id: debtOnSeoul })).entries[0]?.id ?? 0;
    await call(seoul, 'note.create', {
      sectorEntryId: entryOnSeoul,
      title: 'Seoul’s view',
      body: 'Korea backs the terms.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });

    // Back online in São Paulo: everyone meets, twice round.
    await call(laptop, 'sync.configure', {
      url: server.url,
      username: 'laptop',
      password: 'Desk-pass-2',
      summitIds: [johannesburgOnLaptop, durbanOnLaptop],
    });
    for (let round = 0; round < 2; round += 1) for (const each of [laptop, pretoria, seoul]) await call(each, 'sync.now', {});

    const desks = [
      { core: pretoria, johannesburg: johannesburg.id },
      { core: seoul, johannesburg: johannesburgOnSeoul },
      { core: laptop, johannesburg: johannesburgOnLaptop },
    ];
    const packs = await Promise.all(desks.map((each) => packOf(each.core, each.johannesburg)));
    for (const pack of packs) expect(pack).toEqual(packs[0]);
    const printed = JSON.stringify(packs[0]);
    // The Brazil bilateral the laptop edited outlived its deletion; the pull-aside left for Durban.
    expect(printed).toContain('Bilateral with Brazil');
    expect(printed).not.toContain(pullAside.title);
    expect(printed).toContain('Seoul’s view');
    for (const { core, johannesburg: summitId } of desks) {
      const brief = await call(core, 'meeting.brief', { id: await meetingId(core, summitId, brazil.title) });
      expect(brief.meeting.pointsToMake).toBe(pointsToMake);
      expect((await call(core, 'conflict.list', {})).map((conflict) => [conflict.kind, conflict.title]).sort()).toEqual(
        [
          ['meeting', korea.title],
          ['person', (await call(pretoria, 'person.view', { id: lula.id })).person.name],
        ].sort(),
      );
      expect((await call(core, 'conflict.restorations', {})).map((restored) => [restored.title, restored.keptFor])).toEqual([
        [brazil.title, 'edit'],
      ]);
      expect((await call(core, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0 });
    }
    // Seoul shares Johannesburg only: nothing of the pull-aside now in Durban is left there.
    expect((await call(seoul, 'note.list', { kind: 'all' })).map((note) => note.body)).not.toContain('Raise the debt service suspension.');
    for (const core of [pretoria, laptop]) {
      const durbanHere = core === pretoria ? durban.id : durbanOnLaptop;
      const pullAsideHere = await meetingId(core, durbanHere, pullAside.title);
      expect((await call(core, 'note.listFor', { meetingId: pullAsideHere })).map((note) => note.body)).toEqual([
        'Raise the debt service suspension.',
      ]);
    }
  }, 120_000);
});

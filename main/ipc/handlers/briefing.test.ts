import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { generateDataset } from '../../../db/sample/generate.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { briefingHandlers, summitViewShows } from './briefing.ts';

const noChanges = { record: () => undefined };

describe('the summit view', () => {
  let db: Db;
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
  });

  it('lists each person in the summit’s meetings once, and the sectors with entries on its days', async () => {
    const handlers = briefingHandlers({ db, clock: () => new Date('2023-07-01T00:00:00Z') });
    const view = await handlers['summit.view']({ id: 1 }, noChanges);
    expect(view.participants.first.map((person) => person.name)).toEqual(['Jens Stoltenberg', 'Yoon Suk Yeol']);
    expect(view.participants.total).toBe(2);
    expect(view.sectors.first.map((sector) => sector.name)).toContain('Cybersecurity');
    expect(view.sectors.first.every((sector) => !sector.name.includes('not named'))).toBe(true);
    // A small summit's lists come whole with the view: nothing is left to open.
    expect(view.sectors.total).toBe(view.sectors.first.length);
    expect((await handlers['summit.sectors']({ id: 1 }, noChanges)).map((sector) => sector.id)).toEqual(
      view.sectors.first.map((sector) => sector.id),
    );
  });
});

describe('the summit view of a summit with more people and sectors than it paints', () => {
  const db = openScratchDatabase(':memory:');
  const generated = generateDataset(db, {
    seed: 3,
    summits: 4,
    meetings: 600,
    largestSummitMeetings: 300,
    sectorEntries: 8_000,
    annotations: 50,
  });
  const handlers = briefingHandlers({ db, clock: () => new Date('2023-07-01T00:00:00Z') });
  const id = generated.largestSummitId;

  it('paints the first participants by name and says how many there are; the whole list, by name, when opened', async () => {
    const view = await handlers['summit.view']({ id }, noChanges);
    const everyone = await handlers['summit.participants']({ id }, noChanges);
    expect(everyone.length).toBeGreaterThan(summitViewShows.participants);
    expect(view.participants.total).toBe(everyone.length);
    expect(view.participants.first).toHaveLength(summitViewShows.participants);
    const names = view.participants.first.map((person) => person.name);
    expect(names).toEqual([...names].sort((one, other) => (one < other ? -1 : one > other ? 1 : 0)));
    const everyoneIds = new Set(everyone.map((person) => person.id));
    expect(view.participants.first.every((person) => everyoneIds.has(person.id))).toBe(true);
    // Those painted first are the people of the earliest meetings, its counterpart first.
    const [earliest] = view.meetings;
    const counterpart = db.prepare('SELECT counterpart_id AS id FROM meeting WHERE id = ?').get(earliest?.id) as { id: number | null };
    if (counterpart.id !== null) expect(view.participants.first.map((person) => person.id)).toContain(counterpart.id);
  });

  it('paints the first sectors in play in programme order and says how many; all of them, with entry counts, when opened', async () => {
    const summit = db.prepare('SELECT start_date AS startDate, end_date AS endDate FROM summit WHERE id = ?').get(id) as {
      startDate: string;
      endDate: string;
    };
    // Widened to a quarter, so that more sectors are in play than the view paints.
    db.prepare('UPDATE summit SET end_date = date(start_date, ?) WHERE id = ?').run('+90 days', id);
    try {
      const view = await handlers['summit.view']({ id }, noChanges);
      const all = await handlers['summit.sectors']({ id }, noChanges);
      expect(all.length).toBeGreaterThan(summitViewShows.sectors);
      expect(view.sectors.total).toBe(all.length);
      expect(view.sectors.first.map((sector) => sector.id)).toEqual(all.slice(0, summitViewShows.sectors).map((sector) => sector.id));
      expect(all.every((sector) => sector.entryCount > 0)).toBe(true);
    } finally {
      db.prepare('UPDATE summit SET start_date = ?, end_date = ? WHERE id = ?').run(summit.startDate, summit.endDate, id);
    }
  });

  it('reads the first participants in meeting order and stops at the limit, without sorting the whole summit', () => {
    const plans = [
      'SELECT DISTINCT counterpart_id FROM meeting WHERE summit_id = ? AND counterpart_id IS NOT NULL ORDER BY starts_at, id LIMIT ?',
      `SELECT DISTINCT mp.person_id FROM meeting m JOIN meeting_participant mp ON mp.meeting_id = m.id
     WHERE m.summit_id = ? ORDER BY m.starts_at, m.id LIMIT ?`,
    ].map((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(id, summitViewShows.participants) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n'),
    );
    for (const plan of plans) {
      expect(plan).toMatch(/INDEX meeting_\w*by_summit \(summit_id=\?\)/);
      expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY');
    }
  });

  it('refuses a summit that does not exist, as the view does', () => {
    expect(() => handlers['summit.participants']({ id: 99_999 }, noChanges)).toThrow('No summit with id 99999.');
    expect(() => handlers['summit.sectors']({ id: 99_999 }, noChanges)).toThrow('No summit with id 99999.');
  });
});

describe('Today’s upcoming summits', () => {
  const upcomingAt = async (instant: string) => {
    const db = openScratchDatabase(':memory:');
    const insert = db.prepare('INSERT INTO summit (title, start_date, end_date, time_zone) VALUES (?, ?, ?, ?)');
    insert.run('COP30, Belém', '2025-11-10', '2025-11-21', 'America/Belem');
    insert.run('Line Islands forum', '2025-11-20', '2025-11-21', 'Pacific/Kiritimati');
    const today = await briefingHandlers({ db, clock: () => new Date(instant) })['dashboard.get']({}, noChanges);
    return today.upcomingSummits.map((summit) => summit.title);
  };

  it('keeps a summit until its last day is over at its venue, not at Greenwich', async () => {
    // 22:30 on 21 November in Belém (05:30 on the 22nd in Jakarta): COP30's last evening, over in Kiritimati.
    expect(await upcomingAt('2025-11-22T01:30:00Z')).toEqual(['COP30, Belém']);
    // 10:30 on 21 November at Greenwich is already the 22nd in Kiritimati (+14).
    expect(await upcomingAt('2025-11-21T10:30:00Z')).toEqual(['COP30, Belém']);
    expect(await upcomingAt('2025-11-21T09:30:00Z')).toEqual(['COP30, Belém', 'Line Islands forum']);
    // Past midnight in Belém, both are over.
    expect(await upcomingAt('2025-11-22T03:00:00Z')).toEqual([]);
  });
});

describe('Today’s upcoming meetings', () => {
  const upcomingAt = async (instant: string) => {
    const db = openScratchDatabase(':memory:');
    const insert = db.prepare('INSERT INTO meeting (title, format, starts_at, start_time_known, time_zone) VALUES (?, ?, ?, ?, ?)');
    // 29 March 2027 in Skopje, its hour still to be confirmed: kept as the venue's midnight (22:00 UTC the day before).
    insert.run('Bilateral in Skopje, time to be confirmed', 'bilateral', '2027-03-28T22:00:00.000Z', 0, 'Europe/Skopje');
    insert.run('Working lunch in Skopje', 'working-dinner', '2027-03-29T10:30:00.000Z', 1, 'Europe/Skopje');
    const today = await briefingHandlers({ db, clock: () => new Date(instant) })['dashboard.get']({}, noChanges);
    return today.upcomingMeetings.map((meeting) => meeting.title);
  };

  it('keeps a meeting with no time of day until its day is over at its venue, not from its first minute', async () => {
    // 10:00 on 29 March in Canberra is 01:00 in Skopje: the bilateral's day has begun there.
    expect(await upcomingAt('2027-03-28T23:00:00Z')).toEqual(['Bilateral in Skopje, time to be confirmed', 'Working lunch in Skopje']);
    // 23:30 in Skopje: its day is nearly over, the lunch long past.
    expect(await upcomingAt('2027-03-29T21:30:00Z')).toEqual(['Bilateral in Skopje, time to be confirmed']);
    // Past midnight in Skopje, it is over.
    expect(await upcomingAt('2027-03-29T22:00:00Z')).toEqual([]);
    // The day before, both are to come, in the order of their day.
    expect(await upcomingAt('2027-03-28T12:00:00Z')).toEqual(['Bilateral in Skopje, time to be confirmed', 'Working lunch in Skopje']);
  });
});

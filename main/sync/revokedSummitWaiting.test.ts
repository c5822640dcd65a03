import { describe, expect, it } from 'vitest';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startAccountsProxy, startTestServer } from './testServer.ts';

// The seventeenth round's team desk: the sherpa (kim) shares two summits; the
// bilateral officer (lee) is given one. Midway the administrator takes lee
// off that summit's database, and lee goes on working: a point added to the
// brief (which cannot go), a person added to the reference data (which can).
// Her state line said "2 changes waiting" with the person already on kim's
// desk, and counted every later edit, to anything, as waiting: she could not
// tell what had gone. Now only the brief waits, and goes once she is let in.

const { desk, cleanups } = teamDesks();

const person = (name: string) => ({
  name,
  nativeName: '',
  title: 'Deputy Foreign Minister',
  countryId: null,
  biography: '',
  sourceId: null,
  classification: 'NATO UNCLASSIFIED',
});

describe('a summit whose database the administrator closes to an officer midway', () => {
  it('counts as waiting only what was for that summit, keeps it readable here, and sends it once she is let in again', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const bilateral = desk();
    const vilnius = await call(sherpa, 'summit.create', summit('NATO Summit, Vilnius', 'Europe/Vilnius'));
    const washington = await call(sherpa, 'summit.create', summit('NATO Summit, Washington', 'America/New_York'));
    const brief = await call(sherpa, 'meeting.create', meeting(vilnius.id, 'Bilateral with Lithuania'));
    const passwords: Record<string, string> = { kim: 'Desk-pass-1', lee: 'Desk-pass-2' };
    const closedToLee = new Set<string>();
    const proxy = await startAccountsProxy(server, passwords, (user, database) => user === 'kim' || !closedToLee.has(database));
    cleanups.push(() => proxy.stop());
    const { url } = proxy;
    const shared = await call(sherpa, 'sync.configure', {
      url,
      username: 'kim',
      password: 'Desk-pass-1',
      summitIds: [vilnius.id, washington.id],
    });
    const vilniusDatabase = shared.summits.find((choice) => choice.summitId === vilnius.id)?.database ?? '';
    closedToLee.add(shared.summits.find((choice) => choice.summitId === washington.id)?.database ?? '');
    expect((await call(sherpa, 'sync.now', {})).status.lastError).toBeNull();

    const joined = await joinShared(bilateral, sherpa, { url, username: 'lee', password: 'Desk-pass-2' }, [vilnius.title]);
    const vilniusHere = joined.get(vilnius.title) ?? 0;
    const briefHere = (await call(bilateral, 'summit.view', { id: vilniusHere })).meetings[0]?.id ?? 0;
    expect((await call(bilateral, 'sync.status', {})).status).toMatchObject({ state: 'up-to-date', waiting: 0 });

    closedToLee.add(vilniusDatabase);
    await call(bilateral, 'meeting.update', { id: briefHere, patch: { pointsToMake: 'Thank Lithuania for hosting.' }, expected: {} });
    const refused = await call(bilateral, 'sync.now', {});
    expect(refused.status).toMatchObject({ state: 'error', waiting: 1, lastError: { kind: 'no-access', detail: vilniusDatabase } });

    // The reference data still goes, and is not counted as waiting once it has.
    await call(bilateral, 'person.create', person('Gabrielius Landsbergis'));
    const afterPerson = await call(bilateral, 'sync.now', {});
    expect(afterPerson.status).toMatchObject({ waiting: 1, lastError: { kind: 'no-access' } });
    // The Sync panel counts it against its summit, to say so if she unticks Vilnius: the person that went is not.
    expect(afterPerson.summits.map(({ summitId, waiting }) => ({ summitId, waiting }))).toContainEqual({
      summitId: vilniusHere,
      waiting: 1,
    });
    await call(sherpa, 'sync.now', {});
    expect((await call(sherpa, 'person.list', {})).map((each) => each.name)).toContain('Gabrielius Landsbergis');

    // A second edit of the same brief is still one record waiting; the brief is hers to read meanwhile.
    await call(bilateral, 'meeting.update', { id: briefHere, patch: { linesToTake: 'On Ukraine: our line.' }, expected: {} });
    expect((await call(bilateral, 'sync.now', {})).status.waiting).toBe(1);
    expect(await call(bilateral, 'meeting.get', { id: briefHere })).toMatchObject({
      pointsToMake: 'Thank Lithuania for hosting.',
      linesToTake: 'On Ukraine: our line.',
    });

    // Her password changed by the administrator: refused whole, then the new one brings back the database's refusal.
    passwords.lee = 'Desk-pass-2b';
    expect((await call(bilateral, 'sync.now', {})).status).toMatchObject({ waiting: 1, lastError: { kind: 'refused' } });
    await call(bilateral, 'sync.configure', { url, username: 'lee', password: 'Desk-pass-2b', summitIds: [vilniusHere] });
    expect((await call(bilateral, 'sync.now', {})).status).toMatchObject({ waiting: 1, lastError: { kind: 'no-access' } });

    // Let in again: the brief goes, with nothing left waiting.
    closedToLee.delete(vilniusDatabase);
    const letIn = await call(bilateral, 'sync.now', {});
    expect(letIn.status).toMatchObject({ state: 'up-to-date', waiting: 0, lastError: null });
    expect(letIn.summits.find((each) => each.summitId === vilniusHere)?.waiting).toBe(0);
    await call(sherpa, 'sync.now', {});
    expect(await call(sherpa, 'meeting.get', { id: brief.id })).toMatchObject({
      pointsToMake: 'Thank Lithuania for hosting.',
      linesToTake: 'On Ukraine: our line.',
    });
  }, 120_000);
});

describe('two summits whose databases the administrator closes to an officer at once', () => {
  it('are both named in the state line’s error, and an edit of each waits', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const bilateral = desk();
    const vilnius = await call(sherpa, 'summit.create', summit('NATO Summit, Vilnius', 'Europe/Vilnius'));
    const washington = await call(sherpa, 'summit.create', summit('NATO Summit, Washington', 'America/New_York'));
    await call(sherpa, 'meeting.create', meeting(vilnius.id, 'Bilateral with Lithuania'));
    await call(sherpa, 'meeting.create', meeting(washington.id, 'Bilateral with the United States'));
    const passwords = { kim: 'Desk-pass-1', lee: 'Desk-pass-2' };
    const closedToLee = new Set<string>();
    const proxy = await startAccountsProxy(server, passwords, (user, database) => user === 'kim' || !closedToLee.has(database));
    cleanups.push(() => proxy.stop());
    const { url } = proxy;
    const shared = await call(sherpa, 'sync.configure', {
      url,
      username: 'kim',
      password: 'Desk-pass-1',
      summitIds: [vilnius.id, washington.id],
    });
    await call(sherpa, 'sync.now', {});
    const joined = await joinShared(bilateral, sherpa, { url, username: 'lee', password: 'Desk-pass-2' }, [
      vilnius.title,
      washington.title,
    ]);
    expect(joined.size).toBe(2);

    const databases = shared.summits
      .filter((choice) => choice.shared)
      .map((choice) => choice.database)
      .sort();
    for (const database of databases) closedToLee.add(database);
    for (const summitHere of joined.values()) {
      const meetingHere = (await call(bilateral, 'summit.view', { id: summitHere })).meetings[0]?.id ?? 0;
      await call(bilateral, 'meeting.update', { id: meetingHere, patch: { pointsToMake: 'Our points.' }, expected: {} });
    }
    const refused = await call(bilateral, 'sync.now', {});
    expect(refused.status).toMatchObject({ waiting: 2, lastError: { kind: 'no-access', detail: databases.join(', ') } });
  }, 120_000);
});

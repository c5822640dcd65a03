import { beforeEach, describe, expect, it } from 'vitest';
import { meetings } from '../../../db/meetings.ts';
import { createNote, notes } from '../../../db/notes.ts';
import type { Db } from '../../../db/open.ts';
import { listPacks } from '../../../db/packs.ts';
import { people } from '../../../db/people.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { readSetting, writeSetting } from '../../../db/settings.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { BriefingPack, Settings, UnmarkedRecord } from '../../../shared/contract.ts';
import type { SearchHit } from '../../../shared/domain.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { samplePackDefinition } from '../../pdf/samplePack.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

const clock = () => new Date('2023-07-10T08:00:00Z');

describe('markings through the dispatch', () => {
  let db: Db;
  let dispatch: Dispatch;
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    dispatch = createDispatch({ db, handlers: createHandlers({ db, clock }) });
  });

  it('starts new stores on the NATO scheme, asking for each new record’s marking', async () => {
    const settings = await dispatch('settings.get', {});
    expect(settings.ok && settings.value).toMatchObject({ classificationScheme: presetSchemes.nato, defaultMarking: '' });
  });

  it('keeps a stored custom scheme that today’s rules would refuse, rather than silently putting the desk on NATO', async () => {
    // Saved by an earlier Sherpa, before levels alike but for case (or a mark reading UNMARKED) were refused.
    const stored = {
      name: 'AU desk',
      levels: [
        { name: 'AU PUBLIC', portion: 'UNMARKED' },
        { name: 'AU RESTRICTED', portion: 'AR' },
        { name: 'au restricted', portion: 'ar' },
      ],
    };
    writeSetting(db, 'settings', { classificationScheme: stored, defaultMarking: 'AU RESTRICTED' });
    const settings = await dispatch('settings.get', {});
    expect(settings.ok && settings.value).toMatchObject({ classificationScheme: stored, defaultMarking: 'AU RESTRICTED' });
    // Saving it again is refused at the level at fault, and the stored scheme is left as it was.
    const refused = await dispatch('settings.update', { classificationScheme: stored });
    expect(refused).toMatchObject({ ok: false });
    expect(readSetting(db, 'settings')).toMatchObject({ classificationScheme: stored });
  });

  it('keeps a desk default that is a level of the scheme, and refuses one that is not, changing nothing', async () => {
    expect(await dispatch('settings.update', { defaultMarking: 'NATO RESTRICTED' })).toMatchObject({
      ok: true,
      value: { defaultMarking: 'NATO RESTRICTED' },
    });
    const refused = await dispatch('settings.update', { defaultMarking: 'SECRET' });
    expect(refused).toMatchObject({ ok: false, error: { field: 'defaultMarking' } });
    expect(readSetting(db, 'settings')).toMatchObject({ defaultMarking: 'NATO RESTRICTED' });
  });

  it('drops a default the new scheme lacks when the scheme changes', async () => {
    await dispatch('settings.update', { defaultMarking: 'NATO RESTRICTED' });
    const changed = await dispatch('settings.update', {
      classificationScheme: presetSchemes.rok,
      droppedLevelsConfirmed: presetSchemes.nato.levels.map((level) => level.name),
    });
    expect(changed.ok && (changed.value as Settings).defaultMarking).toBe('');
  });

  it('refuses a scheme with repeated portion marks, changing nothing', async () => {
    const repeated = {
      name: 'Desk',
      levels: [
        { name: 'OPEN', portion: 'O' },
        { name: 'CLOSED', portion: 'O' },
      ],
    };
    expect(await dispatch('settings.update', { classificationScheme: repeated })).toMatchObject({ ok: false });
    const settings = await dispatch('settings.get', {});
    expect(settings.ok && (settings.value as Settings).classificationScheme).toEqual(presetSchemes.nato);
  });

  it('gives every search result its record’s marking, a summit’s and a timeline event’s too', async () => {
    const [meeting] = meetings.all(db, 'ORDER BY id');
    if (!meeting) throw new Error('sample meeting missing');
    createNote(
      db,
      { sectorEntryId: null, meetingId: meeting.id },
      { title: 'Stoltenberg seating', body: '', tags: [], classification: '' },
    );
    const hits = await dispatch('search.query', { text: 'Stoltenberg' });
    if (!hits.ok) throw new Error(hits.error.message);
    const found = hits.value as SearchHit[];
    const byKind = (kind: string) => found.filter((hit) => hit.kind === kind).map((hit) => hit.classification);
    expect(byKind('meeting')).toContain('NATO UNCLASSIFIED');
    expect(byKind('annotation')).toEqual(['']);
    // A summit's hit showed no portion mark among marked meetings and people (an Ankara summit marked NU).
    expect(byKind('summit')).toEqual(['NATO UNCLASSIFIED']);
    const events = await dispatch('search.query', { text: 'Vilnius', kinds: ['timelineEvent'] });
    expect(events.ok && (events.value as SearchHit[]).map((hit) => hit.classification)).toContain('NATO UNCLASSIFIED');
  });

  it('lists what in a saved pack is unmarked, or marked with a level the scheme lacks', async () => {
    const definition = samplePackDefinition(db);
    const saved = await dispatch('pack.save', { name: 'Vilnius', definition, expected: null });
    if (!saved.ok) throw new Error(saved.error.message);
    const pack = saved.value as BriefingPack;
    expect(await dispatch('pack.unmarked', { id: pack.id })).toEqual({ ok: true, value: [] });

    const [meeting] = meetings.all(db, 'ORDER BY id');
    const yoon = people.all(db, "WHERE name = 'Yoon Suk Yeol'")[0];
    if (!meeting || !yoon) throw new Error('sample records missing');
    meetings.update(db, meeting.id, { classification: '' });
    people.update(db, yoon.id, { classification: 'SECRET//NOFORN' });
    const unmarked = await dispatch('pack.unmarked', { id: pack.id });
    expect(unmarked.ok && unmarked.value).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: meeting.title, foreignLevel: '' })]),
    );
    // One person to mark again, though the pack prints them as principal, participant and biography.
    const yoons = unmarked.ok ? (unmarked.value as UnmarkedRecord[]).filter((item) => item.name.includes('Yoon Suk Yeol')) : [];
    expect(yoons).toEqual([
      {
        name: expect.stringMatching(/^(Principal|Participant): Yoon Suk Yeol$/),
        role: expect.stringMatching(/^(principal|participant)$/),
        title: 'Yoon Suk Yeol',
        on: '',
        foreignLevel: 'SECRET//NOFORN',
      },
    ]);
  });

  it('refuses a rename into a level the saved scheme already had (a merge, not a rename), changing nothing', async () => {
    const [meeting] = meetings.all(db, 'ORDER BY id');
    if (!meeting) throw new Error('sample meeting missing');
    const merged = { ...presetSchemes.nato, name: 'Merged', levels: presetSchemes.nato.levels.slice(1) };
    const refused = await dispatch('settings.update', {
      classificationScheme: merged,
      renamedLevels: [{ from: 'NATO UNCLASSIFIED', to: 'NATO RESTRICTED' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { field: 'renamedLevels', reason: 'level_rename_invalid' } });
    expect(meetings.get(db, meeting.id).classification).toBe(meeting.classification);
    const settings = await dispatch('settings.get', {});
    expect(settings.ok && (settings.value as Settings).classificationScheme).toEqual(presetSchemes.nato);
  });

  it('takes an edit made before a rename, still naming the old level, as the level it became', async () => {
    const [meeting] = meetings.all(db, 'ORDER BY id');
    if (!meeting) throw new Error('sample meeting missing');
    const note = createNote(
      db,
      { sectorEntryId: null, meetingId: meeting.id },
      { title: 'Queued', body: '', tags: [], classification: 'NATO RESTRICTED' },
    );
    const renamed = {
      ...presetSchemes.nato,
      name: 'NATO, desk spelling',
      levels: presetSchemes.nato.levels.map((level) => (level.portion === 'NR' ? { ...level, name: 'NATO RESTRICTED (DESK)' } : level)),
    };
    expect(
      await dispatch('settings.update', {
        classificationScheme: renamed,
        renamedLevels: [{ from: 'NATO RESTRICTED', to: 'NATO RESTRICTED (DESK)' }],
      }),
    ).toMatchObject({ ok: true });
    expect(notes.get(db, note.id).classification).toBe('NATO RESTRICTED (DESK)');
    // The autosave queued in another window before the rename still names the old level.
    const save = await dispatch('note.save', {
      id: note.id,
      baseVersion: note.version,
      title: 'Queued, typed on',
      body: '',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    expect(save).toMatchObject({
      ok: true,
      value: { status: 'saved', note: { title: 'Queued, typed on', classification: 'NATO RESTRICTED (DESK)' } },
    });
  });

  it('checks each note save against the scheme stored at that moment, in this store and in another one opened beside it', async () => {
    const meeting = meetings.all(db, 'ORDER BY id')[0];
    if (!meeting) throw new Error('sample meeting missing');
    let note = createNote(db, { sectorEntryId: null, meetingId: meeting.id }, { title: 'Seating', body: '', tags: [], classification: '' });
    const save = async (on: Dispatch, id: number, baseVersion: number, classification: string) =>
      on('note.save', { id, baseVersion, title: 'Seating', body: 'typed on', tags: [], classification });
    const saved = async (classification: string) => {
      const result = await save(dispatch, note.id, note.version, classification);
      if (result.ok && (result.value as { status: string }).status === 'saved') note = notes.get(db, note.id);
      return result;
    };
    expect(await saved('NATO RESTRICTED')).toMatchObject({ ok: true, value: { note: { classification: 'NATO RESTRICTED' } } });
    await dispatch('settings.update', {
      classificationScheme: presetSchemes.rok,
      droppedLevelsConfirmed: presetSchemes.nato.levels.map((level) => level.name),
    });
    // The note's own marking is kept while it stays (see below); another of the old scheme is refused.
    expect(await saved('NATO SECRET')).toMatchObject({ ok: false, error: { reason: 'marking_not_in_scheme' } });
    const rokLevel = presetSchemes.rok.levels[0]?.name ?? '';
    expect(await saved(rokLevel)).toMatchObject({ ok: true, value: { note: { classification: rokLevel } } });
    // Another store, on NATO's scheme, saving between two saves of this one.
    const other = openScratchDatabase(':memory:');
    try {
      const otherDispatch = createDispatch({ db: other, handlers: createHandlers({ db: other, clock }) });
      const otherNote = createNote(
        other,
        { sectorEntryId: null, meetingId: null },
        { title: 'Other', body: '', tags: [], classification: '' },
      );
      expect(await save(otherDispatch, otherNote.id, otherNote.version, rokLevel)).toMatchObject({ ok: false });
      expect(await save(otherDispatch, otherNote.id, otherNote.version, 'NATO SECRET')).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
    expect(await saved(rokLevel)).toMatchObject({ ok: true });
    // Written behind the dispatch's back (a restored backup): a stored scheme that no longer has a scheme's shape reads as NATO's, as in Settings.
    writeSetting(db, 'settings', { classificationScheme: { name: 'Broken', levels: [] } });
    const settings = await dispatch('settings.get', {});
    expect(settings.ok && (settings.value as Settings).classificationScheme).toEqual(presetSchemes.nato);
    expect(await saved(presetSchemes.rok.levels[1]?.name ?? '')).toMatchObject({ ok: false, error: { reason: 'marking_not_in_scheme' } });
    expect(await saved('NATO SECRET')).toMatchObject({ ok: true, value: { note: { classification: 'NATO SECRET' } } });
    expect(notes.get(db, note.id).classification).toBe('NATO SECRET');
  });

  describe('a marking given to a record', () => {
    const french = {
      name: 'FR desk',
      levels: [
        { name: 'NON PROTÉGÉ', portion: 'NP' },
        { name: 'DIFFUSION RESTREINTE', portion: 'DR' },
      ],
    };
    const firstMeeting = () => {
      const [meeting] = meetings.all(db, 'ORDER BY id');
      if (!meeting) throw new Error('sample meeting missing');
      return meeting;
    };

    it('is stored as the scheme spells the level it reads as: one Unicode form, no stray spaces, the level’s capitals', async () => {
      await dispatch('settings.update', {
        classificationScheme: french,
        droppedLevelsConfirmed: presetSchemes.nato.levels.map((level) => level.name),
      });
      const meeting = firstMeeting();
      // Decomposed (as some keyboards and pasted text give it), lower case, with spaces around and between words.
      const twin = ' non  protégé '.normalize('NFD');
      const saved = await dispatch('meeting.update', { id: meeting.id, patch: { classification: twin }, expected: {} });
      expect(saved).toMatchObject({ ok: true, value: { status: 'saved', saved: { classification: 'NON PROTÉGÉ' } } });
      expect(meetings.get(db, meeting.id).classification).toBe('NON PROTÉGÉ');
      const note = await dispatch('note.create', { meetingId: meeting.id, title: 'Seating', body: '', tags: [], classification: twin });
      expect(note).toMatchObject({ ok: true, value: { classification: 'NON PROTÉGÉ' } });
      const pack = await dispatch('pack.unmarked', {
        id: ((await dispatch('pack.save', { name: 'FR', definition: samplePackDefinition(db), expected: null })) as { value: BriefingPack })
          .value.id,
      });
      expect(pack.ok && (pack.value as UnmarkedRecord[]).map((item) => item.name)).not.toContain(meeting.title);
    });

    it('is refused when it is no level of the desk’s scheme, naming the field and changing nothing', async () => {
      const meeting = firstMeeting();
      const before = meetings.get(db, meeting.id);
      const refused = await dispatch('meeting.update', {
        id: meeting.id,
        patch: { classification: 'SECRET', title: 'Renamed' },
        expected: {},
      });
      expect(refused).toMatchObject({ ok: false, error: { field: 'classification', reason: 'marking_not_in_scheme' } });
      expect(meetings.get(db, meeting.id)).toEqual(before);
      const created = await dispatch('person.create', {
        sourceId: null,
        name: 'Nobody',
        nativeName: '',
        title: '',
        countryId: null,
        biography: '',
        classification: 'NATO SECRET ',
      });
      expect(created).toMatchObject({ ok: true, value: { classification: 'NATO SECRET' } });
      const count = people.all(db, '').length;
      const strange = {
        sourceId: null,
        name: 'Nobody else',
        nativeName: '',
        title: '',
        countryId: null,
        biography: '',
        classification: 'NATO SEKRET',
      };
      expect(await dispatch('person.create', strange)).toMatchObject({ ok: false, error: { reason: 'marking_not_in_scheme' } });
      expect(people.all(db, '').length).toBe(count);
      const note = createNote(db, { sectorEntryId: null, meetingId: meeting.id }, { title: 'T', body: '', tags: [], classification: '' });
      const save = await dispatch('note.save', {
        id: note.id,
        baseVersion: note.version,
        title: 'T2',
        body: '',
        tags: [],
        classification: 'TOP SECRET',
      });
      expect(save).toMatchObject({ ok: false, error: { field: 'classification', reason: 'marking_not_in_scheme' } });
      expect(notes.get(db, note.id)).toMatchObject({ title: 'T', version: note.version, classification: '' });
    });

    it('already on a record, from a scheme since replaced, is kept while other fields change, and cannot be given to another', async () => {
      const meeting = firstMeeting();
      meetings.update(db, meeting.id, { classification: 'SECRET//NOFORN' });
      const edited = await dispatch('meeting.update', {
        id: meeting.id,
        patch: { title: 'Renamed meeting', classification: 'SECRET//NOFORN' },
        expected: {},
      });
      expect(edited).toMatchObject({ ok: true, value: { saved: { title: 'Renamed meeting', classification: 'SECRET//NOFORN' } } });
      const [other] = meetings.all(db, `WHERE id <> ${meeting.id}`);
      if (!other) throw new Error('a second meeting is missing');
      expect(await dispatch('meeting.update', { id: other.id, patch: { classification: 'SECRET//NOFORN' }, expected: {} })).toMatchObject({
        ok: false,
        error: { reason: 'marking_not_in_scheme' },
      });
    });

    it('chosen for a pack’s own biography, is stored as the level’s spelling, and one of no level is refused with nothing saved', async () => {
      const [person] = people.all(db, 'ORDER BY id');
      if (!person) throw new Error('sample person missing');
      const definition = samplePackDefinition(db);
      const withBiography = (classification: string) => ({
        ...definition,
        sections: [
          ...definition.sections.filter((section) => section.kind !== 'biographies'),
          {
            kind: 'biographies' as const,
            personIds: [person.id],
            biographies: [{ personId: person.id, text: 'Met twice.', classification }],
          },
        ],
      });
      const saved = await dispatch('pack.save', { name: 'Bios', definition: withBiography('nato restricted '), expected: null });
      const biographyOf = (pack: BriefingPack) =>
        pack.definition.sections.flatMap((section) => (section.kind === 'biographies' ? (section.biographies ?? []) : []))[0];
      expect(saved.ok && biographyOf(saved.value as BriefingPack)?.classification).toBe('NATO RESTRICTED');
      const refused = await dispatch('pack.save', {
        name: 'Bios',
        definition: withBiography('RESTRICTED'),
        expected: saved.ok ? (saved.value as BriefingPack).definition : null,
      });
      expect(refused).toMatchObject({ ok: false, error: { reason: 'marking_not_in_scheme' } });
      const [stored] = (await dispatch('pack.list', {})).ok ? listPacks(db) : [];
      expect(stored && biographyOf(stored)?.classification).toBe('NATO RESTRICTED');
    });

    it('as the desk’s default, is stored as the level’s own spelling', async () => {
      expect(await dispatch('settings.update', { defaultMarking: 'nato  restricted'.normalize('NFD') })).toMatchObject({
        ok: true,
        value: { defaultMarking: 'NATO RESTRICTED' },
      });
    });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { listSectorEntries } from '../../../db/sectors.ts';
import { writeSetting } from '../../../db/settings.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { setRefusingWrites } from '../../../db/writeRefusal.ts';
import type { PackExportResult, PackPreview } from '../../../shared/contract.ts';
import type { BriefingPack, PackDefinition } from '../../../shared/domain.ts';
import type { PdfEngine } from '../../pdf/engine.ts';
import { pageTexts } from '../../pdf/pdfText.testing.ts';
import { testPrintEngine } from '../../pdf/printScratch.testing.ts';
import { samplePackDefinition } from '../../pdf/samplePack.ts';
import { addTokyoBriefing } from '../../pdf/secondBriefing.testing.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';
import { exportFileName } from './packs.ts';

const clock = () => new Date('2023-07-10T08:00:00Z');
const exportsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-pack-exports-'));
const engine = testPrintEngine();
afterAll(async () => {
  await engine.close();
  fs.rmSync(exportsRoot, { recursive: true, force: true });
});

describe('pack channels', () => {
  let db: Db;
  let dispatch: Dispatch;
  let definition: PackDefinition;
  // Every export of a day has the same name: each test writes into its own folder, so none sees another's file.
  let exportsDir: string;
  beforeEach(() => {
    exportsDir = fs.mkdtempSync(path.join(exportsRoot, 'test-'));
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    definition = samplePackDefinition(db);
    dispatch = createDispatch({ db, handlers: createHandlers({ db, clock, pdf: { engine, exportsDir } }) });
  });

  it('saves a pack by name: saving the same name again replaces its definition and keeps its id', async () => {
    const first = await dispatch('pack.save', { name: 'Vilnius', definition, expected: null });
    expect(first.ok).toBe(true);
    const second = await dispatch('pack.save', {
      name: 'Vilnius',
      definition: { ...definition, title: 'Vilnius, revised' },
      expected: first.ok ? (first.value as { definition: PackDefinition }).definition : null,
    });
    expect(second.ok && first.ok && second.value).toMatchObject({ id: first.ok ? (first.value as { id: number }).id : 0 });
    const list = await dispatch('pack.list', {});
    expect(
      list.ok && (list.value as { name: string; definition: PackDefinition }[]).map((pack) => [pack.name, pack.definition.title]),
    ).toEqual([['Vilnius', 'Vilnius, revised']]);
    const id = (second.ok && (second.value as { id: number }).id) || 0;
    expect((await dispatch('pack.get', { id })).ok).toBe(true);
    expect((await dispatch('pack.delete', { id })).ok).toBe(true);
    expect(await dispatch('pack.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('saves a name copied with a non-breaking space or a decomposed accent as the pack that reads the same, not a second one', async () => {
    const first = await dispatch('pack.save', { name: 'Brasília pack', definition, expected: null });
    if (!first.ok) throw new Error(first.error.message);
    const saved = first.value as BriefingPack;
    const copied = 'Brasi\u0301lia\u00a0pack ';
    const second = await dispatch('pack.save', {
      name: copied,
      definition: { ...definition, title: 'Brasília, revised' },
      expected: saved.definition,
    });
    expect(second).toMatchObject({ ok: true, value: { id: saved.id, name: 'Brasília pack' } });
    const list = await dispatch('pack.list', {});
    expect(list.ok && (list.value as BriefingPack[]).map((pack) => [pack.name, pack.definition.title])).toEqual([
      ['Brasília pack', 'Brasília, revised'],
    ]);
    // The guard still holds under the name it reads as: a builder that opened an older definition replaces nothing.
    const stale = await dispatch('pack.save', { name: copied, definition, expected: saved.definition });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('undoes a pack’s delete with the same id, name, definition and dates, once', async () => {
    const saved = await dispatch('pack.save', { name: 'Vilnius', definition, expected: null });
    if (!saved.ok) throw new Error(saved.error.message);
    const pack = saved.value as BriefingPack;
    await dispatch('pack.save', { name: 'Vilnius, pocket cards', definition, expected: null });
    const deleted = await dispatch('pack.delete', { id: pack.id });
    if (!deleted.ok) throw new Error(deleted.error.message);
    const { undoId } = deleted.value as { undoId: number };
    expect(await dispatch('pack.get', { id: pack.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A pack saved meanwhile takes a new id; saving the deleted one again would have too.
    await dispatch('pack.save', { name: 'Washington', definition, expected: null });
    const undone = await dispatch('deletion.undo', { id: undoId });
    expect(undone).toMatchObject({ ok: true, value: { entity: 'pack', id: pack.id, name: 'Vilnius' } });
    expect(await dispatch('pack.get', { id: pack.id })).toEqual({ ok: true, value: pack });
    const list = await dispatch('pack.list', {});
    expect(list.ok && (list.value as BriefingPack[]).map((listed) => listed.name).sort()).toEqual([
      'Vilnius',
      'Vilnius, pocket cards',
      'Washington',
    ]);
    expect(await dispatch('deletion.undo', { id: undoId })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it.each([
    ['an unknown field', (d: PackDefinition) => ({ ...d, banner: 'NATO SECRET' }), /unknown field\(s\): banner/],
    ['no sections', (d: PackDefinition) => ({ ...d, sections: [] }), /at least one section/],
    ['a meeting twice', (d: PackDefinition) => ({ ...d, sections: [d.sections[0], d.sections[0]] }), /each section may appear once/],
    ['an unknown form', (d: PackDefinition) => ({ ...d, sections: [{ kind: 'meeting', meetingId: 1, form: 'summary' }] }), /form/],
    [
      'a meeting that does not exist',
      (d: PackDefinition) => ({ ...d, sections: [{ kind: 'meeting', meetingId: 999, form: 'full' }] }),
      /no meeting with id 999/,
    ],
    ['A3 paper', (d: PackDefinition) => ({ ...d, paper: 'a3' }), /paper/],
  ])('refuses a definition with %s, and saves nothing', async (_what, change, message) => {
    const result = await dispatch('pack.save', { name: 'Broken', definition: change(definition), expected: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(await dispatch('pack.list', {})).toEqual({ ok: true, value: [] });
  });

  it('exports into the exports folder and nowhere else', async () => {
    const saved = await dispatch('pack.save', { name: 'Vilnius / 윤석열', definition, expected: null });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    const outside = await dispatch('pack.export', { id, outPath: path.join(os.tmpdir(), 'elsewhere.pdf') });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'outPath' } });
    const climbing = await dispatch('pack.export', { id, outPath: '../escape.pdf' });
    expect(climbing).toMatchObject({ ok: false, error: { field: 'outPath' } });

    const exported = await dispatch('pack.export', { id, paper: 'letter', copyFor: 'Seoul desk' });
    expect(exported.ok).toBe(true);
    const result = exported.ok ? (exported.value as PackExportResult) : null;
    expect(result?.path).toBe(path.join(exportsDir, 'briefing-pack-2023-07-10.pdf'));
    expect(result?.copyNumber).toBe(1);
    expect(result?.banner).toBe('NATO UNCLASSIFIED');
    expect(
      fs
        .readFileSync(result?.path ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60_000);

  // Exported with a copy stamp while Sherpa checked its data file after a crash: the numbered PDF was written, its
  // registration refused, and the page said "Nothing was written". Refused first now, with the store's reason; a
  // pack without a stamp, which writes nothing to the store, is exported as before.
  it('refuses a stamped copy while the store is checked after a crash, writing no file, and exports an unstamped one', async () => {
    const saved = await dispatch('pack.save', { name: 'Vilnius', definition, expected: null });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    setRefusingWrites(db, true);
    const checking = createDispatch({
      db,
      handlers: createHandlers({ db, clock, pdf: { engine, exportsDir } }),
      writesRefused: () => ({ message: 'Sherpa is checking its data file.', reason: 'store_being_checked' }),
    });
    const stamped = await checking('pack.export', { id, copyFor: 'Seoul desk' });
    expect(stamped).toMatchObject({ ok: false, error: { code: 'read_only', reason: 'store_being_checked' } });
    expect(fs.readdirSync(exportsDir)).toEqual([]);
    const unstamped = await checking('pack.export', { id });
    expect(unstamped.ok).toBe(true);
    expect(fs.readdirSync(exportsDir)).toEqual(['briefing-pack-2023-07-10.pdf']);
    setRefusingWrites(db, false);
    const later = await dispatch('pack.export', { id, copyFor: 'Seoul desk' });
    expect(later.ok && (later.value as PackExportResult).copyNumber).toBe(1);
  }, 60_000);

  it('reports a running export’s progress and stops it when cancelled, leaving no file', async () => {
    // The engine says when a print starts: the export is then in its layout pass, and still running.
    let printStarted = () => {};
    const printing = new Promise<void>((resolve) => (printStarted = resolve));
    const signalling: PdfEngine = {
      name: engine.name,
      print: (html, options) => {
        printStarted();
        return engine.print(html, options);
      },
      close: async () => {},
    };
    dispatch = createDispatch({ db, handlers: createHandlers({ db, clock, pdf: { engine: signalling, exportsDir } }) });
    const saved = await dispatch('pack.save', { name: 'Cancelled pack', definition, expected: null });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    expect(await dispatch('pack.exportStatus', { id })).toEqual({ ok: true, value: { running: false } });
    const exporting = dispatch('pack.export', { id });
    await printing;
    const status = await dispatch('pack.exportStatus', { id });
    expect(status).toMatchObject({ ok: true, value: { running: true, step: 'layout', message: 'Laying out the pack' } });
    expect(await dispatch('pack.export', { id })).toMatchObject({ ok: false, error: { message: 'This pack is already being exported.' } });
    expect(await dispatch('pack.cancelExport', { id })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await exporting).toMatchObject({ ok: false, error: { message: 'No file was written: the export was cancelled.' } });
    expect(await dispatch('pack.exportStatus', { id })).toEqual({ ok: true, value: { running: false } });
    expect(fs.readdirSync(exportsDir).filter((name) => name.endsWith('.pdf') || name.endsWith('.part'))).toEqual([]);
  }, 60_000);

  it('refuses to export unmarked material as a rule between records, naming each record', async () => {
    const saved = await dispatch('pack.save', { name: 'Vilnius', definition, expected: null });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    const [yoon] = db.prepare("SELECT id, name FROM person WHERE name = 'Yoon Suk Yeol'").all() as { id: number; name: string }[];
    await dispatch('person.update', { id: yoon?.id ?? 0, patch: { classification: '' }, expected: {} });
    const refused = await dispatch('pack.export', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'constraint', field: 'classification' } });
    if (!refused.ok) expect(refused.error.names).toContain('Participant: Yoon Suk Yeol');
  }, 60_000);

  it('leaves out an annotation nobody wrote in, so an empty unmarked one does not hold the export back', async () => {
    const saved = await dispatch('pack.save', { name: 'Vilnius', definition, expected: null });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    const sectorSection = definition.sections.find((section) => section.kind === 'sector');
    if (sectorSection?.kind !== 'sector') throw new Error('the sample pack has a sector brief');
    const [entry] = listSectorEntries(db, sectorSection.sectorId);
    // "Add annotation" pressed, then nothing typed: the annotation exists, empty and unmarked.
    await dispatch('note.create', { sectorEntryId: entry?.id ?? 0, title: '', body: '', tags: [], classification: '' });
    expect(await dispatch('pack.unmarked', { id })).toEqual({ ok: true, value: [] });
    // One with words in it still counts, and is named.
    await dispatch('note.create', { sectorEntryId: entry?.id ?? 0, title: '', body: 'Raise at dinner', tags: [], classification: '' });
    const unmarked = await dispatch('pack.unmarked', { id });
    expect(unmarked.ok && unmarked.value).toHaveLength(1);
  });

  it('says export is unavailable where no engine was given', async () => {
    const plain = createDispatch({ db, handlers: createHandlers({ db, clock }) });
    const saved = await plain('pack.save', { name: 'Vilnius', definition, expected: null });
    const result = await plain('pack.export', { id: saved.ok ? (saved.value as { id: number }).id : 0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', message: 'PDF export is not available in this window.' } });
  });

  it('refuses a meeting of another summit, and a timeline that ends before it starts, naming the section', async () => {
    const tokyo = addTokyoBriefing(db);
    const leaking = await dispatch('pack.save', {
      name: 'Leaky',
      expected: null,
      definition: { ...definition, sections: [...definition.sections, { kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' }] },
    });
    expect(leaking).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: `definition.sections.${definition.sections.length}` },
    });
    expect(!leaking.ok && leaking.error.message).toContain('“Park–Sato maritime bilateral” is not part of this pack’s summit');
    const backwards = await dispatch('pack.save', {
      name: 'Backwards',
      expected: null,
      definition: { ...definition, sections: [{ kind: 'timeline', from: '2023-08-01', to: '2023-07-01' }] },
    });
    expect(backwards).toMatchObject({ ok: false, error: { field: 'definition.sections.0.to' } });
    expect(await dispatch('pack.list', {})).toEqual({ ok: true, value: [] });
  });

  it('lists before export the records a definition will print, from its own summit only', async () => {
    const tokyo = addTokyoBriefing(db);
    const preview = await dispatch('pack.preview', {
      definition: {
        ...definition,
        title: '',
        summitId: tokyo.summitId,
        sections: [{ kind: 'meeting', meetingId: tokyo.meetingId, form: 'pocket' }, { kind: 'timeline' }, { kind: 'sources' }],
      },
    });
    expect(preview.ok).toBe(true);
    const value = preview.ok ? (preview.value as PackPreview) : null;
    expect(value?.sections.map((section) => [section.title, section.records.map((record) => record.title)])).toEqual([
      // A pocket card prints no staff notes (those go to a notes section, which this pack lacks).
      ['Park–Sato maritime bilateral', ['Park–Sato maritime bilateral']],
      ['Timeline', ['2025-11-20 Tokyo preparatory call held', '2026-03-04 Park–Sato maritime bilateral']],
      ['Sources', ['Desk record of the Tokyo preparatory call']],
    ]);
    // The counterpart first, then the other participants.
    const names = value?.peopleOfMeetings.map((person) => person.name) ?? [];
    expect(names[0]).toBe('Sato Haruki');
    expect([...names].sort()).toEqual(['Karim Al-Mansouri', 'Park Min-ji', 'Sato Haruki']);
    expect(value?.banner).toBe('NATO RESTRICTED');
  });

  it('names an untitled annotation in the list by the first line of its text, not a dash', async () => {
    const sectorSection = definition.sections.find((section) => section.kind === 'sector');
    if (sectorSection?.kind !== 'sector') throw new Error('the sample pack has a sector brief');
    const [entry] = listSectorEntries(db, sectorSection.sectorId);
    if (!entry) throw new Error('the sample sector has an entry');
    await dispatch('note.create', {
      sectorEntryId: entry.id,
      title: '',
      body: `Check with the Addis embassy — ሰላም\nSecond line, not in the list`,
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await dispatch('note.create', {
      sectorEntryId: entry.id,
      title: '',
      body: 'ㄱ'.repeat(200),
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    const preview = await dispatch('pack.preview', { definition: { ...definition, sections: [sectorSection] } });
    const titles = preview.ok
      ? (preview.value as PackPreview).sections.flatMap((section) => section.records.map((record) => record.title))
      : [];
    expect(titles).toContain('Check with the Addis embassy — ሰላም');
    expect(titles).toContain(`${'ㄱ'.repeat(80)}…`);
    expect(titles).not.toContain('—');
  });

  it('never overwrites an earlier export: the second of the day gets a numbered name, and says so', async () => {
    const saved = await dispatch('pack.save', {
      name: 'Twice',
      definition: { ...definition, sections: [{ kind: 'sources' }] },
      expected: null,
    });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    const first = await dispatch('pack.export', { id });
    const firstPath = first.ok ? (first.value as PackExportResult).path : '';
    expect(firstPath).toBe(path.join(exportsDir, 'briefing-pack-2023-07-10.pdf'));
    const firstBytes = fs.readFileSync(firstPath);
    const second = await dispatch('pack.export', { id });
    expect(second.ok && (second.value as PackExportResult).path).toBe(path.join(exportsDir, 'briefing-pack-2023-07-10 (2).pdf'));
    expect(fs.readFileSync(firstPath).equals(firstBytes)).toBe(true);
    const third = await dispatch('pack.export', { id });
    expect(third.ok && (third.value as PackExportResult).path).toBe(path.join(exportsDir, 'briefing-pack-2023-07-10 (3).pdf'));
    expect(fs.readdirSync(exportsDir).filter((name) => name.startsWith('briefing-pack') || name.endsWith('.part'))).toHaveLength(3);
  }, 60_000);

  it.each([
    // 23:59:59.9 in Seoul, the previous day in UTC: both the cover and the file say 10 July.
    ['a moment before midnight at home', '2023-07-10T14:59:59.900Z', '2023-07-10', '10 July 2023'],
    // Just after midnight in Seoul, still 10 July in UTC: both say 11 July.
    ['just after midnight at home', '2023-07-10T15:00:00.100Z', '2023-07-11', '11 July 2023'],
  ])(
    'dates the cover and the file name with one day, in the home time zone, %s',
    async (_when, instant, fileDay, coverDay) => {
      writeSetting(db, 'settings', { homeTimeZone: 'Asia/Seoul' });
      // A clock that moves on by a second at every reading: the export must read it once.
      let readings = 0;
      const movingClock = () => new Date(Date.parse(instant) + 1000 * readings++);
      const late = createDispatch({ db, handlers: createHandlers({ db, clock: movingClock, pdf: { engine, exportsDir } }) });
      const saved = await late('pack.save', {
        name: 'Midnight',
        expected: null,
        definition: { ...definition, sections: [{ kind: 'sources' }] },
      });
      const result = await late('pack.export', { id: saved.ok ? (saved.value as { id: number }).id : 0, copyFor: 'Night desk' });
      const file = result.ok ? (result.value as PackExportResult).path : '';
      expect(path.basename(file)).toBe(`briefing-pack-${fileDay}.pdf`);
      const [cover] = pageTexts(file);
      expect(cover).toMatch(new RegExp(`Prepared\\s+${coverDay}`));
      expect(cover).toMatch(new RegExp(`Copy 1 · for \\([A-Z]+\\) Night desk · ${coverDay}`));
    },
    60_000,
  );

  it('names an exported file by what it is and the day, never by the pack’s name or the recipient a copy is stamped for', async () => {
    // A pack's name and a recipient may themselves be classified; a file name travels in the clear (a listing, an attachment).
    expect(exportFileName('2023-07-10')).toBe('briefing-pack-2023-07-10.pdf');
    const saved = await dispatch('pack.save', {
      name: 'Op GREYHOUND pack',
      definition: { ...definition, title: 'Op GREYHOUND: fallback lines', sections: [{ kind: 'sources' }] },
      expected: null,
    });
    const id = saved.ok ? (saved.value as { id: number }).id : 0;
    const exported = await dispatch('pack.export', { id, copyFor: 'Agent FALCON' });
    const file = exported.ok ? (exported.value as PackExportResult).path : '';
    expect(path.basename(file)).toBe('briefing-pack-2023-07-10.pdf');
    expect(fs.readdirSync(exportsDir).join(' ')).not.toMatch(/GREYHOUND|FALCON/i);
  }, 60_000);
});

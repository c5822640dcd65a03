import path from 'node:path';
import { deleteRecord } from '../../../db/deletions.ts';
import { listMeetingBiographies, setMeetingBiography } from '../../../db/meetingBiographies.ts';
import { meetings } from '../../../db/meetings.ts';
import { findPackByName, getPack, listPacks, savePack } from '../../../db/packs.ts';
import { people } from '../../../db/people.ts';
import { listSectorEntries, sectors } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import type { PackExportStatus } from '../../../shared/contract.ts';
import type { PackBiography, PackDefinition } from '../../../shared/domain.ts';
import { readsAsOpened } from '../../../shared/guard.ts';
import { readsAsSamePackName } from '../../../shared/packNames.ts';
import { FileWriteError, writeError } from '../../pdf/atomicFile.ts';
import { UnmarkedMaterialError } from '../../pdf/classification.ts';
import { installedFontCoverage, readInstalledFontCoverage } from '../../pdf/fontCoverage.ts';
import { gatherPackContent, peopleOfMeetings } from '../../pdf/packContent.ts';
import { packDay } from '../../pdf/packDay.ts';
import { previewPack } from '../../pdf/packPreview.ts';
import { unprintableOfCover } from '../../pdf/unprintable.ts';
import { makePrivateExportsFolder } from '../../privateFiles.ts';
import { acceptMarking } from './acceptMarking.ts';
import { RecentDeletions } from './recentDeletions.ts';
import { readSettings } from './settings.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';
import { UserError } from './types.ts';

type PackChannel =
  | 'pack.list'
  | 'pack.get'
  | 'pack.save'
  | 'pack.delete'
  | 'pack.export'
  | 'pack.exportStatus'
  | 'pack.cancelExport'
  | 'pack.unmarked'
  | 'pack.preview'
  | 'pack.unprintableCover'
  | 'fonts.coverage'
  | 'meeting.biographies'
  | 'meeting.setBiography';

/**
 * Every record a definition names must exist, so a saved pack always exports.
 * `saving`: entries taken out of a sector section must be entries of it. Only
 * on save: an entry deleted or moved later leaves its id behind harmlessly (it
 * no longer prints from that sector anyway, and comes back out if the delete is
 * undone), and a pack must not stop exporting for it.
 */
function checkReferences(db: HandlerDeps['db'], definition: PackDefinition, saving = false): void {
  const missing = (field: string, what: string, id: number) =>
    new UserError('invalid_request', `${field}: no ${what} with id ${id}`, 'no_such_record', field);
  if (definition.summitId !== null && !summits.find(db, definition.summitId))
    throw missing('definition.summitId', 'summit', definition.summitId);
  if (definition.principalId !== null && !people.find(db, definition.principalId))
    throw missing('definition.principalId', 'person', definition.principalId);
  definition.sections.forEach((section, index) => {
    const field = `definition.sections.${index}`;
    if (section.kind === 'meeting') {
      const meeting = meetings.find(db, section.meetingId);
      if (!meeting) throw missing(field, 'meeting', section.meetingId);
      // A pack draws only from its own summit: a meeting of another summit would leak into it.
      if (meeting.summitId !== definition.summitId)
        throw new UserError(
          'invalid_request',
          `${field}: the meeting “${meeting.title}” is not part of this pack’s summit`,
          { reason: 'meeting_not_in_summit', params: { name: meeting.title } },
          field,
        );
    }
    if (section.kind === 'timeline' && section.from && section.to && section.from > section.to)
      throw new UserError(
        'invalid_request',
        `${field}.to: the timeline’s end date is before its start date`,
        'end_before_start',
        `${field}.to`,
      );
    if (section.kind === 'sector') {
      if (!sectors.find(db, section.sectorId)) throw missing(field, 'sector', section.sectorId);
      if (!saving) return;
      // Only an entry of this very sector can be taken out: any other id is a mistake the user should hear about.
      const entryIds = new Set(listSectorEntries(db, section.sectorId).map((entry) => entry.id));
      const stranger = (section.removedEntryIds ?? []).find((entryId) => !entryIds.has(entryId));
      if (stranger !== undefined)
        throw new UserError(
          'invalid_request',
          `${field}.removedEntryIds: entry ${stranger} is not an entry of this sector`,
          'entry_not_in_sector',
          `${field}.removedEntryIds`,
        );
    }
    if (section.kind === 'biographies') {
      const unknown = section.personIds.find((personId) => !people.find(db, personId));
      if (unknown !== undefined) throw missing(field, 'person', unknown);
    }
  });
  // After every meeting is known to exist: the people of the meetings are read from them.
  if (saving)
    definition.sections.forEach((section, index) => {
      if (section.kind === 'biographies')
        checkWrittenBiographies(db, definition, section.biographies ?? [], `definition.sections.${index}`);
    });
}

/**
 * A biography written for the pack prints only for a person of its meetings. One for anyone else was kept unseen (the
 * builder lists only those people) and unprinted, under its marking, until the person joined a meeting: material no
 * reviewer of the pack saw. Refused, unless a saved pack holds it as sent: its person left the meetings since, and
 * the builder sends it back unchanged with the rest of the pack, under its name or as a copy under another.
 */
function checkWrittenBiographies(
  db: HandlerDeps['db'],
  definition: PackDefinition,
  biographies: readonly PackBiography[],
  field: string,
): void {
  const ofMeetings = new Set(peopleOfMeetings(db, definition));
  const savedBefore = listPacks(db).flatMap((pack) =>
    pack.definition.sections.flatMap((section) => (section.kind === 'biographies' ? (section.biographies ?? []) : [])),
  );
  biographies.forEach((biography, at) => {
    const personField = `${field}.biographies.${at}.personId`;
    if (!people.find(db, biography.personId))
      throw new UserError('invalid_request', `${personField}: no person with id ${biography.personId}`, 'no_such_record', personField);
    if (ofMeetings.has(biography.personId)) return;
    const kept = savedBefore.some(
      (each) => each.personId === biography.personId && each.text === biography.text && each.classification === biography.classification,
    );
    if (!kept)
      throw new UserError(
        'invalid_request',
        `${personField}: person ${biography.personId} is in none of the pack’s meetings; a biography written for them would be kept unseen and never printed`,
        'biography_not_in_meetings',
        personField,
      );
  });
}

/**
 * The markings chosen for the pack's own biographies, as the scheme spells their
 * levels; one the scheme lacks is refused unless the saved pack already gave it
 * to that person's biography (a scheme since replaced: the export names it).
 */
function withAcceptedMarkings(db: HandlerDeps['db'], definition: PackDefinition, saved: PackDefinition | undefined): PackDefinition {
  const savedMarking = (personId: number) =>
    saved?.sections
      .flatMap((section) => (section.kind === 'biographies' ? (section.biographies ?? []) : []))
      .find((biography) => biography.personId === personId)?.classification;
  return {
    ...definition,
    sections: definition.sections.map((section, index) =>
      section.kind === 'biographies' && section.biographies
        ? {
            ...section,
            biographies: section.biographies.map((biography, at) =>
              biography.classification === undefined
                ? biography
                : {
                    ...biography,
                    classification: acceptMarking(
                      db,
                      biography.classification,
                      () => savedMarking(biography.personId),
                      `definition.sections.${index}.biographies.${at}.classification`,
                    ),
                  },
            ),
          }
        : section,
    ),
  };
}

/**
 * An exported pack's file name: what it is and the day, like a bundle's
 * (bundleFileName). Never the pack's name, its title or the recipient a copy is
 * stamped for: any of them may be classified, and a file name travels in the
 * clear (a folder's listing, a mail's attachment, a download list) with no
 * marking beside it. The pack's name is inside, on every page, under its banner.
 * A second export the same day is numbered beside the first (`… (2).pdf`).
 */
export function exportFileName(day: string): string {
  return `briefing-pack-${day}.pdf`;
}

/** The page can name a file, but only inside the exports folder: the renderer is not trusted with the disk. */
function outPathIn(exportsDir: string, requested: string): string {
  const resolved = path.resolve(exportsDir, requested);
  const relative = path.relative(exportsDir, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UserError(
      'invalid_request',
      `outPath: must be a file inside the exports folder ${exportsDir}`,
      'export_outside_folder',
      'outPath',
    );
  }
  if (path.extname(resolved).toLowerCase() !== '.pdf')
    throw new UserError('invalid_request', 'outPath: must end in .pdf', 'export_not_pdf', 'outPath');
  return resolved;
}

export function packHandlers({ db, clock, pdf, recentDeletions = new RecentDeletions() }: HandlerDeps): HandlerGroup<PackChannel> {
  // Exports under way, by pack: what they have reached, and how to stop them.
  const running = new Map<number, { controller: AbortController; status: PackExportStatus }>();
  return {
    'pack.list': () => listPacks(db),
    'pack.get': ({ id }) => getPack(db, id),
    'pack.save': ({ name: typed, definition, expected }, changes) => {
      checkReferences(db, definition, true);
      // A name that reads as a saved pack's (a non-breaking space, a decomposed accent) is that pack: it is replaced
      // under the name it has, never joined by a second pack the desk cannot tell from it.
      const name = findPackByName(db, typed)?.name ?? listPacks(db).find((saved) => readsAsSamePackName(saved.name, typed))?.name ?? typed;
      // In the dispatch's transaction with the write: a pack saved elsewhere since the builder took it in is not replaced unseen.
      const stored = expected === undefined ? undefined : findPackByName(db, name);
      if (stored && !readsAsOpened(stored.definition, expected))
        throw new UserError(
          'conflict',
          `The pack “${name}” was saved elsewhere after it was opened here (now titled “${stored.definition.title}”); nothing was saved.`,
          { reason: 'saved_elsewhere', params: { name } },
          'definition',
          [name],
        );
      const pack = savePack(db, name, withAcceptedMarkings(db, definition, findPackByName(db, name)?.definition));
      // Saved under an existing name it replaces that pack: a list shows either way.
      changes.record('pack', 'updated', [pack.id]);
      return pack;
    },
    'pack.delete': ({ id }, changes) => {
      const deleted = getPack(db, id);
      // Kept whole, so Undo puts the pack back with its id and dates, not as a new pack of the same name.
      const { record, references } = deleteRecord(db, 'briefing_pack', id, false);
      changes.record('pack', 'deleted', [id]);
      const undoId = recentDeletions.remember({ entity: 'pack', name: deleted.name, record, references });
      return { deleted, undoId };
    },
    'pack.export': async ({ id, paper, copyFor, outPath }) => {
      if (!pdf) throw new UserError('invalid_request', 'PDF export is not available in this window.', 'pdf_unavailable');
      const pack = getPack(db, id);
      checkReferences(db, pack.definition);
      // One reading of the clock, in the home zone, names the file and dates the cover.
      const now = clock();
      const day = packDay(readSettings(db).homeTimeZone, now);
      const target = outPath ? outPathIn(pdf.exportsDir, outPath) : path.join(pdf.exportsDir, exportFileName(day));
      await makePrivateExportsFolder(pdf.exportsDir).catch((error: unknown) => {
        throw exportWriteRefusal(writeError(target, error));
      });
      if (running.has(id)) throw new UserError('invalid_request', 'This pack is already being exported.', 'already_exporting');
      const controller = new AbortController();
      const run: { controller: AbortController; status: PackExportStatus } = {
        controller,
        status: { running: true, step: 'gathering', fraction: 0, message: 'Starting' },
      };
      running.set(id, run);
      try {
        // Loaded on the first export only: the PDF reader and the HTML renderer add about 90 MB
        // to the process holding the store, which a session that never exports should not carry.
        const { exportPack } = await import('../../pdf/exportPack.ts');
        return await exportPack(db, pdf.engine, {
          packName: pack.name,
          definition: pack.definition,
          outPath: target,
          clock: () => now,
          // An earlier export of the same pack on the same day stays as it was: this one is numbered.
          keepExisting: true,
          signal: controller.signal,
          onProgress: (progress) => {
            run.status = { running: true, ...progress };
          },
          ...(paper ? { paper } : {}),
          ...(copyFor ? { copyFor } : {}),
        });
      } catch (error) {
        // Unmarked material: a rule between records, with the records named, so the page can say it in the user's language.
        if (error instanceof UnmarkedMaterialError)
          throw new UserError(
            'constraint',
            error.message,
            'unmarked_material',
            'classification',
            error.items.map((item) => item.name),
          );
        // A file that could not be written: the folder and why (permission, a full disk, a folder gone), in the user's language.
        if (error instanceof FileWriteError) throw exportWriteRefusal(error);
        // The store refusing a write (a stamped copy's registration while it is checked after a crash) is the
        // dispatch's to word, by the store's reason: wrapped here it read "the pack could not be exported".
        if (error instanceof Error && String((error as { code?: unknown }).code).startsWith('SQLITE_')) throw error;
        // Other export failures (an unknown marking) are the user's to fix: say why.
        if (error instanceof Error && !(error instanceof UserError)) throw new UserError('invalid_request', error.message, 'export_failed');
        throw error;
      } finally {
        running.delete(id);
      }
    },
    'pack.preview': ({ definition }) => {
      checkReferences(db, definition);
      const settings = readSettings(db);
      return previewPack(db, definition, {
        scheme: settings.classificationScheme,
        homeTimeZone: settings.homeTimeZone,
        language: settings.language,
        preparedOn: packDay(settings.homeTimeZone, clock()),
      });
    },
    'pack.unprintableCover': ({ title, recipient, copyFor }) => unprintableOfCover({ title, recipient, copyFor }, installedFontCoverage()),
    'fonts.coverage': async () => {
      const coverage = await readInstalledFontCoverage();
      return coverage ? { ranges: coverage.ranges.map(([start, end]) => [start, end] as [number, number]) } : null;
    },
    'meeting.biographies': ({ id }) => {
      meetings.get(db, id);
      return listMeetingBiographies(db, id);
    },
    'meeting.setBiography': ({ meetingId, personId, text, expected }, changes) => {
      meetings.get(db, meetingId);
      people.get(db, personId);
      const written = listMeetingBiographies(db, meetingId);
      // In the dispatch's transaction with the write: a biography saved elsewhere since the editor opened is not replaced unseen.
      const stored = written.find((entry) => entry.personId === personId)?.text ?? '';
      if (expected !== undefined && expected !== null && stored !== expected.trim()) return { status: 'stale', current: written };
      setMeetingBiography(db, meetingId, personId, text);
      changes.record('meeting', 'updated', [meetingId]);
      return { status: 'saved', saved: listMeetingBiographies(db, meetingId) };
    },
    'pack.exportStatus': ({ id }) => running.get(id)?.status ?? { running: false },
    'pack.unmarked': ({ id }) => {
      const pack = getPack(db, id);
      checkReferences(db, pack.definition);
      const settings = readSettings(db);
      return gatherPackContent(db, pack.definition, {
        scheme: settings.classificationScheme,
        homeTimeZone: settings.homeTimeZone,
        language: settings.language,
        preparedOn: packDay(settings.homeTimeZone, clock()),
      }).unmarked;
    },
    'pack.cancelExport': ({ id }) => {
      const run = running.get(id);
      run?.controller.abort();
      return { cancelled: run !== undefined };
    },
  };
}

const writeReasons = {
  not_writable: 'export_not_writable',
  disk_full: 'export_disk_full',
  folder_missing: 'export_folder_missing',
  not_a_folder: 'export_not_a_folder',
  other: 'export_write_failed',
} as const;

/** A pack's file that could not be written, refused with the folder and the reason the page words. */
function exportWriteRefusal(error: FileWriteError): UserError {
  const reason = writeReasons[error.failure];
  const params: Record<string, string> =
    reason === 'export_write_failed' ? { folder: error.folder, detail: error.detail } : { folder: error.folder };
  return new UserError('invalid_request', error.message, { reason, params });
}

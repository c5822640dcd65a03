import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingPack, PackDefinition, PackExportResult, PackExportStatus, PackPreview } from '../../../shared/contract.ts';
import type { PackSection, PaperSize } from '../../../shared/domain.ts';
import { readsAsSamePackName } from '../../../shared/packNames.ts';
import { BridgeError, call } from '../bridge/index.ts';
import { LineInput } from '../components/LineInput.tsx';
import { unreadableFields } from '../forms/validate.ts';
import { useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { UnmarkedInPack } from '../markings/UnmarkedInPack.tsx';
import { DeletePackButton } from '../records/DeletePackButton.tsx';
import { personLabels } from '../records/personLabels.ts';
import { summitLabels } from '../records/summitLabels.ts';
import { useQuery } from '../useQuery.ts';
import { ConflictsInPack } from './ConflictsInPack.tsx';
import { OtherSummitNotes } from './OtherSummitNotes.tsx';
import { PackPreviewPanel } from './PackPreviewPanel.tsx';
import { copyForProblem, exportRefusal, packProblem, packRefusal } from './packRefusal.ts';
import {
  addSection,
  followSavedPack,
  hasSection,
  meetingFormIn,
  moveSection,
  removeSection,
  replaceSection,
  sectionKey,
  withoutStaleEntries,
} from './packSections.ts';
import { SectionPicker } from './SectionPicker.tsx';
import { BiographiesEditor, SectorEntriesEditor, sectionPrintsKey, TimelineRange } from './SectionSettings.tsx';
import { unprintableLine } from './UnprintableInPack.tsx';

type PackExportStep = Extract<PackExportStatus, { running: true }>['step'];
const stepTexts: Record<PackExportStep, string> = {
  gathering: 'packs.stepGathering',
  layout: 'packs.stepLayout',
  numbering: 'packs.stepNumbering',
  writing: 'packs.stepWriting',
  done: 'packs.stepDone',
};

const emptyDefinition: PackDefinition = { title: '', recipient: '', summitId: null, principalId: null, paper: 'a4', sections: [] };

type ExportState =
  | { status: 'idle' }
  | { status: 'exporting'; fraction: number | null; step: PackExportStep | null }
  | { status: 'done'; result: PackExportResult }
  | { status: 'failed'; message: string };

export function PackEditor({
  pack,
  justSaved,
  copyForTyped = '',
  onSaved,
  onDeleted,
}: {
  pack: BriefingPack | null;
  /** The pack was saved a moment ago from the builder, which then moved onto it. */
  justSaved: boolean;
  /** The copy's recipient typed in the builder that saved this pack a moment ago (a new pack's builder gives way to the saved one's). */
  copyForTyped?: string;
  /** `copyFor` is the copy's recipient as typed when the save answered, for the builder that takes over. */
  onSaved: (pack: BriefingPack, typed: { copyFor: string }) => void;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [name, setName] = useState(pack?.name ?? '');
  const [definition, setDefinition] = useState<PackDefinition>(pack?.definition ?? emptyDefinition);
  // The saved pack the builder last took in. The store changes a saved pack
  // behind the builder's back (a meeting or sector it lists deleted elsewhere,
  // or that delete undone): the builder follows, or it would show "#12" and
  // save the stale section again.
  const [basis, setBasis] = useState(pack);
  // What the store holds under a name as this builder last learned it from a save's answer, before the
  // saved pack comes back through the query: the precondition of the next save under that name.
  const [lastKnown, setLastKnown] = useState<{ name: string; definition: PackDefinition } | null>(null);
  if (pack !== basis) {
    setBasis(pack);
    setLastKnown(null);
    if (pack && basis && JSON.stringify(pack.definition) !== JSON.stringify(basis.definition)) {
      setDefinition(followSavedPack(definition, basis.definition, pack.definition));
    }
  }
  const [saveState, setSaveState] = useState<
    { status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; message: string; field: string }
  >({
    status: 'idle',
  });
  // Saving under another pack's name replaces that pack: asked once, by name, before it happens.
  const savedPacks = useQuery('pack.list', {});
  const [replaceConfirmed, setReplaceConfirmed] = useState<string | null>(null);
  const [copyFor, setCopyFor] = useState(copyForTyped);
  // Read when a save answers, which may be after more was typed into the field.
  const copyForNow = useRef(copyFor);
  copyForNow.current = copyFor;
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const summits = useQuery('summit.list', {});
  // Summits of one title (the same summit, year after year) told apart by city and year.
  const summitTitles = summitLabels(summits.value ?? []);
  const people = useQuery('person.list', {});
  const principalLabels = personLabels(people.value ?? []);
  const markedLabel = useMarkedLabel();
  const programmes = useQuery('programme.list', {});
  const summitView = useQuery('summit.view', { id: definition.summitId ?? 0 });
  // Asked of the saved pack, and again after every change in the store (a record marked elsewhere).
  const unmarked = useQuery('pack.unmarked', { id: pack?.id ?? 0 });
  // The summit, the principal (named on the cover, with their marking) and the sections decide
  // what prints and under which banner: typing a title does not ask again. The saved pack's cover
  // title and recipient are asked with them, so a script no font draws there is warned of before export.
  const preview = useQuery('pack.preview', {
    definition: {
      ...emptyDefinition,
      title: pack?.definition.title ?? '',
      recipient: pack?.definition.recipient ?? '',
      summitId: definition.summitId,
      principalId: definition.principalId,
      sections: definition.sections,
    },
  });
  // The cover as typed, and the copy's recipient, checked against the fonts at each keystroke (cheap: no gathering),
  // so a script no font draws is warned of while it is typed, not once the PDF shows boxes.
  const unprintableCover = useQuery('pack.unprintableCover', {
    title: definition.title,
    recipient: definition.recipient,
    copyFor: copyFor.trim(),
  });
  // The entry lists stay on screen while the preview is asked again after each box ticked:
  // whether an entry is out is read from the definition, so the last answer serves.
  const [entryLists, setEntryLists] = useState<PackPreview['sectorEntries']>([]);
  if (preview.status === 'ready' && preview.value.sectorEntries !== entryLists) setEntryLists(preview.value.sectorEntries);
  // Kept while the preview refetches, so the list does not vanish under the box just cleared.
  const [otherSummitNotes, setOtherSummitNotes] = useState<PackPreview['otherSummitNotes']>([]);
  if (preview.status === 'ready' && preview.value.otherSummitNotes !== otherSummitNotes)
    setOtherSummitNotes(preview.value.otherSummitNotes);
  const dirty = pack === null || name !== pack.name || JSON.stringify(definition) !== JSON.stringify(pack.definition);
  const unmarkedRecords = pack && !dirty ? (unmarked.value ?? []) : [];

  const update = (patch: Partial<PackDefinition>) => {
    setDefinition((current) => ({ ...current, ...patch }));
    setSaveState({ status: 'idle' });
  };
  const setSections = (change: (sections: PackSection[]) => PackSection[]) => update({ sections: change(definition.sections) });

  // A meeting the pack lists may belong to no summit the builder shows (its summit deleted, the meeting kept):
  // the preview, printed from the same sections in the same order, still knows its title.
  const printedMeetingTitles = (preview.value?.sections ?? []).flatMap((printed, index) => {
    const section = definition.sections[index];
    const title = printed.records.find((record) => record.kind === 'meeting')?.title;
    return section?.kind === 'meeting' && printed.kind === 'meeting' && title ? [[section.meetingId, title] as const] : [];
  });
  const meetingTitles = new Map([
    ...printedMeetingTitles,
    ...(summitView.status === 'ready' ? summitView.value.meetings : []).map((meeting) => [meeting.id, meeting.title] as const),
  ]);
  const sectorNames = new Map(
    (programmes.status === 'ready' ? programmes.value : []).flatMap((programme) =>
      programme.sectors.map((sector) => [sector.id, sector.name] as const),
    ),
  );
  const labelOf = (section: PackSection): string => {
    switch (section.kind) {
      case 'meeting':
        return `${meetingTitles.get(section.meetingId) ?? `#${section.meetingId}`} · ${t(section.form === 'full' ? 'packs.full' : 'packs.pocket')}`;
      case 'sector':
        return sectorNames.get(section.sectorId) ?? `#${section.sectorId}`;
      case 'timeline':
        return t('packs.timeline');
      case 'biographies':
        return t('packs.biographies');
      case 'sources':
        return t('packs.sources');
      case 'notes':
        return t('packs.notes');
    }
  };

  // Null while the summit's meetings load (or with no summit): the store then decides.
  const summitMeetingIds =
    definition.summitId !== null && summitView.status === 'ready' ? new Set(summitView.value.meetings.map((meeting) => meeting.id)) : null;

  const editor = useRef<HTMLElement>(null);
  // A save refused for the pack's name or its cover's title puts the caret in that field, as a record's form does:
  // the refusal was said, but a keyboard user was left on Save with the field a dozen Tabs back.
  const nameInput = useRef<HTMLInputElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (saveState.status !== 'failed') return;
    if (saveState.field === 'name') nameInput.current?.focus();
    if (saveState.field === 'definition.title') titleInput.current?.focus();
  }, [saveState]);
  const refusedAt = (field: string) => saveState.status === 'failed' && saveState.field === field;
  const save = async () => {
    // A timeline bound typed as a day that does not exist reads as no bound: refused, named, not saved as an open range.
    const [impossible] = unreadableFields(editor.current);
    const problem = impossible
      ? {
          message: t('forms.impossibleDate', { field: t(`packs.${impossible}`), interpolation: { escapeValue: false } }),
          field: impossible,
        }
      : packProblem(t, name, definition, summitMeetingIds, labelOf, (personId) => principalLabels.get(personId));
    if (problem) {
      setSaveState({ status: 'failed', ...problem });
      return;
    }
    // Names that read the same are one pack (shared/packNames.ts): the store saves under the name it already has.
    const alike = (savedPacks.value ?? []).filter((saved) => readsAsSamePackName(saved.name, name));
    const other = alike.find((saved) => saved.id !== pack?.id);
    if (other && replaceConfirmed !== other.name) {
      setReplaceConfirmed(other.name);
      setSaveState({ status: 'failed', field: 'name', message: t('packs.nameTaken', { name: other.name, title: other.definition.title }) });
      return;
    }
    setSaveState({ status: 'saving' });
    const trimmed = (alike.find((saved) => saved.id === pack?.id) ?? other)?.name ?? name.trim();
    // The pack this save replaces, as the builder knows it: the store refuses if it holds another by now.
    const expected =
      lastKnown?.name === trimmed ? lastKnown.definition : basis?.name === trimmed ? basis.definition : (other?.definition ?? null);
    try {
      const sections = withoutStaleEntries(definition.sections, entryLists);
      const saved = await call('pack.save', {
        name: trimmed,
        definition: { ...definition, title: definition.title.trim(), sections },
        expected,
      });
      setLastKnown({ name: saved.name, definition: saved.definition });
      setDefinition((current) => ({ ...current, sections }));
      setSaveState({ status: 'saved' });
      onSaved(saved, { copyFor: copyForNow.current });
    } catch (error) {
      if (error instanceof BridgeError && error.code === 'conflict' && error.field === 'definition') {
        // Saved in another window (or by a sync) a moment before this one heard of it: say so; a second Save replaces it.
        const now = (await call('pack.list', {}).catch(() => [])).find((saved) => saved.name === trimmed);
        if (now) {
          setLastKnown({ name: trimmed, definition: now.definition });
          // Taken in as the builder takes in any change it hears of: the colleague's fields, this builder's others.
          if (basis?.name === trimmed) setDefinition((current) => followSavedPack(current, basis.definition, now.definition));
        }
        setSaveState({
          status: 'failed',
          field: 'name',
          message: t('guard.packChangedElsewhere', {
            name: trimmed,
            title: now?.definition.title ?? '',
            interpolation: { escapeValue: false },
          }),
        });
        return;
      }
      setSaveState({ status: 'failed', ...packRefusal(t, error, definition, labelOf) });
    }
  };

  const exportPdf = async () => {
    if (!pack) return;
    const tooLong = copyForProblem(t, copyFor.trim());
    if (tooLong) {
      setExportState({ status: 'failed', message: tooLong });
      return;
    }
    setExportState({ status: 'exporting', fraction: null, step: null });
    // The export answers once, at the end; meanwhile its progress is read a few times a second.
    let finished = false;
    const poll = async () => {
      while (!finished) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const progress = await call('pack.exportStatus', { id: pack.id }).catch(() => null);
        if (!finished && progress?.running) setExportState({ status: 'exporting', fraction: progress.fraction, step: progress.step });
      }
    };
    void poll();
    try {
      const result = await call('pack.export', { id: pack.id, ...(copyFor.trim() ? { copyFor: copyFor.trim() } : {}) });
      setExportState({ status: 'done', result });
    } catch (error) {
      setExportState({ status: 'failed', message: exportRefusal(t, error) });
    } finally {
      finished = true;
    }
  };

  const cancelExport = () => {
    if (pack) void call('pack.cancelExport', { id: pack.id });
  };

  return (
    <section ref={editor} aria-labelledby={`${id}-heading`} style={{ display: 'grid', gap: '1rem' }}>
      <h2 id={`${id}-heading`}>{pack ? pack.name : t('packs.newPack')}</h2>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: '0.8rem' }}>
        <div className={`field${saveState.status === 'failed' && saveState.field === 'name' ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-name`}>{t('packs.name')}</label>
          <LineInput
            id={`${id}-name`}
            ref={nameInput}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={refusedAt('name')}
            aria-describedby={refusedAt('name') ? `${id}-name-hint ${id}-save-refusal` : `${id}-name-hint`}
          />
          <p className="field-hint" id={`${id}-name-hint`}>
            {t('packs.nameHint')}
          </p>
        </div>
        <div className={`field${saveState.status === 'failed' && saveState.field === 'definition.title' ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-title`}>{t('packs.packTitle')}</label>
          <LineInput
            id={`${id}-title`}
            ref={titleInput}
            value={definition.title}
            onChange={(event) => update({ title: event.target.value })}
            aria-invalid={refusedAt('definition.title')}
            aria-describedby={refusedAt('definition.title') ? `${id}-save-refusal` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-recipient`}>{t('packs.recipient')}</label>
          <LineInput id={`${id}-recipient`} value={definition.recipient} onChange={(event) => update({ recipient: event.target.value })} />
        </div>
        {/* A row of its own: a summit's name with its mark is long, and the pack is told apart by it. */}
        <div className="field" style={{ gridColumn: '1 / -1' }}>
          <label htmlFor={`${id}-summit`}>{t('packs.summit')}</label>
          <select
            id={`${id}-summit`}
            value={definition.summitId ?? ''}
            onChange={(event) => update({ summitId: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">{t('packs.noSummit')}</option>
            {(summits.status === 'ready' ? summits.value : []).map((summit) => (
              <option key={summit.id} value={summit.id}>
                {markedLabel(summit.classification, summitTitles.get(summit.id) ?? summit.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-principal`}>{t('packs.principal')}</label>
          <select
            id={`${id}-principal`}
            value={definition.principalId ?? ''}
            onChange={(event) => update({ principalId: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">{t('packs.noPrincipal')}</option>
            {(people.status === 'ready' ? people.value : []).map((person) => (
              <option key={person.id} value={person.id}>
                {markedLabel(person.classification, principalLabels.get(person.id) ?? person.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-paper`}>{t('packs.paper')}</label>
          <select id={`${id}-paper`} value={definition.paper} onChange={(event) => update({ paper: event.target.value as PaperSize })}>
            <option value="a4">{t('packs.a4')}</option>
            <option value="letter">{t('packs.letter')}</option>
          </select>
        </div>
      </div>

      <div>
        <h3>{t('packs.sections')}</h3>
        <p className="muted">{t('packs.sectionsHint')}</p>
        {definition.sections.length === 0 ? (
          <p className="muted">{t('packs.noSections')}</p>
        ) : (
          <ol className="cards" aria-label={t('packs.sections')}>
            {definition.sections.map((section, index) => (
              <li
                key={sectionKey(section)}
                className="row-with-actions"
                style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem' }}
              >
                <span style={{ display: 'grid', gap: '0.3rem', flex: 1 }}>
                  <span>
                    {index + 1}. {labelOf(section)}
                  </span>
                  <span className="muted">{t(sectionPrintsKey(section))}</span>
                  {section.kind === 'timeline' && (
                    <TimelineRange section={section} change={(next) => setSections((sections) => replaceSection(sections, index, next))} />
                  )}
                  {section.kind === 'sector' && (
                    <SectorEntriesEditor
                      section={section}
                      entries={entryLists.find((sector) => sector.sectorId === section.sectorId)?.entries ?? null}
                      change={(next) => setSections((sections) => replaceSection(sections, index, next))}
                    />
                  )}
                  {section.kind === 'notes' && (
                    <OtherSummitNotes
                      section={section}
                      notes={otherSummitNotes}
                      change={(next) => setSections((sections) => replaceSection(sections, index, next))}
                    />
                  )}
                  {section.kind === 'biographies' && (
                    <BiographiesEditor
                      section={section}
                      people={preview.status === 'ready' ? preview.value.peopleOfMeetings : []}
                      change={(next) => setSections((sections) => replaceSection(sections, index, next))}
                    />
                  )}
                </span>
                <span className="button-row">
                  <button
                    type="button"
                    className="small"
                    disabled={index === 0}
                    aria-label={`${t('packs.moveUp')}: ${labelOf(section)}`}
                    onClick={() => setSections((sections) => moveSection(sections, index, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="small"
                    disabled={index === definition.sections.length - 1}
                    aria-label={`${t('packs.moveDown')}: ${labelOf(section)}`}
                    onClick={() => setSections((sections) => moveSection(sections, index, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="small"
                    aria-label={`${t('packs.remove')}: ${labelOf(section)}`}
                    onClick={() => setSections((sections) => removeSection(sections, index))}
                  >
                    {t('packs.remove')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>

      <SectionPicker
        summitMeetings={definition.summitId === null ? null : summitView.status === 'ready' ? summitView.value.meetings : []}
        programmes={programmes.status === 'ready' ? programmes.value : []}
        has={(key) => hasSection(definition.sections, key)}
        meetingForm={(meetingId) => meetingFormIn(definition.sections, meetingId)}
        add={(section) => setSections((sections) => addSection(sections, section))}
      />

      <div className="button-row">
        <button type="button" className="primary" disabled={saveState.status === 'saving' || !dirty} onClick={save}>
          {saveState.status === 'saving' ? t('packs.saving') : t('packs.save')}
        </button>
        {pack && <DeletePackButton pack={pack} label={t('packs.deletePack')} onDeleted={onDeleted} />}
        <span role="status">{saveState.status === 'saved' || (justSaved && !dirty) ? t('packs.savedMessage', { name }) : ''}</span>
      </div>
      {saveState.status === 'failed' && (
        <p role="alert" className="field-error" id={`${id}-save-refusal`}>
          {saveState.message} {t('packs.nothingSaved')}
        </p>
      )}

      <PackPreviewPanel
        preview={preview}
        failure={preview.status === 'error' ? packRefusal(t, preview.error, definition, labelOf).message : ''}
        cover={unprintableCover.status === 'ready' ? unprintableCover.value : null}
      />
      {preview.status === 'ready' && <ConflictsInPack preview={preview.value} />}

      <div style={{ borderTop: '1px solid var(--border)', paddingTop: '1rem', display: 'grid', gap: '0.6rem' }}>
        <div className="field">
          <label htmlFor={`${id}-copy`}>{t('packs.copyFor')}</label>
          <LineInput
            id={`${id}-copy`}
            value={copyFor}
            onChange={(event) => setCopyFor(event.target.value)}
            aria-describedby={`${id}-copy-hint`}
          />
          <p className="field-hint" id={`${id}-copy-hint`}>
            {t('packs.copyForHint')}
          </p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={!pack || dirty || exportState.status === 'exporting' || unmarkedRecords.length > 0}
            onClick={exportPdf}
          >
            {t('packs.export')}
          </button>
          {(!pack || dirty) && <span className="muted">{t('packs.saveFirst')}</span>}
        </div>
        <UnmarkedInPack records={unmarkedRecords} />
        <div role="status" aria-live="polite">
          {exportState.status === 'exporting' && (
            <span className="button-row">
              <progress
                aria-label={t('packs.export')}
                {...(exportState.fraction === null ? {} : { value: exportState.fraction, max: 1 })}
              />
              <span>{exportState.step ? t(stepTexts[exportState.step]) : t('packs.exporting')}</span>
              <button type="button" className="small" onClick={cancelExport}>
                {t('packs.cancelExport')}
              </button>
            </span>
          )}
          {exportState.status === 'done' && (
            <p>
              {t('packs.exported', {
                pages: exportState.result.pages,
                banner: exportState.result.banner,
                copy: exportState.result.copyNumber === null ? '' : t('packs.exportedCopy', { number: exportState.result.copyNumber }),
                seconds: (exportState.result.timings.totalMs / 1000).toFixed(1),
              })}{' '}
              {t('packs.savedTo')} <code>{exportState.result.path}</code>
              {/ \(\d+\)\.pdf$/.test(exportState.result.path) && <> {t('packs.numbered')}</>}
              {exportState.result.unprintable.length > 0 && (
                <>
                  {' '}
                  {t('packs.exportedUnprintable', {
                    records: exportState.result.unprintable.map((record) => unprintableLine(t, i18n.language, record)).join('; '),
                    interpolation: { escapeValue: false },
                  })}
                </>
              )}
            </p>
          )}
        </div>
        {exportState.status === 'failed' && (
          <p role="alert" className="error">
            {exportState.message}
          </p>
        )}
      </div>
    </section>
  );
}

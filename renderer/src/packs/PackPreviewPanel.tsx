import { useTranslation } from 'react-i18next';
import type { PackPreview, UnprintableRecord } from '../../../shared/contract.ts';
import { unmarked } from '../../../shared/markings.ts';
import { StoredText } from '../components/StoredText.tsx';
import { bannerWords } from '../markings/bannerWords.ts';
import { CountedMarking } from '../markings/ScreenMarkings.tsx';
import type { QueryState } from '../useQuery.ts';
import { UnprintableInPack } from './UnprintableInPack.tsx';

/** The cover's texts, which the builder checks as they are typed: the saved pack's findings for them are stale. */
const coverKinds: ReadonlySet<UnprintableRecord['kind']> = new Set(['packTitle', 'packRecipient', 'copyFor']);

// The store names an annex as its PDF heading does, in English; the builder names it in the interface language.
// A meeting or sector brief keeps the user's own title.
const annexTitles: Partial<Record<PackPreview['sections'][number]['kind'], string>> = {
  timeline: 'packs.timeline',
  biographies: 'packs.biographiesHeading',
  sources: 'packs.sources',
  notes: 'packs.notes',
};

/** Before export: every record the PDF will hold, section by section, with its portion mark. */
/** `failure` says why the store could not list it, in the interface language (never the store's own words). */
/** `cover`: the cover's texts as typed (not yet saved), checked on their own; they stand in for the saved cover's. */
export function PackPreviewPanel({
  preview,
  failure,
  cover = null,
}: {
  preview: QueryState<PackPreview>;
  failure: string;
  cover?: readonly UnprintableRecord[] | null;
}) {
  const { t } = useTranslation();
  // The store writes an unmarked record's mark as a pack would print it, "(UNMARKED)"; the screen says it in its language.
  const shownMark = (mark: string) => (mark === `(${unmarked})` ? `(${t('markings.unmarked')})` : mark);
  return (
    <section aria-labelledby="pack-preview-heading" style={{ borderTop: '1px solid var(--border)', paddingTop: '1rem' }}>
      <h3 id="pack-preview-heading">{t('packs.preview')}</h3>
      <p className="muted">{t('packs.previewHint')}</p>
      {preview.status === 'error' && <p className="field-error">{t('packs.previewFailed', { message: failure })}</p>}
      {preview.status === 'ready' && (
        <>
          <p>
            {t('packs.previewBanner', {
              // As the window's banner says it: material of no level of the scheme is not taken for the lowest,
              // and a marking of another scheme is named, not called unmarked.
              banner: !preview.value.holdsUnmarked
                ? preview.value.banner
                : bannerWords(t, preview.value.banner || null, preview.value.outsideScheme, preview.value.holdsNoMarking),
            })}
          </p>
          <UnprintableInPack
            records={
              cover === null
                ? preview.value.unprintable
                : [...cover, ...preview.value.unprintable.filter((record) => !coverKinds.has(record.kind))]
            }
          />
          <ol aria-label={t('packs.preview')}>
            {preview.value.sections.map((section) => (
              <li key={`${section.kind}-${section.title}`}>
                <CountedMarking classification={section.classification} />
                <strong>
                  {shownMark(section.mark)} {annexTitles[section.kind] ? t(annexTitles[section.kind] as string) : section.title}
                </strong>
                {section.records.length === 0 ? (
                  <span className="muted"> · {t('packs.previewNothing')}</span>
                ) : (
                  <ul>
                    {section.records.map((record, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a section may list the same title twice (two entries on one day); the order is fixed.
                      <li key={index}>
                        <CountedMarking classification={record.classification} />
                        {record.mark ? `${shownMark(record.mark)} ` : ''}
                        {record.kind === 'participant' || record.kind === 'followUp' ? `${t(`packs.recordKinds.${record.kind}`)}: ` : ''}
                        {record.on ? `${t(`packs.notesOn.${record.on.kind}`, { title: record.on.title })} · ` : ''}
                        <StoredText text={record.title} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

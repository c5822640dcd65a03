import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectorEntryWithCount, Source } from '../../../shared/domain.ts';
import { formatDate } from '../../../shared/time.ts';
import { AnnotationSlot } from '../components/AnnotationSlot.tsx';
import { DeleteButton } from '../components/DeleteButton.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loaded } from '../components/Loading.tsx';
import { StoredText } from '../components/StoredText.tsx';
import { SummitDuring } from '../components/SummitOf.tsx';
import { TypedProse } from '../components/TypedProse.tsx';
import { VirtualList } from '../components/VirtualList.tsx';
import { ConflictNotice } from '../conflicts/ConflictNotice.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { hrefOf, navigate } from '../router.ts';
import { useLocale } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

export function ProgrammeList() {
  const { t } = useTranslation();
  const programmes = useQuery('programme.list', {});
  return (
    <>
      <div className="view-header">
        <h1>{t('sectors.title')}</h1>
        <a className="button" href={hrefOf({ view: 'new', entity: 'programme' })}>
          {t('records.newProgramme')}
        </a>
      </div>
      <Loaded query={programmes}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('records.noProgrammes')}</EmptyState>
          ) : (
            list.map(({ programme, sectors }) => (
              <section key={programme.id} aria-labelledby={`programme-${programme.id}`}>
                <div className="view-header">
                  <h2 id={`programme-${programme.id}`}>
                    {/* Its description is text like any other: marked, and "(UNMARKED)" until someone marks it. */}
                    <PortionMark classification={programme.classification} /> {programme.code} – {programme.name}
                    {/* The year only: sources often give no more (the sample's IPCP), and the description carries the detail. */}
                    {programme.signedOn && (
                      <span className="muted"> ({t('sectors.signedOn', { date: programme.signedOn.slice(0, 4) })})</span>
                    )}
                  </h2>
                  <span className="button-row">
                    <a className="button small" href={hrefOf({ view: 'new', entity: 'sector', defaults: { programmeId: programme.id } })}>
                      {t('sectors.newSector')}
                    </a>
                    <a
                      className="button small"
                      href={hrefOf({ view: 'edit', entity: 'programme', id: programme.id })}
                      aria-label={`${t('records.editProgramme')}: ${programme.code}`}
                    >
                      {t('records.editProgramme')}
                    </a>
                    <DeleteButton
                      entity="programme"
                      id={programme.id}
                      name={`${programme.code} – ${programme.name}`}
                      label={t('records.deleteProgramme')}
                    />
                  </span>
                </div>
                <TypedProse text={programme.description} />
                {sectors.length === 0 ? (
                  <EmptyState>{t('sectors.noSectors')}</EmptyState>
                ) : (
                  <ul className="cards">
                    {sectors.map((sector) => (
                      <li key={sector.id}>
                        <PortionMark classification={sector.classification} />
                        <a href={hrefOf({ view: 'sectors', id: sector.id })}>
                          <StoredText text={sector.name} />
                        </a>
                        <span className="muted"> · {t('sectors.entryCount', { count: sector.entryCount })}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))
          )
        }
      </Loaded>
    </>
  );
}

// Made once, not per render: the list recomputes every row's position whenever these change (VirtualList).
const entryRowKey = (entry: SectorEntryWithCount) => String(entry.id);
const entryRowSize = () => 180;

function EntryCard({ entry, source, locale }: { entry: SectorEntryWithCount; source: Source | undefined; locale: string }) {
  const { t } = useTranslation();
  return (
    <article className="entry-card" aria-labelledby={`entry-${entry.id}`}>
      <div className="section-header">
        <h3 id={`entry-${entry.id}`}>
          <PortionMark classification={entry.classification} />
          <time dateTime={entry.occurredOn}>{formatDate(entry.occurredOn, locale)}</time> · <StoredText text={entry.title} />
        </h3>
        <span className="badge">{t('sectors.annotationCount', { count: entry.annotationCount })}</span>
      </div>
      <SummitDuring day={entry.occurredOn} />
      <TypedProse text={entry.body} />
      {entry.sourceExcerpt && (
        <blockquote>
          <span className="visually-hidden">{t('sectors.excerpt')}: </span>
          <StoredText text={entry.sourceExcerpt} />
        </blockquote>
      )}
      <p className="muted small-text">
        {/* The source is a record of its own, marked on its own (a public entry may cite a restricted desk file). */}
        {t('common.source')}: {source && <PortionMark classification={source.classification} />}
        <bdi>{source ? source.title : `#${entry.sourceId}`}</bdi>
        {source?.publisher ? ` · ${source.publisher}` : ''}
      </p>
      <div className="button-row">
        <a className="button small" href={hrefOf({ view: 'edit', entity: 'sectorEntry', id: entry.id })}>
          {t('sectors.editEntry')}
        </a>
        <DeleteButton entity="sectorEntry" id={entry.id} name={entry.title} label={t('sectors.deleteEntry')} />
      </div>
      <AnnotationSlot target={{ sectorEntryId: entry.id }} />
    </article>
  );
}

export function SectorView({ id }: { id: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const view = useQuery('sector.view', { id });
  const sources = useQuery('source.list', {});
  const sourceById = useMemo(() => new Map((sources.value ?? []).map((source) => [source.id, source])), [sources.value]);
  return (
    <Loaded query={view}>
      {({ sector, programme, entries }) => (
        <article>
          <p className="muted">
            <a href={hrefOf({ view: 'sectors' })}>{t('sectors.title')}</a> › {programme.code}
          </p>
          <div className="view-header">
            <h1>
              <PortionMark classification={sector.classification} />
              <StoredText text={sector.name} />
            </h1>
            <div className="button-row">
              <a className="button" href={hrefOf({ view: 'edit', entity: 'sector', id: sector.id })}>
                {t('sectors.editSector')}
              </a>
              <DeleteButton
                entity="sector"
                id={sector.id}
                name={sector.name}
                label={t('sectors.deleteSector')}
                onDeleted={() => navigate({ view: 'sectors' })}
                onRestored={() => navigate({ view: 'sectors', id: sector.id })}
              />
            </div>
          </div>
          <ConflictNotice page={{ view: 'sectors', id: sector.id }} />
          <section aria-labelledby="sector-summary-heading">
            {/* The sector's own texts, as a meeting brief's sections: each heading carries the record's mark. */}
            <h2 id="sector-summary-heading">
              <PortionMark classification={sector.classification} />
              {t('sectors.summary')}
            </h2>
            <TypedProse text={sector.summary} empty={t('common.notStated')} />
          </section>
          {sector.ourPosition && (
            <section aria-labelledby="sector-position-heading">
              <h2 id="sector-position-heading">
                <PortionMark classification={sector.classification} />
                {t('sectors.ourPosition')}
              </h2>
              <TypedProse text={sector.ourPosition} />
            </section>
          )}
          <section aria-labelledby="entries-heading">
            <div className="view-header">
              <h2 id="entries-heading">
                {t('sectors.entries')} <span className="muted">({t('sectors.entryCount', { count: entries.length })})</span>
              </h2>
              <a className="button" href={hrefOf({ view: 'new', entity: 'sectorEntry', defaults: { sectorId: sector.id } })}>
                {t('sectors.newEntry')}
              </a>
            </div>
            {entries.length === 0 ? (
              <EmptyState>{t('sectors.noEntries')}</EmptyState>
            ) : (
              <VirtualList
                label={t('sectors.entries')}
                rows={entries}
                rowKey={entryRowKey}
                estimateSize={entryRowSize}
                renderRow={(entry) => <EntryCard entry={entry} source={sourceById.get(entry.sourceId)} locale={locale} />}
              />
            )}
          </section>
        </article>
      )}
    </Loaded>
  );
}

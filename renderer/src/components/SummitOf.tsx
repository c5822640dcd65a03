import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Summit } from '../../../shared/domain.ts';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { summitLabels } from '../records/summitLabels.ts';
import { useQuery } from '../useQuery.ts';
import { StoredText } from './StoredText.tsx';

/**
 * " · at (OFF) G7 Evian 2026" after a record (a meeting, a search hit) listed outside its summit's own view: a
 * desk with ten summits has a "Bilateral with the Foreign Minister" at each,
 * and a title alone does not tell the officer which one is meant. Nothing for
 * a meeting of no summit, or until the summits are read.
 */
export function SummitOf({ summitId }: { summitId: number | null }) {
  const summits = useSummitsById();
  if (summitId === null) return null;
  return <SummitLabel summit={summits.get(summitId)} />;
}

/** The same words for a summit a long list has looked up once for all its rows (notes, timeline events). */
export function SummitLabel({ summit }: { summit: (Pick<Summit, 'title' | 'classification'> & { label?: string }) | undefined }) {
  const { t } = useTranslation();
  if (!summit) return null;
  return (
    <span className="muted">
      {' · '}
      {t('meeting.ofSummit')} <PortionMark classification={summit.classification} />
      <StoredText text={summit.label ?? summit.title} />
    </span>
  );
}

/**
 * Each summit by id, read once by a long list for its rows, with the label that tells apart summits of one title
 * (the same summit, year after year: "Cumbre Iberoamericana · Madrid, 2026"; records/summitLabels.ts).
 */
export function useSummitsById(): ReadonlyMap<number, Summit & { label: string }> {
  const summits = useQuery('summit.list', {});
  return useMemo(() => {
    const list = summits.value ?? [];
    const labels = summitLabels(list);
    return new Map(list.map((summit) => [summit.id, { ...summit, label: labels.get(summit.id) ?? summit.title }]));
  }, [summits.value]);
}

/**
 * "Dated during (OFF) NATO Summit The Hague" under a sector entry: a sector
 * written in at every summit holds each summit's entries, and a pack of
 * another summit leaves such an entry out unless kept (main/pdf/packContent.ts
 * decides by the same days). Nothing for an entry dated between summits.
 */
export function SummitDuring({ day }: { day: string }) {
  const { t } = useTranslation();
  const summits = useSummitsById();
  const during = [...summits.values()]
    .filter((summit) => summit.startDate <= day && day <= summit.endDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  if (during.length === 0) return null;
  return (
    <p className="muted small-text">
      {t('sectors.datedDuring')}{' '}
      {during.map((summit, index) => (
        <span key={summit.id}>
          {index > 0 && ', '}
          <PortionMark classification={summit.classification} />
          <StoredText text={summit.label} />
        </span>
      ))}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { useQuery } from '../useQuery.ts';

/**
 * " · at (OFF) G7 Evian 2026" after a record (a meeting, a search hit) listed outside its summit's own view: a
 * desk with ten summits has a "Bilateral with the Foreign Minister" at each,
 * and a title alone does not tell the officer which one is meant. Nothing for
 * a meeting of no summit, or until the summits are read.
 */
export function SummitOf({ summitId }: { summitId: number | null }) {
  const { t } = useTranslation();
  const summits = useQuery('summit.list', {});
  if (summitId === null || summits.status !== 'ready') return null;
  const summit = summits.value.find((candidate) => candidate.id === summitId);
  if (!summit) return null;
  return (
    <span className="muted">
      {' · '}
      {t('meeting.ofSummit')} <PortionMark classification={summit.classification} />
      <bdi>{summit.title}</bdi>
    </span>
  );
}

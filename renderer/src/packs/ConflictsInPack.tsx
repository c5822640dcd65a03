import { useTranslation } from 'react-i18next';
import type { ConflictSummary } from '../../../shared/conflicts.ts';
import type { PackPreview } from '../../../shared/contract.ts';
import { higherMarkingKept } from '../conflicts/conflictPages.ts';
import { hrefOf } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

/** The conflicts among what the pack prints: a record of a kind the pack lists, by the title the pack prints. */
export function conflictsInPack(preview: PackPreview, conflicts: readonly ConflictSummary[]): ConflictSummary[] {
  const printed = new Set(preview.sections.flatMap((section) => section.records.map((record) => `${record.kind}\u0000${record.title}`)));
  return conflicts.filter((conflict) => printed.has(`${conflict.kind}\u0000${conflict.title}`));
}

/**
 * Records the pack prints that two desks changed at once: the PDF holds the
 * version every desk shows now and says nothing of the other, so the builder
 * says so before export, with a way to both versions. Warned, not refused:
 * the desk may have chosen the shown version already in its head.
 */
export function ConflictsInPack({ preview }: { preview: PackPreview }) {
  const { t } = useTranslation();
  const conflicts = useQuery('conflict.list', {});
  const levels = useSettings().classificationScheme.levels.map((level) => level.name);
  if (conflicts.status !== 'ready') return null;
  const inPack = conflictsInPack(preview, conflicts.value);
  if (inPack.length === 0) return null;
  return (
    <div className="unmarked-in-pack" role="alert">
      <strong>{t('packs.conflictsTitle')}</strong>
      <p className="unmarked-in-pack-text">{t('packs.conflictsIntro')}</p>
      <ul className="unmarked-in-pack-text" aria-label={t('packs.conflictsTitle')}>
        {inPack.map((conflict) => (
          <li key={conflict.id}>
            <bdi>
              {t('packs.conflictLine', {
                kind: t(`conflicts.kinds.${conflict.kind}`),
                title: conflict.title,
                interpolation: { escapeValue: false },
              })}
            </bdi>{' '}
            <a href={hrefOf({ view: 'conflict', record: conflict.id })}>{t('packs.conflictCompare')}</a>
            {higherMarkingKept(conflict, levels) ? (
              <> {t('conflicts.noticeHigher', { marking: higherMarkingKept(conflict, levels), shown: conflict.classification })}</>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

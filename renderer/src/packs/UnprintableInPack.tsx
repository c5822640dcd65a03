import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UnprintableRecord } from '../../../shared/contract.ts';

/** A script's name in the interface language, from its ISO 15924 code ("Ethi" → "Ethiopic", "에티오피아 문자"). */
export function scriptNames(language: string, codes: readonly string[]): string {
  const names = new Intl.DisplayNames([language], { type: 'script', fallback: 'code' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}

/** One record as the warning names it: its kind, title, scripts and the characters meant. */
export function unprintableLine(t: TFunction, language: string, record: UnprintableRecord): string {
  return t('packs.unprintableRecord', {
    kind: t(`packs.recordKinds.${record.kind}`),
    title: record.title,
    scripts: scriptNames(language, record.scripts),
    characters: record.characters,
    interpolation: { escapeValue: false },
  });
}

/**
 * Records whose characters no font on this machine draws: they would print as
 * empty boxes. Said before export, not refused: the desk decides (see README).
 */
export function UnprintableInPack({ records }: { records: readonly UnprintableRecord[] }) {
  const { t, i18n } = useTranslation();
  if (records.length === 0) return null;
  return (
    <div className="unmarked-in-pack" role="alert">
      <strong>{t('packs.unprintableTitle')}</strong>
      <p className="unmarked-in-pack-text">{t('packs.unprintableIntro')}</p>
      <ul className="unmarked-in-pack-text" aria-label={t('packs.unprintableTitle')}>
        {records.map((record) => (
          <li key={`${record.kind}-${record.title}`}>
            <bdi>{unprintableLine(t, i18n.language, record)}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}

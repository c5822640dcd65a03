import { useTranslation } from 'react-i18next';
import type { RevisionAuthor, RevokedContact } from '../../../shared/sync.ts';
import { formatInZone } from '../../../shared/time.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';

/** Whether another of these authors is a different desk (another fingerprint) of the same name. */
export function hasNamesake(author: RevisionAuthor | null, among: readonly (RevisionAuthor | null)[]): boolean {
  return (
    author !== null &&
    among.some((other) => other !== null && other.desk.trim() === author.desk.trim() && other.fingerprint !== author.fingerprint)
  );
}

/**
 * Which desk wrote a version, and when, as that desk recorded it; or that no author was recorded.
 * `among`: the other versions' authors; where two desks share a name, the line says only the fingerprint tells them apart.
 * `revoked`: desks this desk stopped trusting (a laptop lost): a version one of them claims is said to be doubtful.
 */
export function AuthorLine({
  author,
  among = [],
  revoked = [],
}: {
  author: RevisionAuthor | null;
  among?: readonly (RevisionAuthor | null)[];
  revoked?: readonly RevokedContact[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { homeTimeZone } = useSettings();
  const lost = author === null ? undefined : revoked.find((desk) => desk.fingerprint === author.fingerprint);
  return (
    <span className="conflict-author" data-testid="version-author">
      <bdi>
        {author
          ? t('conflicts.authorBy', {
              desk: author.desk,
              fingerprint: author.fingerprint,
              when: formatInZone(author.at, homeTimeZone, true, locale),
            })
          : t('conflicts.authorUnknown')}
      </bdi>
      {hasNamesake(author, among) ? <strong className="conflict-namesake"> {t('conflicts.namesake')}</strong> : null}
      {lost ? (
        <strong className="conflict-namesake">
          {' '}
          {t('conflicts.authorRevoked', { when: formatInZone(lost.revokedAt, homeTimeZone, true, locale) })}
        </strong>
      ) : null}
    </span>
  );
}

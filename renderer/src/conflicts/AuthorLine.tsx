import { useTranslation } from 'react-i18next';
import type { RevisionAuthor } from '../../../shared/sync.ts';
import { formatInZone } from '../../../shared/time.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';

/** Which desk wrote a version, and when, as that desk recorded it; or that no author was recorded. */
export function AuthorLine({ author }: { author: RevisionAuthor | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { homeTimeZone } = useSettings();
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
    </span>
  );
}

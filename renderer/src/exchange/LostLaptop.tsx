import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactCard } from '../../../shared/bundles.ts';
import { formatInZone } from '../../../shared/time.ts';
import { call } from '../bridge/index.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Loaded } from '../components/Loading.tsx';
import { useToast } from '../components/Undo.tsx';
import { refusalMessage } from '../records/errors.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';

// A colleague's laptop lost or stolen: this desk stops trusting its key, so
// whoever holds the laptop cannot pass its bundles or its card off as the
// colleague's. Removing the card was not enough: its next bundle would ask
// only for a tick.

/** A time as every time in Sherpa: in the home zone, named. */
export function useWhen() {
  const locale = useLocale();
  const { homeTimeZone } = useSettings();
  return (instant: string) => formatInZone(instant, homeTimeZone, true, locale);
}

export function RevokeButton({ card }: { card: ContactCard }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const revoke = async () => {
    setAsking(false);
    try {
      await call('contact.revoke', { fingerprint: card.fingerprint });
      toast({ message: (t) => t('exchange.revokedToast', { desk: card.deskName }) });
    } catch (refused) {
      toast({ message: (t) => refusalMessage(t, refused) });
    }
  };
  return (
    <>
      <button type="button" aria-label={t('exchange.revokeLabel', { desk: card.deskName })} onClick={() => setAsking(true)}>
        {t('exchange.revoke')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('exchange.revokeLabel', { desk: card.deskName })}
          body={t('exchange.revokeQuestion', { desk: card.deskName, fingerprint: card.fingerprint })}
          confirmLabel={t('exchange.revokeConfirm')}
          onConfirm={() => void revoke()}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}

/** The desks this desk stopped trusting, with since when; nothing when there are none. */
export function RevokedDesks() {
  const { t } = useTranslation();
  const when = useWhen();
  const revoked = useQuery('contact.listRevoked', {});
  return (
    <Loaded query={revoked}>
      {(list) =>
        list.length === 0 ? null : (
          <>
            <h3>{t('exchange.revokedTitle')}</h3>
            <p className="muted">{t('exchange.revokedIntro')}</p>
            <ul className="cards contact-list revoked-list">
              {list.map((card) => (
                <li key={card.fingerprint}>
                  <strong>
                    <s>{card.deskName}</s>
                  </strong>{' '}
                  <span className="muted">{t('exchange.revokedSince', { when: when(card.revokedAt) })}</span>
                  <br />
                  <span className="fingerprint">{card.fingerprint}</span>
                </li>
              ))}
            </ul>
          </>
        )
      }
    </Loaded>
  );
}

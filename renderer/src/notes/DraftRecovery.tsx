import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/domain.ts';
import { shortened } from '../../../shared/shortened.ts';
import { formatInZone } from '../../../shared/time.ts';
import { call } from '../bridge/index.ts';
import { refusalText } from '../refusals/refusalText.ts';
import { hrefOf, navigate } from '../router.ts';
import { useLocale, useSettings } from '../settings/SettingsContext.tsx';
import { abandonedDrafts, type Draft, draftState } from './draftJournal.ts';
import { installFlushTriggers } from './openQueues.ts';
import { liveSessions, pageJournal } from './pageSession.ts';

interface Offer {
  draft: Draft;
  note: Note | undefined;
}

/** Reads the journal once: drafts the store already has are dropped, the rest are offered. */
async function findOffers(): Promise<Offer[]> {
  const offers: Offer[] = [];
  for (const draft of abandonedDrafts(pageJournal(), await liveSessions())) {
    const note = await call('note.get', { id: draft.noteId }).catch(() => undefined);
    const state = draftState(draft, note);
    if (state === 'saved') pageJournal().discard(draft);
    // One line per note: opening it goes through all of its drafts.
    else if (!offers.some((offer) => offer.note && offer.draft.noteId === draft.noteId)) offers.push({ draft, note });
  }
  return offers;
}

const excerpt = (text: string) => shortened(text, 120);

/**
 * On start, lists text typed in an earlier session that never reached the
 * store. Opening a note shows both texts to restore or discard; a draft whose
 * note was deleted for good can be saved as a new note.
 */
export function DraftRecovery() {
  const { t } = useTranslation();
  const locale = useLocale();
  // Times read in the desk's home zone, as every other time Sherpa shows, not the laptop's (it travels).
  const { homeTimeZone } = useSettings();
  const [offers, setOffers] = useState<Offer[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    installFlushTriggers();
    let alive = true;
    void findOffers().then((found) => alive && setOffers(found));
    // A draft restored or discarded in the note's own editor (opened from Notes, not from here) leaves the
    // journal: on the next view the line goes too. Only dropped, never added back: one under review stays out.
    const dropSettled = () =>
      void liveSessions().then((live) => {
        const left = abandonedDrafts(pageJournal(), live);
        const settled = (offer: Offer) => !left.some((draft) => draft.noteId === offer.draft.noteId);
        if (alive) setOffers((list) => (list.some(settled) ? list.filter((offer) => !settled(offer)) : list));
      });
    window.addEventListener('hashchange', dropSettled);
    return () => {
      alive = false;
      window.removeEventListener('hashchange', dropSettled);
    };
  }, []);
  if (offers.length === 0) return null;

  const saveAsNew = ({ draft }: Offer) => {
    call('note.create', draft.content).then(
      (note) => {
        pageJournal().discard(draft);
        setOffers((list) => list.filter((offer) => offer.draft !== draft));
        navigate({ view: 'notes', id: note.id });
      },
      (failure: Error) => setError(refusalText(t, failure)),
    );
  };
  return (
    <section className="draft-recovery" aria-label={t('notes.drafts')}>
      <h2>{t('notes.draftsHeading')}</h2>
      <ul>
        {offers.map((offer) => (
          <li key={`${offer.draft.noteId}.${offer.draft.session}`} data-draft-note={offer.draft.noteId}>
            <span className="draft-excerpt">{excerpt(offer.draft.content.title || offer.draft.content.body) || t('notes.empty')}</span>{' '}
            <span className="muted">{t('notes.typedAt', { when: formatInZone(offer.draft.writtenAt, homeTimeZone, true, locale) })}</span>{' '}
            {offer.note ? (
              <a
                href={hrefOf({ view: 'notes', id: offer.draft.noteId })}
                onClick={() => setOffers((list) => list.filter((other) => other !== offer))}
              >
                {t('notes.review')}
              </a>
            ) : (
              <button type="button" onClick={() => saveAsNew(offer)}>
                {t('notes.saveAsNew')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

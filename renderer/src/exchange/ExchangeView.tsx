import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactCard } from '../../../shared/bundles.ts';
import { call } from '../bridge/index.ts';
import { Loaded } from '../components/Loading.tsx';
import { useToast } from '../components/Undo.tsx';
import { Field } from '../forms/Field.tsx';
import { refusalMessage } from '../records/errors.ts';
import { useQuery } from '../useQuery.ts';
import { RevokeButton, RevokedDesks, useWhen } from './LostLaptop.tsx';
import { ReceiveBundle } from './ReceiveBundle.tsx';
import { SendBundle } from './SendBundle.tsx';
import './exchange.css';
import { LineInput } from '../components/LineInput.tsx';

/** '#/exchange': this desk's card, the desks it accepted, and bundles out and in. */
export function ExchangeView() {
  const { t } = useTranslation();
  return (
    <>
      <div className="view-header">
        <h1>{t('exchange.title')}</h1>
      </div>
      <p className="muted">{t('exchange.intro')}</p>
      <div className="exchange-grid">
        <MyCard />
        <Contacts />
        <SendBundle />
        <ReceiveBundle />
      </div>
    </>
  );
}

function MyCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const desk = useQuery('desk.card', {});
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const shownName = desk.status === 'ready' ? desk.value.card.deskName : '';
  useEffect(() => setName(shownName), [shownName]);

  const rename = async () => {
    try {
      const renamed = await call('desk.rename', { deskName: name });
      setNameError(undefined);
      toast({ message: (t) => t('exchange.renamed', { desk: renamed.card.deskName }) });
    } catch (error) {
      setNameError(refusalMessage(t, error, t('exchange.deskName')));
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast({ message: (t) => t('exchange.copied') });
    } catch {
      toast({ message: (t) => t('exchange.copyFailed') });
    }
  };
  const save = async () => {
    try {
      const { path } = await call('desk.saveCard', {});
      toast({ message: (t) => t('exchange.cardSaved', { file: path }) });
    } catch (error) {
      toast({ message: (t) => refusalMessage(t, error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="exchange-panel">
      <h2 id={`${id}-title`}>{t('exchange.myCard')}</h2>
      <p className="muted">{t('exchange.myCardIntro')}</p>
      <Loaded query={desk}>
        {({ card, text }) => (
          <>
            <p className="fingerprint-line">
              <span>{t('exchange.fingerprint')}</span> <strong className="fingerprint">{card.fingerprint}</strong>
            </p>
            <form
              className="desk-name-form"
              onSubmit={(event) => {
                event.preventDefault();
                void rename();
              }}
            >
              <Field id={`${id}-name`} label={t('exchange.deskName')} hint={t('exchange.deskNameHint')} error={nameError}>
                {(describedBy) => (
                  <LineInput
                    id={`${id}-name`}
                    value={name}
                    aria-describedby={describedBy}
                    aria-invalid={nameError ? true : undefined}
                    onChange={(event) => setName(event.target.value)}
                  />
                )}
              </Field>
              <button type="submit" disabled={name.trim() === '' || name === card.deskName}>
                {t('exchange.rename')}
              </button>
            </form>
            <Field id={`${id}-text`} label={t('exchange.cardText')}>
              {(describedBy) => (
                <textarea id={`${id}-text`} className="card-text" readOnly rows={6} value={text} aria-describedby={describedBy} />
              )}
            </Field>
            <div className="button-row">
              <button type="button" onClick={() => void copy(text)}>
                {t('exchange.copyCard')}
              </button>
              <button type="button" onClick={() => void save()}>
                {t('exchange.saveCard')}
              </button>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}

function Contacts() {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const contacts = useQuery('contact.list', {});
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const when = useWhen();

  const accept = async (cardText: string) => {
    try {
      const outcome = await call('contact.add', { text: cardText });
      if (outcome.status === 'refused') {
        setError(t(`exchange.cardRefusals.${outcome.reason}`, { when: 'revokedAt' in outcome ? when(outcome.revokedAt) : '' }));
        return;
      }
      setError(undefined);
      setText('');
      toast({ message: (t) => t('exchange.added', { desk: outcome.card.deskName, fingerprint: outcome.card.fingerprint }) });
    } catch (refused) {
      setError(refusalMessage(t, refused, t('exchange.pasteCard')));
    }
  };
  const remove = async (card: ContactCard) => {
    try {
      await call('contact.remove', { fingerprint: card.fingerprint });
      toast({ message: (t) => t('exchange.removed', { desk: card.deskName }) });
    } catch (refused) {
      toast({ message: (t) => refusalMessage(t, refused) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="exchange-panel">
      <h2 id={`${id}-title`}>{t('exchange.contacts')}</h2>
      <p className="muted">{t('exchange.contactsIntro')}</p>
      <Loaded query={contacts}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('exchange.noContacts')}</p>
          ) : (
            <ul className="cards contact-list">
              {list.map((card) => (
                <li key={card.fingerprint} className="row-with-actions">
                  <span>
                    <strong>{card.deskName}</strong>
                    <br />
                    <span className="fingerprint">{card.fingerprint}</span>
                  </span>
                  <button type="button" aria-label={t('exchange.removeLabel', { desk: card.deskName })} onClick={() => void remove(card)}>
                    {t('exchange.remove')}
                  </button>
                  <RevokeButton card={card} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <RevokedDesks />
      <h3>{t('exchange.addContact')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void accept(text);
        }}
      >
        <Field id={`${id}-card`} label={t('exchange.pasteCard')} hint={t('exchange.pasteCardHint')} error={error}>
          {(describedBy) => (
            <textarea
              id={`${id}-card`}
              className="card-text"
              rows={6}
              value={text}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-file`} label={t('exchange.openCardFile')}>
          {(describedBy) => (
            <input
              id={`${id}-file`}
              type="file"
              accept=".txt,text/plain"
              aria-describedby={describedBy}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                // A card is a few lines; anything larger is no card, and is not read whole.
                if (file) void file.slice(0, 5000).text().then(setText);
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={text.trim() === ''}>
          {t('exchange.accept')}
        </button>
      </form>
    </section>
  );
}

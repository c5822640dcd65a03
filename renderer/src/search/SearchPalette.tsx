import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Request } from '../../../shared/contract.ts';
import { type SearchHit, type SearchKind, searchKinds } from '../../../shared/domain.ts';
import { withoutEmphasisMarks } from '../../../shared/inlineEmphasis.ts';
import { call } from '../bridge/index.ts';
import { isComposingKey } from '../components/composingKey.ts';
import { Highlighted } from '../components/Highlighted.tsx';
import { LineInput } from '../components/LineInput.tsx';
import { MisleadingFlag, StoredText } from '../components/StoredText.tsx';
import { SummitLabel, useSummitsById } from '../components/SummitOf.tsx';
import { PortionMark, ScreenBanner, useMarkedLabel } from '../markings/ScreenMarkings.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { hrefOf, type Route } from '../router.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useQuery } from '../useQuery.ts';
import { type Command, commandsFor } from './commands.ts';
import { highlightTerms } from './highlightTerms.ts';
import { searchedText } from './searchedText.ts';

type SearchRequest = Request<'search.query'>;

/** Where a hit opens: the view that shows that record. */
export function routeOfHit(hit: SearchHit): string {
  switch (hit.kind) {
    case 'summit':
      return hrefOf({ view: 'summit', id: hit.id });
    case 'meeting':
      return hrefOf({ view: 'meeting', id: hit.id });
    case 'person':
      return hrefOf({ view: 'people', id: hit.id });
    case 'sector':
      return hrefOf({ view: 'sectors', id: hit.id });
    case 'sectorEntry':
      return hrefOf(hit.sectorId ? { view: 'sectors', id: hit.sectorId } : { view: 'sectors' });
    case 'annotation':
    case 'note':
      return hrefOf({ view: 'notes', id: hit.id });
    case 'source':
      return hrefOf({ view: 'sources' });
    case 'timelineEvent':
      return hrefOf({ view: 'timeline' });
    case 'country':
      return hrefOf({ view: 'people' });
    case 'programme':
      return hrefOf({ view: 'sectors' });
    case 'followUp':
      return hrefOf({ view: 'today' });
    case 'meetingBiography':
      // At the biography, in the brief of the meeting it was written for.
      return hrefOf(
        hit.biography ? { view: 'meeting', id: hit.biography.meetingId, biographyOf: hit.biography.personId } : { view: 'today' },
      );
  }
}

/**
 * The global search and command palette (Ctrl/Cmd+K): results as you type,
 * ranked by the store's full-text index, with the matched words marked.
 */
export function SearchPalette({ onClose, takeTypedAhead }: { onClose: () => void; takeTypedAhead?: () => string }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  // What is searched: the text with a syllable an input method is still composing as far as it is sure to go
  // (search/searchedText.ts).
  const [searched, setSearched] = useState('');
  const composing = useRef('');
  const [kind, setKind] = useState<SearchKind | ''>('');
  const [summitId, setSummitId] = useState('');
  const [sectorId, setSectorId] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const summits = useQuery('summit.list', {});
  const programmes = useQuery('programme.list', {});
  const markedLabel = useMarkedLabel();
  // Each hit names its summit: looked up here once for all of them, not by a query of its own in each of fifty hits.
  const summitsById = useSummitsById();
  // Summits of one title (the same summit, year after year) told apart by city and year: the label's part after the title.
  const editionOf = (id: number) => {
    const summit = summitsById.get(id);
    return summit && summit.label !== summit.title ? summit.label.slice(summit.title.length) : '';
  };
  const ticket = useRef(0);

  useEffect(() => {
    // What was typed since the palette was asked for, while its code came (search/typedAhead.ts). Taken first: it
    // gives the caret back to the field that had it, to return to when the palette closes.
    const typed = takeTypedAhead?.() ?? '';
    const hadCaret = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    if (typed !== '') {
      // Into the box at once as well: a key reaching it before React renders this update adds to these letters,
      // where it found the box empty and its change left that key alone ("vilnius summit" became "it").
      if (input.current) input.current.value += typed;
      setText((current) => current + typed);
      setSearched((current) => current + typed);
    }
    input.current?.focus();
    return () => {
      // Taken away rather than closed, the dialog returns the caret nowhere: back into the note being written,
      // unless a result was opened (that view takes it, and the note's field is gone).
      const now = document.activeElement;
      if (hadCaret?.isConnected && (now === null || now === document.body)) hadCaret.focus({ preventScroll: true });
    };
  }, [takeTypedAhead]);

  // One query in flight at a time: a keystroke with none running asks at once (results at the store's pace,
  // no fixed pause), one made while a query runs waits for it, and only the newest text waiting is asked.
  const waiting = useRef<{ request: SearchRequest; ticket: number } | null>(null);
  const running = useRef(false);
  const ask = useRef((request: SearchRequest, mine: number) => {
    running.current = true;
    call('search.query', request)
      .then(
        (found) => {
          if (mine !== ticket.current) return;
          setHits(found);
          setError(null);
        },
        (failure: Error) => {
          if (mine !== ticket.current) return;
          // Named as the user sees the box ("Search"), not as the store's field "text"; the earlier results no longer apply.
          setError(refusalText(t, failure, t('search.label')));
          setHits(null);
        },
      )
      .finally(() => {
        running.current = false;
        const next = waiting.current;
        waiting.current = null;
        if (next && next.ticket === ticket.current) ask.current(next.request, next.ticket);
      });
  });

  // The request last asked for, so that the effect below does not ask again for what a keystroke already asked.
  const asked = useRef<string | null>(null);
  const requestFor = (typed: string): SearchRequest => ({
    text: typed,
    limit: 50,
    ...(kind ? { kinds: [kind] } : {}),
    ...(summitId ? { summitId: Number(summitId) } : {}),
    ...(sectorId ? { sectorId: Number(sectorId) } : {}),
  });
  const askFor = (request: SearchRequest) => {
    const mine = ++ticket.current;
    asked.current = JSON.stringify(request);
    if (running.current) waiting.current = { request, ticket: mine };
    else ask.current(request, mine);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: requestFor and askFor read only the filters listed here, and refs
  useEffect(() => {
    if (searched.trim() === '') {
      ++ticket.current;
      asked.current = null;
      waiting.current = null;
      setHits(null);
      setError(null);
      return;
    }
    const request = requestFor(searched);
    if (JSON.stringify(request) !== asked.current) askFor(request);
  }, [searched, kind, summitId, sectorId]);

  const commands = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return commandsFor(t).filter((command) => needle === '' || command.label.toLowerCase().includes(needle));
  }, [text, t]);

  const go = (href: string) => {
    window.location.hash = href;
    onClose();
  };
  const { defaultMarking } = useSettings();
  const run = (command: Command) => {
    if (command.id !== 'new-note') return go(hrefOf(command.route as Route));
    // A new note is created at once and opened in the notes view, where it autosaves.
    call('note.create', { title: '', body: '', tags: [], classification: defaultMarking }).then(
      (note) => go(hrefOf({ view: 'notes', id: note.id })),
      (failure: Error) => setError(refusalText(t, failure)),
    );
  };

  /** Up and down arrows move between the input and the result links. */
  const moveFocus = (direction: 1 | -1) => {
    const links = Array.from(results.current?.querySelectorAll<HTMLElement>('a, button.command') ?? []);
    if (links.length === 0) return;
    const index = links.indexOf(document.activeElement as HTMLElement);
    if (index === -1 && direction === 1) links[0]?.focus();
    else if (index === 0 && direction === -1) input.current?.focus();
    else links[Math.max(0, Math.min(links.length - 1, index + direction))]?.focus();
  };

  const sectors = (programmes.value ?? []).flatMap(({ programme, sectors: list }) =>
    list.map((sector) => ({ id: sector.id, label: markedLabel(sector.classification, `${programme.code}: ${sector.name}`) })),
  );

  return (
    <dialog
      ref={dialog}
      className="search-palette"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
      onKeyDown={(event) => {
        // A key ending a Hangul composition belongs to the search box: Escape there neither closes the search nor
        // lets the box clear itself (a search field's own Escape), which took the name typed so far with it.
        if (isComposingKey(event)) {
          if (event.key === 'Escape') event.preventDefault();
          return;
        }
        // Escape closes the palette even from a search box with text (which would otherwise only clear it).
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'ArrowDown') {
          event.preventDefault();
          moveFocus(1);
        } else if (event.key === 'ArrowUp') {
          event.preventDefault();
          moveFocus(-1);
        }
      }}
    >
      {/* A modal dialog covers the window's own banner: the palette carries its own. */}
      <ScreenBanner edge="top" />
      <div className="palette-header">
        <h2 id={`${id}-title`}>{t('search.dialogTitle')}</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('search.close')}>
          ×
        </button>
      </div>
      <search className="palette-search">
        <LineInput
          ref={input}
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-controls={`${id}-results`}
          onCompositionUpdate={(event) => {
            composing.current = event.data;
          }}
          onCompositionEnd={(event) => {
            composing.current = '';
            setSearched(event.currentTarget.value);
          }}
          onChange={(event) => {
            const { value, selectionEnd } = event.target;
            const typed = searchedText(
              value,
              selectionEnd,
              event.nativeEvent instanceof InputEvent && event.nativeEvent.isComposing ? composing.current : '',
            );
            // Asked as the key arrives, before React draws it: the store answers while the page renders the box.
            const request = requestFor(typed);
            if (typed.trim() !== '' && JSON.stringify(request) !== asked.current) askFor(request);
            setText(value);
            setSearched(typed);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              // An action typed out in full ("New meeting") is what was asked for, whatever else the words find.
              const named = commands.find((command) => command.label.toLowerCase() === text.trim().toLowerCase());
              const first = hits?.[0];
              if (named) run(named);
              else if (first) go(routeOfHit(first));
              else if (commands[0]) run(commands[0]);
            }
          }}
        />
        <div className="palette-filters">
          <label>
            {t('search.kind')}{' '}
            <select value={kind} onChange={(event) => setKind(event.target.value as SearchKind | '')}>
              <option value="">{t('search.allKinds')}</option>
              {searchKinds.map((name) => (
                <option key={name} value={name}>
                  {t(`search.kinds.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('search.summit')}{' '}
            <select value={summitId} onChange={(event) => setSummitId(event.target.value)}>
              <option value="">{t('search.allSummits')}</option>
              {(summits.value ?? []).map((summit) => (
                <option key={summit.id} value={String(summit.id)}>
                  {markedLabel(summit.classification, summitsById.get(summit.id)?.label ?? summit.title)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('search.sector')}{' '}
            <select value={sectorId} onChange={(event) => setSectorId(event.target.value)}>
              <option value="">{t('search.allSectors')}</option>
              {sectors.map((sector) => (
                <option key={sector.id} value={String(sector.id)}>
                  {sector.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </search>
      <div ref={results} id={`${id}-results`} className="palette-results">
        {commands.length > 0 && (
          <section aria-labelledby={`${id}-actions`}>
            <h3 id={`${id}-actions`}>{t('search.actions')}</h3>
            <ul className="command-list">
              {commands.map((command) => (
                <li key={command.id}>
                  <button type="button" className="command" onClick={() => run(command)}>
                    {command.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby={`${id}-results-heading`}>
          <h3 id={`${id}-results-heading`}>
            {t('search.results')}
            {hits && <span className="muted"> ({t('search.resultCount', { count: hits.length })})</span>}
          </h3>
          <p className="visually-hidden" role="status">
            {hits ? t('search.resultCount', { count: hits.length }) : ''}
          </p>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {error ? null : hits === null ? (
            <p className="muted">{t('search.hint')}</p>
          ) : hits.length === 0 ? (
            <p className="muted">{t('search.noResults', { text: searched })}</p>
          ) : (
            <ol className="search-results">
              {hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`}>
                  <a
                    href={routeOfHit(hit)}
                    onClick={(event) => {
                      event.preventDefault();
                      go(routeOfHit(hit));
                    }}
                  >
                    <span className="badge">{t(`search.kinds.${hit.kind}`)}</span>{' '}
                    <span className="hit-title">
                      <PortionMark classification={hit.classification} />
                      <bdi>
                        <Highlighted text={highlightTerms(hit.title, searched)} />
                      </bdi>
                      <MisleadingFlag text={`${hit.title}${hit.snippet.replace(/[\uE000\uE001]/g, '')}`} />
                    </span>
                    {/* One edition of a summit the desk titles alike every year: where and when, as the filter names it. */}
                    {hit.kind === 'summit' && <span className="muted">{editionOf(hit.id)}</span>}
                    {/* The meeting it was written for, under that meeting's own marking (the hit's is the biography's). */}
                    {hit.biography && (
                      <span className="hit-meeting muted">
                        {' · '}
                        {t('search.biographyMeeting')}: <PortionMark classification={hit.biography.meetingClassification} />
                        <StoredText text={hit.biography.meetingTitle} />
                      </span>
                    )}
                    {/* A summit's own hit needs no summit named after it; another's, the summit as the filter names it. */}
                    <SummitLabel summit={hit.kind === 'summit' || hit.summitId === null ? undefined : summitsById.get(hit.summitId)} />
                    <bdi className="snippet">
                      {/* A note's or brief's **bold** read as typed: the marks say nothing in a one-line piece of it. */}
                      <Highlighted text={withoutEmphasisMarks(hit.snippet)} />
                    </bdi>
                  </a>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </dialog>
  );
}

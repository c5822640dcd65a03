import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListStart, Person, Sector } from '../../../shared/domain.ts';
import { PersonCard } from '../components/PersonCard.tsx';
import { StoredText } from '../components/StoredText.tsx';
import { PortionMark } from '../markings/ScreenMarkings.tsx';
import { refusalText } from '../refusals/refusalText.ts';
import { hrefOf } from '../router.ts';
import type { QueryState } from '../useQuery.ts';
import { useQuery } from '../useQuery.ts';

// A summit of 500 meetings gathers thousands of people and hundreds of sectors
// in a large store: the view paints the first few of each and how many there
// are, and reads the whole list only when the user opens it (laying out 900
// chips alone takes about 0.4 s).

interface OpenableChipsProps<T> {
  start: ListStart<T>;
  chip: (row: T) => ReactNode;
  /** "The first 40 of 1,842 …": shown only while the list is not whole. */
  shownNote: string;
  openLabel: string;
  /** Mounted once the user opens the list: it reads the whole list. */
  whole: (first: T[], chips: (rows: T[], busy: boolean) => ReactNode) => ReactNode;
}

function OpenableChips<T>({ start, chip, shownNote, openLabel, whole }: OpenableChipsProps<T>) {
  const [open, setOpen] = useState(false);
  const chips = (rows: T[], busy: boolean) => (
    <ul className="chips" aria-busy={busy || undefined}>
      {rows.map(chip)}
    </ul>
  );
  if (open) return whole(start.first, chips);
  return (
    <>
      {chips(start.first, false)}
      {start.total > start.first.length && (
        <p className="muted">
          {shownNote}{' '}
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            {openLabel}
          </button>
        </p>
      )}
    </>
  );
}

/** The whole list once read; the first rows stay on screen until it is in. */
function Whole<T>({ query, first, chips }: { query: QueryState<T[]>; first: T[]; chips: (rows: T[], busy: boolean) => ReactNode }) {
  const { t } = useTranslation();
  if (query.status === 'error')
    return (
      <>
        {chips(first, false)}
        <p role="alert" className="error">
          {refusalText(t, query.error)}
        </p>
      </>
    );
  return (
    <>
      {chips(query.status === 'ready' ? query.value : first, query.status === 'loading')}
      {query.status === 'loading' && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
    </>
  );
}

function AllParticipants({
  summitId,
  first,
  chips,
}: {
  summitId: number;
  first: Person[];
  chips: (rows: Person[], busy: boolean) => ReactNode;
}) {
  return <Whole query={useQuery('summit.participants', { id: summitId })} first={first} chips={chips} />;
}

function AllSectors({
  summitId,
  first,
  chips,
}: {
  summitId: number;
  first: Sector[];
  chips: (rows: Sector[], busy: boolean) => ReactNode;
}) {
  return <Whole query={useQuery('summit.sectors', { id: summitId })} first={first} chips={chips} />;
}

export function SummitParticipants({ summitId, start }: { summitId: number; start: ListStart<Person> }) {
  const { t } = useTranslation();
  return (
    <OpenableChips
      start={start}
      chip={(person) => <PersonCard key={person.id} person={person} />}
      shownNote={t('summits.participantsShown', { shown: start.first.length, count: start.total })}
      openLabel={t('summits.showAllParticipants', { count: start.total })}
      whole={(first, chips) => <AllParticipants summitId={summitId} first={first} chips={chips} />}
    />
  );
}

export function SummitSectors({ summitId, start }: { summitId: number; start: ListStart<Sector> }) {
  const { t } = useTranslation();
  return (
    <OpenableChips
      start={start}
      chip={(sector) => (
        <li key={sector.id}>
          <PortionMark classification={sector.classification} />
          <a href={hrefOf({ view: 'sectors', id: sector.id })}>
            <StoredText text={sector.name} />
          </a>
        </li>
      )}
      shownNote={t('summits.sectorsShown', { shown: start.first.length, count: start.total })}
      openLabel={t('summits.showAllSectors', { count: start.total })}
      whole={(first, chips) => <AllSectors summitId={summitId} first={first} chips={chips} />}
    />
  );
}

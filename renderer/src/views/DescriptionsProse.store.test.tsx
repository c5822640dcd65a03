// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, it } from 'vitest';
import { programmes, sectorEntries } from '../../../db/sectors.ts';
import { summits } from '../../../db/summits.ts';
import { timelineEvents } from '../../../db/timeline.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ProgrammeList, SectorView } from './Sectors.tsx';
import { SummitView } from './Summit.tsx';
import { TimelineView } from './Timeline.tsx';

// A summit's, a programme's and a timeline event's description were shown as one run of text: the "**" and "- "
// a desk typed stood as typed while biographies and entries showed them as the pack prints them, and a character
// that turns text round (U+202E) was obeyed, unflagged, where every other text of the record is flagged. So was
// one in a sector entry's title or a quoted excerpt (a record received from a desk whose forms let it through).

afterEach(cleanup);

const description = ['**Agenda** for the ministerial', '- Ukraine', '- Moldova \u202eevol'].join('\n');
const marked = { classification: 'NATO UNCLASSIFIED' } as const;

function shown(page: ReactNode) {
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>{page}</ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
}

async function expectTypedProse() {
  const agenda = await screen.findByText('Agenda', { selector: 'strong' });
  const prose = agenda.closest('.typed-prose');
  expect([...(prose?.querySelectorAll('ul > li') ?? [])].map((item) => item.textContent)).toEqual(['Ukraine', 'Moldova [U+202E]evol']);
  expect(prose?.textContent).not.toContain('**');
  expect(prose?.querySelector('[data-testid="misleading-flag"]')).not.toBeNull();
}

function store() {
  const { db, bridge } = createStoreBridge();
  setBridge(bridge);
  return db;
}

it('a summit’s description reads as its biography and entries do, and a character turning it round is flagged', async () => {
  const db = store();
  const id = summits.insert(db, {
    ...marked,
    title: 'OSCE Ministerial Council, Valletta',
    city: 'Valletta',
    countryId: null,
    startDate: '2028-12-04',
    endDate: '2028-12-05',
    timeZone: 'Europe/Malta',
    description,
    sourceId: null,
  });
  shown(<SummitView id={id} />);
  await expectTypedProse();
});

it('so does a programme’s description', async () => {
  const db = store();
  programmes.insert(db, {
    ...marked,
    code: 'MT-OSCE',
    name: 'Partnership with Malta',
    partnerId: null,
    signedOn: null,
    sectorCount: 0,
    description,
    sourceId: null,
  });
  shown(<ProgrammeList />);
  await expectTypedProse();
});

it('and a timeline event’s', async () => {
  const db = store();
  timelineEvents.insert(db, {
    ...marked,
    occurredOn: '2028-12-03',
    precision: 'day',
    title: 'Malta takes the OSCE chair',
    description,
    summitId: null,
    sourceId: null,
    sourceExcerpt: '',
  });
  shown(<TimelineView />);
  await expectTypedProse();
});

it('a sector entry’s title and quoted excerpt draw a hidden character where it stands, and are flagged', async () => {
  const db = store();
  const sectorId = db.prepare('SELECT id FROM sector ORDER BY id LIMIT 1').pluck().get() as number;
  const sourceId = db.prepare('SELECT id FROM source ORDER BY id LIMIT 1').pluck().get() as number;
  sectorEntries.insert(db, {
    ...marked,
    sectorId,
    occurredOn: '2028-12-03',
    title: 'Talks with Kim\u200bJong',
    body: '',
    sourceId,
    sourceExcerpt: 'Agreed by Kim\u200bJong on 3 December',
  });
  shown(<SectorView id={sectorId} />);
  const title = await screen.findByText('Talks with Kim', { exact: false, selector: 'bdi' });
  expect(title.textContent).toBe('Talks with Kim[U+200B]Jong');
  const excerpt = screen.getByText('Agreed by Kim', { exact: false, selector: 'blockquote bdi' });
  expect(excerpt.textContent).toBe('Agreed by Kim[U+200B]Jong on 3 December');
  expect(title.closest('h3')?.querySelector('[data-testid="misleading-flag"]')).not.toBeNull();
  expect(excerpt.closest('blockquote')?.querySelector('[data-testid="misleading-flag"]')).not.toBeNull();
});

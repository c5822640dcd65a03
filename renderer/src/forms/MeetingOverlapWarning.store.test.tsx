// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankBrief } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { EntityForm } from './EntityForm.tsx';
import { formSpecs } from './specs.ts';

// The meeting form against the real store, over the sample briefing: a meeting typed at the same moment as
// another of its summit, in another zone and on another day there, is warned of and still saved.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

const writes = () => store.calls.filter((call) => /\.(create|update|delete)$/.test(call.channel));

/** The Pacific Islands Forum in Nukuʻalofa (+13), with a bilateral at 23:30 on 29 February 2028 for 60 minutes. */
async function nukualofa(): Promise<number> {
  const summit = await store.bridge['summit.create']({
    title: 'Pacific Islands Forum Leaders’ Meeting, Nukuʻalofa 2028',
    city: 'Nukuʻalofa',
    countryId: null,
    startDate: '2028-02-28',
    endDate: '2028-03-01',
    timeZone: 'Pacific/Tongatapu',
    description: '',
    sourceId: null,
    classification: 'NATO UNCLASSIFIED',
  });
  if (!summit.ok) throw new Error(summit.error.message);
  const bilateral = await store.bridge['meeting.create']({
    ...blankBrief,
    summitId: summit.value.id,
    title: 'Bilateral with Prime Minister Fakahauʻa',
    format: 'bilateral',
    startsAt: '2028-02-29T10:30:00.000Z',
    startTimeKnown: true,
    durationMinutes: 60,
    timeZone: 'Pacific/Tongatapu',
    venue: '',
    interpreters: '',
    press: 'closed',
    status: 'planned',
    counterpartId: null,
    classification: 'NATO UNCLASSIFIED',
    sourceId: null,
  });
  if (!bilateral.ok) throw new Error(bilateral.error.message);
  return summit.value.id;
}

function renderForm(summitId: number, time: string, date = '2028-03-01', timeZone = 'Pacific/Chatham', durationMinutes = '30') {
  const values = {
    ...formSpecs.meeting.blank(),
    title: 'Chatham Islands stopover',
    summitId: String(summitId),
    date,
    startTimeKnown: true,
    time,
    durationMinutes,
    timeZone,
    classification: 'NATO UNCLASSIFIED',
  };
  // A cache of its own: the page's holds other tests' stores, whose summits had the same ids.
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <EntityForm entity="meeting" initial={values} />
      </SettingsProvider>
    </StoreQueries>,
  );
}

describe('a meeting typed at the time of another of its summit', () => {
  it('names the other meeting and its time at the venue and here, and still saves', async () => {
    const summitId = await nukualofa();
    // 00:15 on 1 March on the Chatham Islands (+13:45) is 23:30 on 29 February in Nukuʻalofa.
    renderForm(summitId, '00:15');
    const warning = await screen.findByRole('list', { name: 'Overlapping meetings' }, { timeout: 5000 });
    expect(screen.getByText('This meeting overlaps another meeting of the summit:')).toBeTruthy();
    expect(warning.textContent).toBe(
      '(NU) Bilateral with Prime Minister Fakahauʻa · Tue, 29 Feb 2028, 23:30 GMT+13 – Wed, 1 Mar 2028, 00:30 GMT+13 (Pacific/Tongatapu)' +
        ' · Wed, 1 Mar 2028, 00:15 GMT+13:45 – 01:15 GMT+13:45 in this meeting’s time zone',
    );
    const before = writes().length;
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(
        writes()
          .slice(before)
          .map((call) => call.channel),
      ).toEqual(['meeting.create']),
    );
    expect(store.db.prepare('SELECT count(*) FROM meeting WHERE summit_id = ?').pluck().get(summitId)).toBe(2);
  });

  it('says nothing once the meeting starts as the other ends', async () => {
    const summitId = await nukualofa();
    renderForm(summitId, '01:14');
    expect(await screen.findByRole('list', { name: 'Overlapping meetings' }, { timeout: 5000 })).toBeTruthy();
    // 01:15 on the Chatham Islands is 00:30 in Nukuʻalofa, when the bilateral ends.
    fireEvent.change(screen.getByLabelText('Time (venue)'), { target: { value: '01:15' } });
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Overlapping meetings' })).toBeNull());
    expect(screen.queryByText(/overlaps/)).toBeNull();
  });
});

// A side meeting in Podgorica the night Europe moves to summer time, overlapping a call in Tirana: both cities keep
// one clock, and the warning gave the call's time twice, once "in this meeting's time zone", the same to the minute.
describe('a meeting overlapping one in another zone that keeps the same clock', () => {
  it('gives the other meeting’s time once', async () => {
    const summit = await store.bridge['summit.create']({
      title: 'EU–Western Balkans Summit, Tirana 2027',
      city: 'Tiranë',
      countryId: null,
      startDate: '2027-03-26',
      endDate: '2027-03-29',
      timeZone: 'Europe/Tirane',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    if (!summit.ok) throw new Error(summit.error.message);
    const call = await store.bridge['meeting.create']({
      ...blankBrief,
      summitId: summit.value.id,
      title: 'Night call with Edi Rama',
      format: 'bilateral',
      // 01:30 CET on 28 March 2027, for two hours: the clocks go forward at 02:00, so it ends at 04:30 CEST.
      startsAt: '2027-03-28T00:30:00.000Z',
      startTimeKnown: true,
      durationMinutes: 120,
      timeZone: 'Europe/Tirane',
      venue: '',
      interpreters: '',
      press: 'closed',
      status: 'planned',
      counterpartId: null,
      classification: 'NATO UNCLASSIFIED',
      sourceId: null,
    });
    if (!call.ok) throw new Error(call.error.message);
    renderForm(summit.value.id, '23:30', '2027-03-27', 'Europe/Podgorica', '240');
    const warning = await screen.findByRole('list', { name: 'Overlapping meetings' }, { timeout: 5000 });
    expect(warning.textContent).toBe('(NU) Night call with Edi Rama · Sun, 28 Mar 2027, 01:30 CET – 04:30 CEST (Europe/Tirane)');
  });
});

// A call with Santiago typed at 00:30 the night Chile moves its clocks forward: the form said the time does not exist
// there, and beside it gave its time at the summit in Seoul, an instant worked out from a time that never comes.
describe('a meeting typed at a time its venue’s clocks skip', () => {
  it('gives no time at the summit until the time exists', async () => {
    const summitId = await nukualofa();
    // 02:45 to 03:45 on 26 September 2027 never comes on the Chatham Islands: their clocks go forward an hour.
    renderForm(summitId, '02:30', '2027-09-26');
    const atSummit = await screen.findByText('At the summit (Pacific/Tongatapu):', {}, { timeout: 5000 });
    expect(atSummit.parentElement?.textContent).toContain('03:15');
    fireEvent.change(screen.getByLabelText('Time (venue)'), { target: { value: '03:00' } });
    await waitFor(() => expect(screen.queryByText('At the summit (Pacific/Tongatapu):')).toBeNull());
    fireEvent.change(screen.getByLabelText('Time (venue)'), { target: { value: '03:45' } });
    expect(await screen.findByText('At the summit (Pacific/Tongatapu):')).toBeTruthy();
  });
});

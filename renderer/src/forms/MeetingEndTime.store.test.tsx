// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { EntityForm } from './EntityForm.tsx';
import { formSpecs } from './specs.ts';

// The meeting form against the real store's settings: when the meeting typed ends, at the venue and at home, said
// under its duration before it is saved.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  window.location.hash = '';
});
afterEach(async () => {
  cleanup();
  window.sessionStorage.clear();
  await act(() => i18n.changeLanguage('en'));
});

async function renderForm(home: { homeTimeZone: string; language?: 'en' | 'ko' }, typed: Record<string, string>) {
  const settings = await store.bridge['settings.update'](home);
  if (!settings.ok) throw new Error(settings.error.message);
  const values = {
    ...formSpecs.meeting.blank(),
    title: 'Night call with Edi Rama',
    summitId: '',
    startTimeKnown: true,
    classification: 'NATO UNCLASSIFIED',
    ...typed,
  };
  // A cache of its own: the page's holds other tests' settings.
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <EntityForm entity="meeting" initial={values} />
      </SettingsProvider>
    </StoreQueries>,
  );
}

/** The end line's text once the settings have loaded (the home time is said in the home zone they give). */
const endLine = () => document.querySelector('.meeting-end-time')?.textContent ?? null;

describe('the meeting form says when the meeting ends', () => {
  it('on a plain day, at the venue and at home', async () => {
    await renderForm(
      { homeTimeZone: 'Asia/Seoul' },
      { date: '2027-05-12', time: '10:00', durationMinutes: '90', timeZone: 'Europe/Brussels' },
    );
    await waitFor(() => expect(endLine()).toBe('Ends 11:30 CEST (Wed 12 May) · home time (Asia/Seoul) 18:30 KST (Wed 12 May)'));
  });

  it('at the wall time the clocks show on the night they go forward, updated as the duration is typed', async () => {
    // Tirana, 28 March 2027: 02:00 CET becomes 03:00 CEST, so 01:30 and two hours is 04:30, not 03:30.
    await renderForm(
      { homeTimeZone: 'Europe/Podgorica' },
      { date: '2027-03-28', time: '01:30', durationMinutes: '60', timeZone: 'Europe/Tirane' },
    );
    // Podgorica keeps Tirana's clock: its home time would only say the same again.
    await waitFor(() => expect(endLine()).toBe('Ends 03:30 CEST (Sun 28 Mar)'));
    fireEvent.change(screen.getByLabelText('Duration in minutes'), { target: { value: '120' } });
    expect(endLine()).toBe('Ends 04:30 CEST (Sun 28 Mar)');
  });

  it('on the next day past midnight, with that day', async () => {
    await renderForm(
      { homeTimeZone: 'Europe/London' },
      { date: '2027-03-11', time: '23:00', durationMinutes: '90', timeZone: 'Europe/London' },
    );
    await waitFor(() => expect(endLine()).toBe('Ends 00:30 GMT (Fri 12 Mar)'));
  });

  it('in Korean', async () => {
    await renderForm(
      { homeTimeZone: 'Asia/Seoul', language: 'ko' },
      { date: '2027-03-28', time: '01:30', durationMinutes: '120', timeZone: 'Europe/Tirane' },
    );
    await waitFor(() => expect(endLine()).toBe('종료: 3월 28일 (일) 04:30 CEST · 본국 시각(Asia/Seoul) 3월 28일 (일) 11:30 KST'));
  });

  it('says nothing for a blank or invalid duration, or without a time', async () => {
    await renderForm(
      { homeTimeZone: 'Europe/London' },
      { date: '2027-05-12', time: '10:00', durationMinutes: '45', timeZone: 'Europe/Brussels' },
    );
    await waitFor(() => expect(endLine()).toBe('Ends 10:45 CEST (Wed 12 May) · home time (Europe/London) 09:45 BST (Wed 12 May)'));
    const duration = screen.getByLabelText('Duration in minutes');
    for (const typed of ['', '0', '1.5', '1441']) {
      fireEvent.change(duration, { target: { value: typed } });
      expect(endLine(), `duration "${typed}"`).toBeNull();
    }
    fireEvent.change(duration, { target: { value: '45' } });
    expect(endLine()).not.toBeNull();
    fireEvent.change(screen.getByLabelText('Time (venue)'), { target: { value: '' } });
    expect(endLine()).toBeNull();
  });
});

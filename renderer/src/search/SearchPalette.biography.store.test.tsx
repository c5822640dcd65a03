// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { parseRoute, type Route } from '../router.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBriefView } from '../views/MeetingBrief.tsx';
import { SearchPalette } from './SearchPalette.tsx';

// A biography written for one meeting (the pack prints it) was found by no search. It is a kind of its own:
// the hit names the person and the meeting, carries the biography's own marking (here above its meeting's),
// and opens the meeting's brief at that biography, though its person is a participant, not the counterpart.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  Element.prototype.scrollIntoView ??= () => {};
  // Stoltenberg is on our side of the sample's first meeting, whose counterpart is President Yoon.
  store.db.exec(`INSERT INTO meeting_biography (meeting_id, person_id, text, classification)
    VALUES (1, 1, 'Briefed the allies in Ottawa on the partnership programme.', 'NATO CONFIDENTIAL')`);
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const inStore = (children: React.ReactNode) => (
  <StoreQueries client={createQueryClient()}>
    <SettingsProvider>
      <ScreenMarkingsProvider>{children}</ScreenMarkingsProvider>
    </SettingsProvider>
  </StoreQueries>
);

describe('a biography written for a meeting, searched', () => {
  it('is found under its own kind and marking, names its meeting, and opens the brief at it', async () => {
    render(inStore(<SearchPalette onClose={() => {}} />));
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'meetingBiography' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'ottawa' } });
    const results = (await screen.findByRole('heading', { name: /^Results/ })).closest('section') as HTMLElement;
    const hit = await within(results).findByRole('link');
    expect(hit.querySelector('.badge')?.textContent).toBe('Meeting biography');
    // The biography's own mark, not the meeting's (NU): the text may be marked higher than the meeting.
    expect(hit.querySelector('.hit-title')?.textContent?.trim()).toBe('(NC)Jens Stoltenberg');
    expect(hit.querySelector('.hit-meeting')?.textContent).toBe(' · Meeting: (NU)Secretary General Stoltenberg – President Yoon');
    fireEvent.click(hit);
    const route = parseRoute(window.location.hash) as Extract<Route, { view: 'meeting' }>;
    expect(route).toEqual({ view: 'meeting', id: 1, biographyOf: 1 });
    cleanup();

    render(inStore(<MeetingBriefView id={route.id} biographyOf={route.biographyOf} />));
    const heading = await screen.findByRole('heading', { name: '(NC) Biography for this meeting: Jens Stoltenberg' });
    expect(document.activeElement).toBe(heading);
    expect(heading.nextElementSibling?.textContent).toBe('Briefed the allies in Ottawa on the partnership programme.');
  });

  it('has its kind named in Korean', async () => {
    await store.bridge['settings.update']({ language: 'ko' });
    render(inStore(<SearchPalette onClose={() => {}} />));
    expect(await screen.findByRole('option', { name: '회담용 약력' })).toBeTruthy();
  });
});

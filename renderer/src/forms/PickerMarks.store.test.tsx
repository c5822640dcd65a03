// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { people } from '../../../db/people.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { EntityForm } from './EntityForm.tsx';
import { formSpecs } from './specs.ts';

// A picker shows records: each offered with its own portion mark, as every list shows it, and one
// that carries no marking says so ("(UNMARKED)"), never passing for the lowest level.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  store.db.prepare("UPDATE summit SET classification = 'NATO RESTRICTED' WHERE id = 1").run();
  people.insert(store.db, {
    name: 'Picker Restricted',
    nativeName: '',
    title: '',
    countryId: null,
    biography: '',
    classification: 'NATO CONFIDENTIAL',
    sourceId: null,
  });
  people.insert(store.db, {
    name: 'Picker Unmarked',
    nativeName: '',
    title: '',
    countryId: null,
    biography: '',
    classification: '',
    sourceId: null,
  });
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const optionsOf = (label: string) =>
  within(screen.getByLabelText(label, { exact: true }))
    .getAllByRole('option')
    .map((option) => option.textContent);

it('offers summits and people in a form’s pickers with their portion marks', async () => {
  render(
    <SettingsProvider>
      <EntityForm entity="meeting" initial={formSpecs.meeting.blank()} />
    </SettingsProvider>,
  );
  await screen.findByRole('option', { name: /Picker Unmarked/ }, { timeout: 10_000 });
  expect(optionsOf('Summit')).toContain('(NR) NATO Summit, Vilnius 2023');
  expect(optionsOf('Counterpart')).toEqual(expect.arrayContaining(['(NC) Picker Restricted', '(UNMARKED) Picker Unmarked']));
});

it('says a record is unmarked in the interface language', async () => {
  await i18n.changeLanguage('ko');
  render(
    <SettingsProvider>
      <EntityForm entity="meeting" initial={formSpecs.meeting.blank()} />
    </SettingsProvider>,
  );
  const unmarked = await screen.findByRole('option', { name: /Picker Unmarked/ }, { timeout: 10_000 });
  expect(unmarked.textContent).toBe('(미표시) Picker Unmarked');
});

it('counts the record chosen in a picker towards the window’s banner, an unmarked one as unmarked material', async () => {
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <ScreenBanner edge="top" />
        <EntityForm entity="meeting" initial={{ ...formSpecs.meeting.blank(), classification: 'NATO RESTRICTED' }} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  await screen.findByRole('option', { name: /Picker Unmarked/ }, { timeout: 10_000 });
  const unmarked = screen.getByRole('option', { name: /Picker Unmarked/ }) as HTMLOptionElement;
  // The meeting itself is marked: only the person chosen can bring unmarked material on screen.
  await waitFor(() => expect(screen.getByTestId('screen-banner-top').textContent).toBe('NATO RESTRICTED'));
  fireEvent.change(screen.getByLabelText('Counterpart', { exact: true }), { target: { value: unmarked.value } });
  await waitFor(() => expect(screen.getByTestId('screen-banner-top').textContent).toBe('NATO RESTRICTED + UNMARKED MATERIAL'));
});

it('counts a follow-up’s meeting, and that meeting’s summit, towards the window’s banner', async () => {
  // A CONFIDENTIAL-level bilateral chosen for a follow-up not yet marked: its title is on screen in the picker.
  store.db.prepare("UPDATE meeting SET classification = 'NATO CONFIDENTIAL' WHERE id = 1").run();
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <ScreenBanner edge="top" />
        <EntityForm entity="followUp" initial={{ ...formSpecs.followUp.blank(), meetingId: '1' }} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  await screen.findByRole('option', { name: /^\(NC\) Secretary General Stoltenberg/ }, { timeout: 10_000 });
  await waitFor(() => expect(screen.getByTestId('screen-banner-top').textContent).toBe('NATO CONFIDENTIAL + UNMARKED MATERIAL'));
  cleanup();
  // A summit chosen and no meeting yet: the summit's title is what is on screen (NATO RESTRICTED, set above).
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <ScreenBanner edge="top" />
        <EntityForm entity="followUp" initial={{ ...formSpecs.followUp.blank(), classification: 'NATO UNCLASSIFIED' }} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );
  const summit = screen.getByLabelText('Summit of the meeting', { exact: true });
  const vilnius = (await within(summit).findByRole('option', { name: /Vilnius/ }, { timeout: 10_000 })) as HTMLOptionElement;
  await waitFor(() => expect(screen.getByTestId('screen-banner-top').textContent).toBe('NATO UNCLASSIFIED'));
  fireEvent.change(summit, { target: { value: vilnius.value } });
  await waitFor(() => expect(screen.getByTestId('screen-banner-top').textContent).toBe('NATO RESTRICTED'));
});

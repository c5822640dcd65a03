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

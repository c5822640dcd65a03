// @vitest-environment jsdom
import { cleanup, createEvent, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people } from '../../../db/people.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { EntityForm } from '../forms/EntityForm.tsx';
import { formSpecs } from '../forms/specs.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { chooseByNameAfterMark, optionTyped } from './pickerTypeAhead.ts';

// Tallinn's desk, on the keyboard alone, typed "E" on a picker for Evika Siliņa: every option starts with its
// portion mark ("(NU) Evika Siliņa"), so the browser's type-ahead found nothing. Letters now choose by the name
// after the mark, and the option chosen still shows its mark.

let store: StoreBridge;
let stopAnswering: () => void;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  for (const [name, classification] of [
    ['Evika Siliņa', 'NATO UNCLASSIFIED'],
    ['Þorgerður Katrín Gunnarsdóttir', 'NATO RESTRICTED'],
    ['Jonas Gahr Støre', 'NATO CONFIDENTIAL'],
    ['Jonas Jonsson', 'NATO UNCLASSIFIED'],
  ] as const)
    people.insert(store.db, { name, nativeName: '', title: '', countryId: null, biography: '', classification, sourceId: null });
  // As the window does (App.tsx): one listener answers every picker.
  stopAnswering = chooseByNameAfterMark(document);
});
afterEach(() => {
  stopAnswering();
  cleanup();
});

/** Letters typed on `picker` from `atMs` on, 50 ms apart (the browser's time stamps: a pause starts a new name). */
const typeOn = (picker: HTMLElement, text: string, atMs: number) => {
  Array.from(text).forEach((key, step) => {
    const event = createEvent.keyDown(picker, { key });
    Object.defineProperty(event, 'timeStamp', { value: atMs + step * 50 });
    fireEvent(picker, event);
  });
};

const personId = (name: string) => (store.db.prepare('SELECT id FROM person WHERE name = ?').get(name) as { id: number }).id;
const chosenText = (picker: HTMLElement) => (picker as HTMLSelectElement).selectedOptions[0]?.textContent;

describe('letters typed on a picker choose by the name after the portion mark', () => {
  it('in a meeting’s Counterpart picker: the name typed is chosen, shown and saved with its mark', async () => {
    render(
      <SettingsProvider>
        <EntityForm entity="meeting" initial={formSpecs.meeting.blank()} />
      </SettingsProvider>,
    );
    await screen.findByRole('option', { name: /Evika Siliņa/ }, { timeout: 10_000 });
    const picker = screen.getByLabelText('Counterpart', { exact: true });
    typeOn(picker, 'E', 1_000);
    expect(chosenText(picker)).toBe('(NU) Evika Siliņa');
    // The form heard the change: its Counterpart is the person chosen.
    await waitFor(() => expect(picker).toHaveProperty('value', String(personId('Evika Siliņa'))));
    // After a pause, a name of its own.
    typeOn(picker, 'Jonas J', 5_000);
    expect(chosenText(picker)).toBe('(NU) Jonas Jonsson');
    await waitFor(() => expect(picker).toHaveProperty('value', String(personId('Jonas Jonsson'))));
  });
});

describe('which option the letters choose', () => {
  const options = ['— none —', '(NU) Evika Siliņa', '(NC) Jonas Gahr Støre', '(NU) Jonas Jonsson', '(UNMARKED) Petteri Orpo'];
  it('the first name that begins with them, whatever the case, past the mark', () => {
    expect(optionTyped(options, 'e', 0)).toBe(1);
    expect(optionTyped(options, 'Jonas J', 0)).toBe(3);
    expect(optionTyped(options, 'pet', 0)).toBe(4);
    expect(optionTyped(options, 'x', 0)).toBe(-1);
  });
  it('one letter pressed again goes on to the next name with it, and round', () => {
    expect(optionTyped(options, 'j', 0)).toBe(2);
    expect(optionTyped(options, 'jj', 2)).toBe(3);
    expect(optionTyped(options, 'j', 3)).toBe(2);
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { UndoProvider } from '../components/Undo.tsx';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { SettingsView } from './SettingsView.tsx';

// A new desk typed Canberra's zone into Settings and went on to its summit:
// the theme and language save when chosen, so the zone looked saved too, and
// every home time of its pack printed in UTC. A zone typed and left is saved
// as the other settings are; one Sherpa does not know is named, and nothing
// is saved.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

const renderSettings = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <UndoProvider>
          <SettingsView />
        </UndoProvider>
      </SettingsProvider>
    </StoreQueries>,
  );

describe('the home time zone in Settings', () => {
  it('is saved when the field is left, as the theme and language are when chosen', async () => {
    renderSettings();
    const zone = screen.getByLabelText('Home time zone');
    fireEvent.change(zone, { target: { value: ' Australia/Sydney ' } });
    fireEvent.blur(zone);
    const stored = async () => {
      const settings = await store.bridge['settings.get']({});
      return settings.ok ? settings.value.homeTimeZone : settings.error;
    };
    await waitFor(async () => expect(await stored()).toBe('Australia/Sydney'));
  });

  it('left holding a zone Sherpa does not know, says so and saves nothing', async () => {
    const before = await store.bridge['settings.get']({});
    renderSettings();
    const zone = screen.getByLabelText('Home time zone');
    fireEvent.change(zone, { target: { value: 'Australia/Canbera' } });
    fireEvent.blur(zone);
    expect(await screen.findByText(/not a time zone|unknown time zone/i)).toBeTruthy();
    expect(await store.bridge['settings.get']({})).toEqual(before);
  });

  it('typed as Etc/GMT+7 for Jakarta (UTC+7), says it is UTC−7 and saves nothing', async () => {
    const before = await store.bridge['settings.get']({});
    renderSettings();
    const zone = screen.getByLabelText('Home time zone');
    fireEvent.change(zone, { target: { value: 'Etc/GMT+7' } });
    fireEvent.blur(zone);
    expect(await screen.findByText(/^Etc\/GMT\+7 keeps the time of UTC\u22127: .* Asia\/Jakarta\.$/)).toBeTruthy();
    expect(await store.bridge['settings.get']({})).toEqual(before);
  });

  it('saved as it is held, is confirmed, and the settings stay as they were', async () => {
    const before = await store.bridge['settings.get']({});
    if (!before.ok) throw new Error('no settings');
    renderSettings();
    const zone = screen.getByLabelText('Home time zone');
    await waitFor(() => expect((zone as HTMLInputElement).value).toBe(before.value.homeTimeZone));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(await store.bridge['settings.get']({})).toEqual(before);
  });
});

// Typed while Sherpa checked its data file after a crash: the refusal was a toast and the field went back to the
// stored zone, so the desk typed it again once editing returned. The zone now stays as typed, the refusal is said at
// the field, and Save once the check has passed stores it.
describe('the home time zone typed while the store is checked after a crash', () => {
  it('stays as typed with the reason at the field, and is saved by Save once writing returns', async () => {
    let checking = true;
    store = createStoreBridge({
      writesRefused: () => (checking ? { message: 'checking', reason: 'store_being_checked' } : undefined),
    });
    setBridge(store.bridge);
    const before = await store.bridge['settings.get']({});
    renderSettings();
    const zone = screen.getByLabelText('Home time zone') as HTMLInputElement;
    fireEvent.change(zone, { target: { value: 'Asia/Tokyo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/checking its data file/)).toBeTruthy();
    // Left, it is asked once more, and refused again.
    fireEvent.blur(zone);
    await waitFor(() => expect(store.calls.filter((made) => made.channel === 'settings.update')).toHaveLength(2));
    expect(zone.value).toBe('Asia/Tokyo');
    expect(await store.bridge['settings.get']({})).toEqual(before);

    checking = false;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => {
      const settings = await store.bridge['settings.get']({});
      expect(settings.ok && settings.value.homeTimeZone).toBe('Asia/Tokyo');
    });
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(screen.queryByText(/checking its data file/)).toBeNull();
  });
});

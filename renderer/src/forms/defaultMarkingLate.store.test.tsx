// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { SherpaApi } from '../../../shared/contract.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { EntityForm } from './EntityForm.tsx';
import { formSpecs } from './specs.ts';

// CI's trial on a busy machine: a new meeting's form, opened by a reload, mounted before the settings had
// come and offered no marking, where the desk's default is NATO CONFIDENTIAL. A new record is offered the
// default however late the settings come.

afterEach(cleanup);

it('offers the desk’s default marking to a new record whose form opened before the settings came', async () => {
  const store = createStoreBridge();
  const set = await store.bridge['settings.update']({ defaultMarking: 'NATO CONFIDENTIAL' });
  expect(set.ok).toBe(true);
  let release = () => {};
  const settingsCome = new Promise<void>((resolve) => {
    release = resolve;
  });
  setBridge({
    ...store.bridge,
    'settings.get': async (request) => {
      await settingsCome;
      return store.bridge['settings.get'](request);
    },
  } as SherpaApi);
  render(
    <SettingsProvider>
      <EntityForm entity="meeting" initial={formSpecs.meeting.blank()} />
    </SettingsProvider>,
  );
  const marking = (await screen.findByLabelText('Classification', { exact: true })) as HTMLSelectElement;
  // Until they come no scheme is known: "Unmarked" is the one choice, not listed twice.
  expect([...marking.options].map((option) => [option.value, option.textContent])).toEqual([['', 'UNMARKED: choose a marking']]);
  release();
  await waitFor(() => expect(marking.value).toBe('NATO CONFIDENTIAL'), { timeout: 10_000 });
});

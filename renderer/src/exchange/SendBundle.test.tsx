// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { SendBundle } from './SendBundle.tsx';

// A bundle's passphrase is at most 1,000 characters: a longer one (a paragraph
// pasted by mistake) is refused at the field with the limit, before anything
// is asked of the store, which would only say the request was not accepted.
let exports: unknown[];
beforeEach(() => {
  exports = [];
  const answer = (channel: string, request: unknown): Promise<Result<unknown>> => {
    if (channel === 'settings.get') {
      const settings: Settings = {
        homeTimeZone: 'America/New_York',
        theme: 'light',
        language: 'en',
        classificationScheme: presetSchemes.uk,
        defaultMarking: '',
        backupsToKeep: 10,
        autoLockMinutes: 15,
      };
      return Promise.resolve({ ok: true, value: settings });
    }
    if (channel === 'summit.list')
      return Promise.resolve({ ok: true, value: [{ id: 7, title: 'Pacific Islands Forum Leaders’ Meeting' }] });
    if (channel === 'bundle.export') {
      exports.push(request);
      return Promise.resolve({ ok: false, error: { code: 'invalid_request', message: 'passphrase: too long', field: 'passphrase' } });
    }
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => answer(channel, request)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

describe('sending a bundle with a passphrase', () => {
  it('refuses one over 1,000 characters at the field, naming the limit, and exports nothing', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <SendBundle />
        </SettingsProvider>
      </StoreQueries>,
    );
    const summit = await screen.findByLabelText('Summit');
    await screen.findByRole('option', { name: /Pacific Islands Forum Leaders’ Meeting$/ });
    fireEvent.change(summit, { target: { value: '7' } });
    fireEvent.click(screen.getByLabelText('Also open with a passphrase'));
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'Fakatapu ki he ʻEiki. '.repeat(50) } });
    fireEvent.click(screen.getByRole('button', { name: 'Export bundle' }));
    await waitFor(() => expect(screen.getByText('The passphrase can have at most 1,000 characters.')).toBeTruthy());
    expect(exports).toEqual([]);
  });
});

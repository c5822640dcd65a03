// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleContents, BundleExportRequest, BundleExportResult } from '../../../shared/bundles.ts';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import type { ContactCard } from '../../../shared/sync.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { SendBundle } from './SendBundle.tsx';

// Need-to-know is per summit: the desks (and the passphrase) chosen for one
// summit's bundle are not carried over to the next summit chosen. An officer
// who sent the ASEAN summit to the air-gapped desk, then picked the CPLP
// summit and ticked the sector desk, sent CPLP to both desks.
const airGapped: ContactCard = { deskName: 'Mesa isolada', signingKey: 'a', encryptionKey: 'b', fingerprint: 'AAAA 1111 BBBB 2222 CCCC' };
const sectorDesk: ContactCard = { deskName: 'Mesa setorial', signingKey: 'c', encryptionKey: 'd', fingerprint: 'DDDD 3333 EEEE 4444 FFFF' };
let exports: BundleExportRequest[];
beforeEach(() => {
  exports = [];
  const answer = (channel: string, request: unknown): Promise<Result<unknown>> => {
    if (channel === 'settings.get') {
      const settings: Settings = {
        homeTimeZone: 'Europe/Lisbon',
        theme: 'light',
        language: 'en',
        classificationScheme: presetSchemes.nato,
        defaultMarking: '',
        backupsToKeep: 10,
        autoLockMinutes: 15,
      };
      return Promise.resolve({ ok: true, value: settings });
    }
    if (channel === 'summit.list')
      return Promise.resolve({
        ok: true,
        value: [
          { id: 7, title: 'Cimeira da ASEAN — Vientiane 2026' },
          { id: 8, title: 'Cimeira CPLP — São Tomé 2026' },
        ],
      });
    if (channel === 'bundle.contents') {
      const contents: BundleContents = { records: [], markings: ['NATO RESTRICTED'] };
      return Promise.resolve({ ok: true, value: contents });
    }
    if (channel === 'contact.list') return Promise.resolve({ ok: true, value: [airGapped, sectorDesk] });
    if (channel === 'bundle.export') {
      exports.push(request as BundleExportRequest);
      const written: BundleExportResult = { path: '/exports/x.sherpa', fileName: 'x.sherpa', bytes: 10, records: 3, markings: [] };
      return Promise.resolve({ ok: true, value: written });
    }
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => answer(channel, request)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

describe('sending a second summit after a first', () => {
  it('starts with no desk and no passphrase chosen, so the first summit’s recipients do not receive the second', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <SendBundle />
        </SettingsProvider>
      </StoreQueries>,
    );
    const summit = await screen.findByLabelText('Summit');
    await screen.findByRole('option', { name: /Cimeira CPLP — São Tomé 2026$/ });
    fireEvent.change(summit, { target: { value: '7' } });
    const toAirGapped = await screen.findByRole('checkbox', { name: /Mesa isolada/ });
    fireEvent.click(toAirGapped);
    fireEvent.click(screen.getByLabelText('Also open with a passphrase'));
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'Luang Prabang ao amanhecer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export bundle' }));
    await waitFor(() => expect(exports).toHaveLength(1));
    expect(exports[0]?.recipients).toEqual([airGapped.fingerprint]);

    fireEvent.change(summit, { target: { value: '8' } });
    expect((screen.getByRole('checkbox', { name: /Mesa isolada/ }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Also open with a passphrase') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: /Mesa setorial/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export bundle' }));
    await waitFor(() => expect(exports).toHaveLength(2));
    expect(exports[1]).toMatchObject({ selection: { summitId: 8 }, recipients: [sectorDesk.fingerprint] });
    expect(exports[1]).not.toHaveProperty('passphrase');
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleNotImported } from '../../../shared/bundles.ts';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ReceiveBundle } from './ReceiveBundle.tsx';

// A review left unimported is listed whether Sherpa closed or the officer
// just went to another view (the air-gapped desk that looked at a bundle
// meant for another desk, then moved on): the notice must not claim Sherpa
// closed, and its times name the home zone, as every time in Sherpa does.
const leftOver: BundleNotImported = {
  bundleId: 'b'.repeat(32),
  signerDesk: 'Mesa do Sherpa (Lisboa)',
  signerFingerprint: '072C 01D9 1C7B F874 7787',
  createdAt: '2026-12-02T07:24:00.000Z',
  openedAt: '2026-12-02T07:25:00.000Z',
};
let language: Settings['language'];
beforeEach(() => {
  const answer = (channel: string): Promise<Result<unknown>> => {
    if (channel === 'settings.get') {
      const settings: Settings = {
        homeTimeZone: 'Asia/Vientiane',
        theme: 'light',
        language,
        classificationScheme: presetSchemes.nato,
        defaultMarking: '',
        backupsToKeep: 10,
        autoLockMinutes: 15,
      };
      return Promise.resolve({ ok: true, value: settings });
    }
    if (channel === 'bundle.notImported') return Promise.resolve({ ok: true, value: [leftOver] });
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, () => answer(channel)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

const show = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ReceiveBundle />
      </SettingsProvider>
    </StoreQueries>,
  );

describe('a bundle reviewed and not imported', () => {
  it('is named without saying Sherpa closed, with its times in the home zone, named', async () => {
    language = 'en';
    show();
    const notice = await screen.findByText(/Mesa do Sherpa \(Lisboa\)/);
    expect(notice.textContent).not.toMatch(/reviewed when Sherpa closed/);
    expect(notice.textContent).toContain('was opened for review here');
    expect(notice.textContent).toContain('14:24 GMT+7');
    expect(notice.textContent).toContain('14:25 GMT+7');
  });

  it('says the same in Korean', async () => {
    language = 'ko';
    show();
    const notice = await screen.findByText(/Mesa do Sherpa \(Lisboa\)/);
    expect(notice.textContent).not.toMatch(/검토하던 중 Sherpa가 종료되어/);
    expect(notice.textContent).toContain('14:24 GMT+7');
  });
});

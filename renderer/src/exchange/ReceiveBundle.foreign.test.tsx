// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleInspection, BundleReview } from '../../../shared/bundles.ts';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ReceiveBundle } from './ReceiveBundle.tsx';

// The air-gapped desk (NATO scheme) was sent the ASEAN summit marked under the
// Lisbon desk's Portuguese scheme. The review listed "CONFIDENCIAL, NÃO
// CLASSIFICADO, RESERVADO" as the highest marking and said nothing more; after
// the import every window said UNMARKED and the pack would not export, with
// nobody told why before importing. The review now says what those markings
// are here and what the desk must do.
const review: BundleReview = {
  bundleId: 'c'.repeat(32),
  createdAt: '2026-12-02T07:24:00.000Z',
  signer: { deskName: 'Mesa do Sherpa (Lisboa)', signingKey: 'k', encryptionKey: 'e', fingerprint: '072C 01D9 1C7B F874 7787' },
  signerAccepted: true,
  counts: { new: 1, updated: 0, conflicting: 0, unchanged: 0 },
  breakdown: [],
  changes: [
    {
      id: 'meeting:1',
      kind: 'meeting',
      rowId: null,
      name: 'Bilateral com o Laos',
      classification: 'RESERVADO',
      change: 'new',
      deleted: false,
    },
  ],
  markings: ['RESERVADO', 'CONFIDENCIAL'],
  heldBack: 0,
  turnsTextRound: 0,
  misleading: { count: 0, lines: [] },
};
let language: Settings['language'];
let scheme: Settings['classificationScheme'];
beforeEach(() => {
  const answer = (channel: string): Promise<Result<unknown>> => {
    if (channel === 'settings.get') {
      const settings: Settings = {
        homeTimeZone: 'Asia/Vientiane',
        theme: 'light',
        language,
        classificationScheme: scheme,
        defaultMarking: '',
        backupsToKeep: 10,
        autoLockMinutes: 15,
      };
      return Promise.resolve({ ok: true, value: settings });
    }
    if (channel === 'bundle.inspect') {
      const inspection: BundleInspection = { status: 'ready', review };
      return Promise.resolve({ ok: true, value: inspection });
    }
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, () => answer(channel)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

async function review_(label: string) {
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ReceiveBundle />
      </SettingsProvider>
    </StoreQueries>,
  );
  await waitFor(() => expect(document.documentElement.lang).toBe(language));
  fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([new Uint8Array([1, 2, 3])], 'asean.sherpa')] } });
}

describe('reviewing a bundle marked under another scheme', () => {
  it('says the markings are not levels of this desk’s scheme, and what that means for packs, before importing', async () => {
    language = 'en';
    scheme = presetSchemes.nato;
    await review_('Bundle file (.sherpa)');
    const note = await screen.findByTestId('review-foreign');
    expect(note.textContent).toContain('RESERVADO, CONFIDENCIAL');
    expect(note.textContent).toContain('not levels of this desk’s scheme (NATO)');
    expect(note.textContent).toContain('not exported until');
  });

  it('says so in Korean', async () => {
    language = 'ko';
    scheme = presetSchemes.nato;
    await review_('번들 파일(.sherpa)');
    const note = await screen.findByTestId('review-foreign');
    expect(note.textContent).toContain('이 데스크의 체계(NATO)에 없는 등급');
  });

  it('says nothing of the kind when every marking is a level here', async () => {
    language = 'en';
    scheme = {
      name: 'Portugal (SEGNAC)',
      levels: [
        { name: 'RESERVADO', portion: 'R' },
        { name: 'CONFIDENCIAL', portion: 'C' },
      ],
    };
    await review_('Bundle file (.sherpa)');
    await screen.findByRole('heading', { name: 'Review before importing' });
    expect(screen.queryByTestId('review-foreign')).toBeNull();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type BundleImportOutcome,
  type BundleImportProgress,
  type BundleInspection,
  type BundleReview,
  maxBundleFileBytes,
  maxStagedBundleBytes,
} from '../../../shared/bundles.ts';
import { channels, type Result, type Settings, type SherpaApi } from '../../../shared/contract.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { ReceiveBundle } from './ReceiveBundle.tsx';

// The review against a fake store: what the page asks for, and what it shows
// of each answer, is what stands between a bundle and the merge.

const review: BundleReview = {
  bundleId: 'a'.repeat(32),
  createdAt: '2026-12-01T10:00:00.000Z',
  signer: { deskName: 'Brussels desk', signingKey: 'k', encryptionKey: 'e', fingerprint: 'AAAA BBBB CCCC DDDD EEEE' },
  signerAccepted: false,
  counts: { new: 1, updated: 0, conflicting: 1, unchanged: 3 },
  breakdown: [],
  changes: [
    {
      id: 'summit:1',
      kind: 'summit',
      rowId: null,
      name: 'Washington Summit',
      classification: 'NATO CONFIDENTIAL',
      change: 'new',
      deleted: false,
    },
    { id: 'note:1', kind: 'note', rowId: 4, name: 'Line to take', classification: '', change: 'conflicting', deleted: false },
  ],
  markings: ['NATO CONFIDENTIAL', ''],
  heldBack: 0,
  turnsTextRound: 0,
  misleading: { count: 0, lines: [] },
};

/** A bundle of 650 new meetings: the review lists the first 100, the page asks for more. */
const manyNew = Array.from({ length: 650 }, (_, index) => ({
  id: `meeting:${index}`,
  kind: 'meeting' as const,
  rowId: null,
  name: `Bilateral ${String(index).padStart(3, '0')}`,
  classification: index % 5 === 0 ? 'NATO SECRET' : 'NATO RESTRICTED',
  change: 'new' as const,
  deleted: false,
}));

let inspection: BundleInspection;
let imports: unknown[];
let language: Settings['language'];
let staged: unknown[];
let inspected: unknown[];
/** Holds the store's answer to an import until the test lets it go; none held unless a test sets it. */
let importHeld: Promise<void> | null;
let importProgress: BundleImportProgress | null;

beforeEach(() => {
  language = 'en';
  imports = [];
  staged = [];
  inspected = [];
  importHeld = null;
  importProgress = null;
  const answer = (channel: string, request: unknown): Promise<Result<unknown>> => {
    if (channel === 'settings.get') {
      const settings: Settings = {
        homeTimeZone: 'Europe/Brussels',
        theme: 'light',
        language,
        classificationScheme: presetSchemes.nato,
        defaultMarking: '',
        backupsToKeep: 10,
        autoLockMinutes: 15,
      };
      return Promise.resolve({ ok: true, value: settings });
    }
    if (channel === 'bundle.stage') {
      staged.push(request);
      return Promise.resolve({ ok: true, value: { upload: '', received: staged.length, complete: false } });
    }
    if (channel === 'bundle.inspect') {
      inspected.push(request);
      return Promise.resolve({ ok: true, value: inspection });
    }
    if (channel === 'bundle.import') {
      imports.push(request);
      const outcome: BundleImportOutcome = { status: 'imported', review };
      return (importHeld ?? Promise.resolve()).then(() => ({ ok: true, value: outcome }));
    }
    if (channel === 'bundle.importProgress') return Promise.resolve({ ok: true, value: importProgress });
    if (channel === 'bundle.reviewLines') {
      const { offset, limit } = request as { offset: number; limit: number };
      const lines = manyNew.slice(offset, offset + limit);
      return Promise.resolve({ ok: true, value: { status: 'ready', lines, total: manyNew.length } });
    }
    return Promise.resolve({ ok: true, value: [] });
  };
  const api = Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => answer(channel, request)]));
  setBridge({ ...api, onChange: () => () => {} } as unknown as SherpaApi);
});
afterEach(cleanup);

/** The screen as the app shows it: the desk's settings (scheme, language) read from the store. */
function renderReceive() {
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ReceiveBundle />
      </SettingsProvider>
    </StoreQueries>,
  );
}

const choose = (label: string) =>
  fireEvent.change(screen.getByLabelText(label), {
    target: { files: [new File([new Uint8Array([83, 72, 69, 82, 80, 65])], 'washington.sherpa')] },
  });

describe('receiving a bundle', () => {
  it('imports from an unknown desk only once its fingerprint was checked, after showing the highest marking and each change', async () => {
    inspection = { status: 'ready', review };
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    choose('Bundle file (.sherpa)');
    await screen.findByRole('heading', { name: 'Review before importing' });
    expect(screen.getByTestId('review-fingerprint').textContent).toBe('AAAA BBBB CCCC DDDD EEEE');
    expect(screen.getByTestId('review-highest').textContent).toBe('NATO CONFIDENTIAL + UNMARKED MATERIAL');
    expect(screen.getByTestId('review-conflicting').textContent).toContain('(UNMARKED)');
    expect(screen.getByTestId('review-conflicting').textContent).toContain('Line to take');
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('I checked the fingerprint with “Brussels desk”: accept this desk'));
    fireEvent.click(importButton);
    await screen.findByText('Imported from “Brussels desk”: 1 new, 0 updated, 1 conflicting.');
    expect(imports).toEqual([{ file: 'U0hFUlBB', acceptSigner: true }]);
  });

  it('shows how far a long import has come, in the interface language, and offers neither Import nor Cancel meanwhile', async () => {
    inspection = { status: 'ready', review: { ...review, signerAccepted: true } };
    let release = () => {};
    importHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    importProgress = { phase: 'merging', done: 4000, total: 191966 };
    language = 'ko';
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('ko'));
    choose('번들 파일(.sherpa)');
    fireEvent.click(await screen.findByRole('button', { name: '가져오기' }));
    await screen.findByText('가져오는 중: 기록 191,966건 중 4,000건 병합. 그동안 계속 작업할 수 있습니다.');
    expect((screen.getByRole('button', { name: '가져오기' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '취소' }) as HTMLButtonElement).disabled).toBe(true);
    importProgress = { phase: 'merging', done: 190000, total: 191966 };
    await screen.findByText(/기록 191,966건 중 190,000건 병합/);
    release();
    await screen.findByText('“Brussels desk”에서 가져왔습니다: 새 기록 1건, 갱신 0건, 충돌 1건.');
    expect(screen.queryByText(/병합/)).toBeNull();
    expect(imports).toHaveLength(1);
  });

  it('answers a passphrase longer than any bundle’s as not opening it, keeps asking, and sends nothing the store would refuse', async () => {
    inspection = { status: 'needs-passphrase', signer: review.signer };
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    choose('Bundle file (.sherpa)');
    const passphrase = await screen.findByLabelText('Passphrase');
    fireEvent.change(passphrase, { target: { value: 'ʻā'.repeat(600) } });
    fireEvent.click(screen.getByRole('button', { name: 'Open bundle' }));
    await screen.findByText('The passphrase does not open this bundle. Nothing was imported.');
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    expect(inspected).toEqual([{ file: 'U0hFUlBB' }]);
  });

  it('hands a bundle too large for one request over in parts, then opens it by its upload', async () => {
    inspection = { status: 'ready', review };
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    const large = new Uint8Array(maxBundleFileBytes + 1000).map((_, index) => index % 251);
    fireEvent.change(screen.getByLabelText('Bundle file (.sherpa)'), { target: { files: [new File([large], 'whole-desk.sherpa')] } });
    await screen.findByRole('heading', { name: 'Review before importing' });
    const parts = staged.map((request) => request as { upload: string; part: number; parts: number; data: string });
    expect(parts.map(({ part, parts: of }) => `${part}/${of}`)).toEqual(['0/2', '1/2']);
    const joined = parts.map(({ data }) => atob(data)).join('');
    expect(joined.length).toBe(large.length);
    expect(Uint8Array.from(joined, (character) => character.charCodeAt(0))).toEqual(large);
    expect(inspected).toEqual([{ upload: parts[0]?.upload }]);
  });

  it('says why a bundle is refused in the interface language, and imports nothing', async () => {
    inspection = { status: 'refused', refusal: { reason: 'tampered', message: 'This bundle was changed after it was signed.' } };
    language = 'ko';
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('ko'));
    await screen.findByText('번들 파일(.sherpa)');
    choose('번들 파일(.sherpa)');
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('이 번들은 서명된 뒤 변경되었거나 잘렸습니다. 아무것도 가져오지 않았습니다.'));
    expect(screen.queryByRole('button', { name: '가져오기' })).toBeNull();
    expect(imports).toEqual([]);
  });

  it('tells a desk whose keys were made again how to get a bundle it can open', async () => {
    inspection = { status: 'refused', refusal: { reason: 'not-for-this-desk', message: 'This bundle was addressed to other desks.' } };
    renderReceive();
    await screen.findByText('Bundle file (.sherpa)');
    choose('Bundle file (.sherpa)');
    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toBe(
        'This bundle was addressed to other desks, not this one. Nothing was imported. If this desk’s keys were made again (a new store or computer), send your contact card to the sender again and ask for a new bundle.',
      ),
    );
    expect(imports).toEqual([]);
  });

  it('refuses a file too large to open, naming its size and the limit, in either language, without sending any of it', async () => {
    for (const [lang, label, expected] of [
      ['en', 'Bundle file (.sherpa)', /^This file is too large to open here \(300\.0 MB; at most 268\.4 MB\)\. Nothing was imported\.$/],
      ['ko', '번들 파일(.sherpa)', /^파일이 너무 커서 여기서 열 수 없습니다\(300\.0MB, 최대 268\.4MB\)/],
    ] as const) {
      language = lang;
      renderReceive();
      await waitFor(() => expect(document.documentElement.lang).toBe(lang));
      const huge = new File([new Uint8Array(8)], 'archive.sherpa');
      Object.defineProperty(huge, 'size', { value: 300_000_000 });
      expect(huge.size).toBeGreaterThan(maxStagedBundleBytes);
      fireEvent.change(await screen.findByLabelText(label), { target: { files: [huge] } });
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(expected));
      cleanup();
    }
    expect([...staged, ...inspected, ...imports]).toEqual([]);
  });

  it('counts a large bundle by kind and marking, lists the first records, and more on request', async () => {
    inspection = {
      status: 'ready',
      review: {
        ...review,
        signerAccepted: true,
        counts: { new: 650, updated: 0, conflicting: 0, unchanged: 0 },
        changes: manyNew.slice(0, 100),
        breakdown: [
          { kind: 'meeting', classification: 'NATO RESTRICTED', new: 520, updated: 0, conflicting: 0 },
          { kind: 'meeting', classification: 'NATO SECRET', new: 130, updated: 0, conflicting: 0 },
        ],
        markings: ['NATO RESTRICTED', 'NATO SECRET'],
      },
    };
    renderReceive();
    choose('Bundle file (.sherpa)');
    await screen.findByRole('heading', { name: 'Review before importing' });
    const breakdown = screen.getByRole('table', { name: 'By kind and marking' });
    expect(breakdown.textContent).toContain('130');
    expect(screen.getByTestId('review-highest').textContent).toBe('NATO SECRET');
    const listed = () => screen.getByTestId('review-new').querySelectorAll('li').length;
    expect(listed()).toBe(100);
    expect(screen.getByTestId('review-new').textContent).toContain('Listed: 100 of 650.');
    fireEvent.click(screen.getByRole('button', { name: 'List 500 more' }));
    await waitFor(() => expect(listed()).toBe(600));
    fireEvent.click(screen.getByRole('button', { name: 'List 50 more' }));
    await waitFor(() => expect(listed()).toBe(650));
    expect(screen.queryByRole('button', { name: /more$/ })).toBeNull();
  });

  it('says how many records hold a character that turns their text round, in either language, and still offers the import', async () => {
    inspection = { status: 'ready', review: { ...review, signerAccepted: true, turnsTextRound: 2 } };
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    choose('Bundle file (.sherpa)');
    expect((await screen.findByTestId('review-turns-text-round')).textContent).toMatch(
      /^2 records hold an invisible character that turns their text round \(a direction override\).*They are kept as sent; .*\[U\+202E\]/,
    );
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
    cleanup();

    language = 'ko';
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('ko'));
    choose('번들 파일(.sherpa)');
    expect((await screen.findByTestId('review-turns-text-round')).textContent).toMatch(/^기록 2건에 글의 방향을 뒤집는 보이지 않는 문자/);
    expect(screen.getByRole('button', { name: '가져오기' })).toBeTruthy();
  });

  it('says nothing of such characters when no record holds one', async () => {
    inspection = { status: 'ready', review };
    renderReceive();
    choose('Bundle file (.sherpa)');
    await screen.findByRole('heading', { name: 'Review before importing' });
    expect(screen.queryByTestId('review-turns-text-round')).toBeNull();
  });

  it('offers no Import for a bundle whose records are all here already, and says so in either language', async () => {
    const nothingNew: BundleReview = { ...review, counts: { new: 0, updated: 0, conflicting: 0, unchanged: 5 }, changes: [] };
    inspection = { status: 'ready', review: nothingNew };
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    choose('Bundle file (.sherpa)');
    expect((await screen.findByTestId('review-already-here')).textContent).toMatch(/^Everything in this bundle is already here/);
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByLabelText(/I checked the fingerprint/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(imports).toEqual([]);
    cleanup();

    language = 'ko';
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('ko'));
    choose('번들 파일(.sherpa)');
    expect((await screen.findByTestId('review-already-here')).textContent).toMatch(/^이 번들의 내용은 모두 이미 여기에 있습니다/);
    expect((screen.getByRole('button', { name: '가져오기' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('still offers Import when nothing shows as changed but records wait to be kept for what they refer to', async () => {
    inspection = {
      status: 'ready',
      review: { ...review, signerAccepted: true, counts: { new: 0, updated: 0, conflicting: 0, unchanged: 5 }, changes: [], heldBack: 2 },
    };
    renderReceive();
    choose('Bundle file (.sherpa)');
    await screen.findByRole('heading', { name: 'Review before importing' });
    expect(screen.queryByTestId('review-already-here')).toBeNull();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('lists, before the import, each record whose text hides or turns round what it says, with its characters, in either language', async () => {
    const flagged: BundleReview['misleading']['lines'][number] = {
      id: 'person:7',
      kind: 'person',
      rowId: null,
      name: 'Kim[U+200B]Jong',
      classification: '',
      change: 'new',
      deleted: false,
      characters: ['U+200B'],
    };
    inspection = { status: 'ready', review: { ...review, signerAccepted: true, misleading: { count: 3, lines: [flagged] } } };
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    choose('Bundle file (.sherpa)');
    const listed = await screen.findByTestId('review-misleading');
    expect(listed.textContent).toMatch(/^3 records hold characters that hide or turn round what their text says/);
    expect(listed.textContent).toContain('Kim[U+200B]Jong characters: U+200B');
    expect(listed.textContent).toContain('and 2 more.');
    cleanup();

    language = 'ko';
    renderReceive();
    await waitFor(() => expect(document.documentElement.lang).toBe('ko'));
    choose('번들 파일(.sherpa)');
    expect((await screen.findByTestId('review-misleading')).textContent).toMatch(/^기록 3건에 글의 내용을 숨기거나 방향을 뒤집는 문자/);
  });
});

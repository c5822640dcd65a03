// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSummits } from '../../../db/summits.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

// A meeting prints once in a pack, as a full brief or as a pocket card. A desk that added a bilateral's full
// brief, then its "Add: Pocket card" for the principal's pocket, exported a pack without the full brief: the
// second add had replaced the first, and nothing on screen said so.

const meeting = 'Secretary General Stoltenberg – President Yoon';
let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

async function openBuilder() {
  const summitId = listSummits(store.db)[0]?.id;
  render(
    <StoreQueries client={createQueryClient()}>
      <PackEditor pack={null} justSaved={false} onSaved={() => undefined} onDeleted={() => undefined} />
    </StoreQueries>,
  );
  await chooseSummit('Summit', summitId);
  return screen.findByRole('button', { name: `Add: Full brief — ${meeting}` }, { timeout: 10_000 });
}

/** The summit chosen once the picker offers it (a value it does not offer yet would not take). */
async function chooseSummit(label: string, summitId: number | undefined) {
  const summit = await screen.findByLabelText(label, { exact: true });
  await within(summit).findByRole('option', { name: /Vilnius/ }, { timeout: 10_000 });
  fireEvent.change(summit, { target: { value: String(summitId) } });
}

const sectionList = () =>
  within(screen.getByRole('list', { name: 'Sections, in print order' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '')
    .filter((text) => /^\d+\./.test(text));

describe('a meeting already in the pack', () => {
  it('shows its form as added, and the other form as replacing it, not as an addition', async () => {
    fireEvent.click(await openBuilder());
    expect((screen.getByRole('button', { name: `Add: Full brief — ${meeting}` }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: `Add: Pocket card — ${meeting}` })).toBeNull();
    expect(
      screen.getByText('In the pack as a full brief. A meeting prints once: the other button prints it as a pocket card instead.'),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `Print as a pocket card instead — ${meeting}` }));
    expect(sectionList()).toEqual([expect.stringMatching(new RegExp(`^1\\. ${meeting} · Pocket card`))]);
    expect((screen.getByRole('button', { name: `Add: Pocket card — ${meeting}` }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: `Print as a full brief instead — ${meeting}` })).toBeTruthy();
  });

  it('says so in Korean', async () => {
    await i18n.changeLanguage('ko');
    const summitId = listSummits(store.db)[0]?.id;
    render(
      <StoreQueries client={createQueryClient()}>
        <PackEditor pack={null} justSaved={false} onSaved={() => undefined} onDeleted={() => undefined} />
      </StoreQueries>,
    );
    await chooseSummit('정상회의', summitId);
    fireEvent.click(await screen.findByRole('button', { name: `추가: 요약 카드 — ${meeting}` }, { timeout: 10_000 }));
    expect(screen.getByRole('button', { name: `전체 브리핑(으)로 바꿔 인쇄 — ${meeting}` })).toBeTruthy();
  });
});

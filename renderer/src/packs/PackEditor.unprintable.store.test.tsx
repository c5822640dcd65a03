// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedFontCoverage } from '../../../main/pdf/fontCoverage.ts';
import { samplePackDefinition } from '../../../main/pdf/samplePack.ts';
import type { BriefingPack } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { PackEditor } from './PackEditor.tsx';

// Names in a script this machine has no font for print as empty boxes. The
// builder says so before export, for what is typed in it too: the cover's
// title as typed (not yet saved), the copy's recipient, and the lines a sector
// brief prints under its heading (its programme) and under each entry (its source).

// This machine's fonts are the subject: the test holds only where no installed font draws Thai.
const thaiDraws = installedFontCoverage()?.covers(0x0e01) ?? true;

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

async function openSamplePack(): Promise<void> {
  const saved = await store.bridge['pack.save']({ name: 'Fonts', definition: samplePackDefinition(store.db), expected: null });
  if (!saved.ok) throw new Error(saved.error.message);
  const pack: BriefingPack = saved.value;
  render(
    <StoreQueries client={createQueryClient()}>
      <PackEditor pack={pack} justSaved={false} onSaved={() => undefined} onDeleted={() => undefined} />
    </StoreQueries>,
  );
  await screen.findByText(/Banner on every page/);
}
const warning = () => screen.queryByRole('list', { name: 'Some text will print as empty boxes' })?.textContent ?? '';

describe.skipIf(thaiDraws)('text no installed font draws, in the pack builder before export', () => {
  it('names the cover’s title or the copy’s recipient, whichever holds the text, as they are typed, before saving or exporting', async () => {
    await openSamplePack();
    expect(warning()).toBe('');
    fireEvent.change(screen.getByLabelText('Title on the cover'), { target: { value: 'ประชุมสุดยอด' } });
    await waitFor(() => expect(warning()).toContain('Title on the cover “ประชุมสุดยอด”: Thai'));
    fireEvent.change(screen.getByLabelText('Title on the cover'), { target: { value: 'Vilnius' } });
    fireEvent.change(screen.getByLabelText('Stamp a copy for (optional)'), { target: { value: 'คุณสมชาย' } });
    // The copy's recipient is named, not the cover's title, which is all Latin.
    await waitFor(() => expect(warning()).toContain('Copy stamped for “คุณสมชาย”: Thai (คุณสมชาย'));
    expect(warning()).not.toContain('Vilnius');
  });

  it('names a sector’s programme and an entry’s source, which print under the heading and the entry', async () => {
    store.db.prepare("UPDATE programme SET name = 'โครงการความร่วมมือ' WHERE code = 'ITPP'").run();
    store.db.prepare("UPDATE source SET publisher = 'กระทรวงการต่างประเทศ'").run();
    await openSamplePack();
    await waitFor(() => expect(warning()).toContain('Programme “โครงการความร่วมมือ”: Thai'));
    expect(warning()).toMatch(/Source “[^”]+”: Thai/);
  });
});

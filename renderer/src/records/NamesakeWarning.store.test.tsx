// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { EntityForm } from '../forms/EntityForm.tsx';
import { formSpecs } from '../forms/specs.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';

// The person form against the real store with the sample briefing, which holds Jens Stoltenberg.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  window.location.hash = '';
});
afterEach(cleanup);

const stoltenbergs = () => store.db.prepare("SELECT id FROM person WHERE name = 'Jens Stoltenberg'").all() as { id: number }[];

describe('a new person named like one already stored', () => {
  it('is warned of, with the stored person shown, and can still be created as a namesake', async () => {
    render(<EntityForm entity="person" initial={formSpecs.person.blank()} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Jens Stoltenberg' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '  jens   STOLTENBERG' } });
    const list = await screen.findByRole('list', { name: 'People of this name' });
    expect(list.textContent).toContain('Jens Stoltenberg · Secretary General of NATO');
    expect(screen.getByRole('button', { name: 'Open Jens Stoltenberg' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Jens Stoltenberg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(stoltenbergs()).toHaveLength(2));
  });

  it('opened from a picker, takes the stored person instead of making a second', async () => {
    const [stored] = stoltenbergs();
    const onSaved = vi.fn();
    render(<EntityForm entity="person" initial={formSpecs.person.blank()} onSaved={onSaved} onCancel={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ｊｅｎｓ Ｓｔｏｌｔｅｎｂｅｒｇ' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Use Jens Stoltenberg instead' }));
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: stored?.id }));
    expect(stoltenbergs()).toHaveLength(1);
    expect(store.calls.filter((call) => call.channel === 'person.create')).toEqual([]);
  });

  // Search finds Đoković by "Djokovic" and Μητσοτάκης by "Mitsotakis"; the form warned of neither, and a second
  // record split the person's meetings and pack entries.
  it('is warned of when typed as English newspapers write it: đ as dj, Greek in Latin', async () => {
    const insert = store.db.prepare(
      "INSERT INTO person (name, native_name, title, biography, classification) VALUES (?, ?, '', '', 'NATO UNCLASSIFIED')",
    );
    insert.run('Novak Đoković', '');
    insert.run('K. Mitsotakis', 'Κυριάκος Μητσοτάκης');
    // A client of its own: the people listed before these were stored are not read again.
    render(
      <StoreQueries client={createQueryClient()}>
        <EntityForm entity="person" initial={formSpecs.person.blank()} />
      </StoreQueries>,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Novak Djokovic' } });
    expect((await screen.findByRole('list', { name: 'People of this name' })).textContent).toContain('Novak Đoković');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Kyriakos Mitsotakis' } });
    await waitFor(() => expect(screen.getByRole('list', { name: 'People of this name' }).textContent).toContain('K. Mitsotakis'));
    expect(screen.getByRole('list', { name: 'People of this name' }).textContent).not.toContain('Đoković');
  });

  // A blank form is unmarked; the stored person it names may not be. Shown with no mark, a NATO SECRET person
  // stood under a banner that read UNMARKED.
  it('names each stored person after their portion mark, and raises the banner to it', async () => {
    store.db.prepare("UPDATE person SET classification = 'NATO SECRET' WHERE name = 'Jens Stoltenberg'").run();
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <ScreenMarkingsProvider>
            <ScreenBanner edge="top" />
            <EntityForm entity="person" initial={formSpecs.person.blank()} />
          </ScreenMarkingsProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'JENS STOLTENBERG' } });
    const list = await screen.findByRole('list', { name: 'People of this name' });
    await waitFor(() => expect(list.textContent).toContain('(NS)Jens Stoltenberg · Secretary General of NATO'));
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toMatch(/^NATO SECRET/));
  });
});

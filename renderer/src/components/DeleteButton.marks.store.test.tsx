// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareNames } from '../../../shared/sortKey.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { DeleteButton } from './DeleteButton.tsx';

// The delete dialog names what refers to a record: an entry marked NATO SECRET under a source marked NATO
// UNCLASSIFIED was listed by title with no mark, under a banner that read NATO UNCLASSIFIED. Each name now carries
// its portion mark and counts towards the banner, as it would anywhere else on screen.

let store: StoreBridge;
beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('the delete dialog’s list of what refers to a record', () => {
  it('marks each name and raises the banner to the highest of them', async () => {
    const { sourceId } = store.db.prepare('SELECT source_id AS sourceId FROM sector_entry ORDER BY id LIMIT 1').get() as {
      sourceId: number;
    };
    // The dialog lists the first few by title: the first of them is marked NATO SECRET.
    const [entry] = (
      store.db.prepare('SELECT id, title, source_id AS sourceId FROM sector_entry WHERE source_id = ?').all(sourceId) as {
        id: number;
        title: string;
        sourceId: number;
      }[]
    ).toSorted((a, b) => compareNames(a.title, b.title));
    if (!entry) throw new Error('the sample has no entry citing a source');
    store.db.prepare("UPDATE sector_entry SET classification = 'NATO SECRET' WHERE id = ?").run(entry.id);
    const source = store.db.prepare('SELECT title, classification FROM source WHERE id = ?').get(entry.sourceId) as {
      title: string;
      classification: string;
    };
    render(
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ScreenBanner edge="top" />
          <DeleteButton entity="source" id={entry.sourceId} name={source.title} label="Delete source" />
        </ScreenMarkingsProvider>
      </SettingsProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete source' }));
    const named = (await screen.findByText(/sector entr/)).closest('li') as HTMLElement;
    expect(named.textContent).toContain(`(NS)${entry.title}`);
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toBe('NATO SECRET'));
  });

  // A participant is named "person — meeting": both marks stood together before the joined name, "(UNMARKED)
  // (NS) Yoon Suk Yeol — Bilateral", so the meeting's SECRET read as the person's. Each now stands by its own part.
  it('marks a participant’s person and meeting each beside its own part, and a biography’s text beside its own', async () => {
    const yoon = store.db.prepare("SELECT id, name FROM person WHERE name = 'Yoon Suk Yeol'").get() as { id: number; name: string };
    const meeting = store.db
      .prepare('SELECT m.id, m.title FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.person_id = ? LIMIT 1')
      .get(yoon.id) as { id: number; title: string };
    store.db.prepare("UPDATE person SET classification = '' WHERE id = ?").run(yoon.id);
    store.db.prepare("UPDATE meeting SET classification = 'NATO SECRET' WHERE id = ?").run(meeting.id);
    store.db
      .prepare(
        "INSERT INTO meeting_biography (meeting_id, person_id, text, classification) VALUES (?, ?, 'Former prosecutor', 'NATO RESTRICTED') ON CONFLICT DO UPDATE SET text = excluded.text, classification = excluded.classification",
      )
      .run(meeting.id, yoon.id);
    render(
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <DeleteButton entity="person" id={yoon.id} name={yoon.name} label="Delete person" />
        </ScreenMarkingsProvider>
      </SettingsProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete person' }));
    const participants = (await screen.findByText(/participant/)).closest('li') as HTMLElement;
    expect(participants.textContent).toContain(`(UNMARKED)${yoon.name} — (NS)${meeting.title}`);
    const biographies = screen.getByText(/biograph/).closest('li') as HTMLElement;
    expect(biographies.textContent).toContain(`(UNMARKED)${yoon.name} — (NS)${meeting.title} — (NR)Former prosecutor`);
  });
});

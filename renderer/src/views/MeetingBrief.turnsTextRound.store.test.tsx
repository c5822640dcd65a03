// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBriefView } from './MeetingBrief.tsx';
import { SummitView } from './Summit.tsx';

// A meeting received from another desk is titled `\u202Eksed luoeS htiw gniteeM` (the forms here refuse the
// override; that desk's did not). Shown as stored, it read "Meeting with Seoul desk". The page now names the
// character where it stands and says why, and the stored title is left as sent.

const doctored = '\u202Eksed luoeS htiw gniteeM';
let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  store.db.prepare('UPDATE meeting SET title = ? WHERE id = 1').run(doctored);
});
afterEach(cleanup);

const renderBrief = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <MeetingBriefView id={1} />
      </SettingsProvider>
    </StoreQueries>,
  );

it('names a received title’s direction override where it stands and says why, leaving the record as sent', async () => {
  renderBrief();
  const heading = await screen.findByRole('heading', { level: 1 });
  expect(heading.textContent).toMatch(/\[U\+202E\]ksed luoeS htiw gniteeM hidden characters$/);
  expect(heading.textContent).not.toContain('\u202E');
  expect((await screen.findByTestId('turns-text-round')).textContent).toMatch(
    /^This meeting holds an invisible character that turns text round/,
  );
  expect(store.db.prepare('SELECT title FROM meeting WHERE id = 1').pluck().get()).toBe(doctored);
});

it('says so in Korean', async () => {
  await store.bridge['settings.update']({ language: 'ko' });
  renderBrief();
  expect((await screen.findByTestId('turns-text-round')).textContent).toMatch(/^이 회담에는 다른 데스크가 보낸 그대로/);
});

it('says nothing for a meeting whose text holds no such character', async () => {
  store.db.prepare(`UPDATE meeting SET title = 'Bilateral with Korea' WHERE id = 1`).run();
  renderBrief();
  expect((await screen.findByRole('heading', { level: 1 })).textContent).toMatch(/Bilateral with Korea$/);
  expect(screen.queryByTestId('turns-text-round')).toBeNull();
});

it('lists the meeting under its summit with the character named too', async () => {
  const summitId = store.db.prepare('SELECT summit_id FROM meeting WHERE id = 1').pluck().get() as number;
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <SummitView id={summitId} />
      </SettingsProvider>
    </StoreQueries>,
  );
  const link = await screen.findByRole('link', { name: /^\[U\+202E\]ksed luoeS htiw gniteeM hidden characters$/ });
  expect(link.textContent).not.toContain('\u202E');
});

it('names the meeting so in the dialog that asks before deleting it', async () => {
  // jsdom has no modal dialogs: opened and closed as the browser would.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
  renderBrief();
  fireEvent.click(await screen.findByRole('button', { name: 'Delete meeting' }));
  await waitFor(() => expect(document.querySelector('dialog[open]')?.textContent).toContain('[U+202E]ksed luoeS htiw gniteeM'));
  expect(document.querySelector('dialog[open]')?.textContent).not.toContain('\u202E');
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient, queryKeyOf } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBiography } from './MeetingBiography.tsx';

// A biography for one meeting open here while another window saves one: the
// other window's text is not replaced unseen. (A file of its own: the page's
// query cache starts empty.)

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a biography for one meeting written in another window while it is open here', () => {
  const client = createQueryClient();
  const held = () => JSON.stringify(client.getQueryData(queryKeyOf('meeting.biographies', { id: 1 })) ?? null);

  it('says what it now reads, and replaces it only when saved again', async () => {
    render(
      <StoreQueries client={client}>
        <MeetingBiography meetingId={1} person={{ id: 2, name: 'Yoon Suk Yeol' }} classification="NATO UNCLASSIFIED" />
      </StoreQueries>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /Yoon Suk Yeol/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Mine' } });
    await store.bridge['meeting.setBiography']({ meetingId: 1, personId: 2, text: 'Written in the other window', expected: null });
    // This window's cache hears of the change and reads the biographies again.
    await waitFor(() => expect(held()).toContain('Written in the other window'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed elsewhere .* It now reads: “Written in the other window”/);
    expect(store.db.prepare('SELECT text FROM meeting_biography').pluck().get()).toBe('Written in the other window');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.db.prepare('SELECT text FROM meeting_biography').pluck().get()).toBe('Mine'));
  });
});

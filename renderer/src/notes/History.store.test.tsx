// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { NoteHistory } from './History.tsx';

// A laptop that travels keeps its own clock's zone; the officer reads every
// time in the desk's home zone. Nukuʻalofa (UTC+13) and this test's UTC never
// show the same hour.

afterEach(cleanup);

describe("a note's history", () => {
  it('dates each saved version in the home zone, with the zone named, not in the laptop’s', async () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toMatch(/^(UTC|Etc\/UTC|Etc\/GMT)$/);
    const store = createStoreBridge();
    setBridge(store.bridge);
    const api = store.bridge as unknown as Record<string, (request: unknown) => Promise<{ ok: boolean; value: { id: number } }>>;
    await api['settings.update']?.({ homeTimeZone: 'Pacific/Tongatapu' });
    const created = await api['note.create']?.({ meetingId: 1, title: 'Tonga readout', body: 'First line', tags: [], classification: '' });
    if (!created?.ok) throw new Error('the note was not created');
    const note = (await api['note.get']?.({ id: created.value.id }))?.value;
    render(
      <SettingsProvider>
        <NoteHistory note={note as never} />
      </SettingsProvider>,
    );
    const version = await screen.findByRole('button', { name: /^Version 1/ });
    const savedAt = new Date(store.db.prepare('SELECT saved_at FROM note_revision ORDER BY version LIMIT 1').pluck().get() as string);
    const clockIn = (timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(savedAt);
    expect(version.textContent).toContain(clockIn('Pacific/Tongatapu'));
    expect(version.textContent).toMatch(/GMT\+13/);
    expect(version.textContent).not.toContain(clockIn('UTC'));
  });
});

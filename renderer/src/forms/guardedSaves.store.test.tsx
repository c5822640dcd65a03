// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingParticipant, Summit } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { ParticipantsEditor } from '../components/ParticipantsEditor.tsx';
import { i18n } from '../i18n/index.ts';
import { MeetingBiography } from '../packs/MeetingBiography.tsx';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { EntityForm } from './EntityForm.tsx';
import { formSpecs } from './specs.ts';

// A colleague's save lands in the store after this window opened an editor,
// and this window has not been told yet (a sync between two polls, another
// window's event still on its way). The window's own guard compares with what
// it was told, so it sees nothing; the store refuses the stale save, and the
// editor shows what the record now reads, replacing it only on a second Save.
// The colleague's saves are written straight into the store: nobody is told.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
});

async function vilnius(): Promise<Summit> {
  const summit = await store.bridge['summit.get']({ id: 1 });
  if (!summit.ok) throw new Error(summit.error.message);
  return summit.value;
}

describe('an edit form whose field a colleague saved meanwhile, unannounced', () => {
  it.each([
    ['en', /changed in another window or by a sync .* It now reads: Title: “Vilnius, as the colleague retitled it”\./],
    ['ko', /다른 창이나 동기화에서 내용이 바뀌어 저장하지 않았습니다\. 지금 내용: .*“Vilnius, as the colleague retitled it”/],
  ])('is refused by the store, says what the field now reads (%s), and saves only when asked again', async (language, said) => {
    await act(() => i18n.changeLanguage(language));
    const summit = await vilnius();
    const onSaved = vi.fn();
    render(
      <EntityForm entity="summit" id={1} initial={formSpecs.summit.fromRecord({ ...summit })} stored={{ ...summit }} onSaved={onSaved} />,
    );
    store.db.prepare("UPDATE summit SET title = 'Vilnius, as the colleague retitled it' WHERE id = 1").run();
    fireEvent.change(screen.getByLabelText(language === 'en' ? 'Title' : '제목'), { target: { value: 'Vilnius, as typed here' } });
    fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Save' : '저장' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(said);
    expect(onSaved).not.toHaveBeenCalled();
    expect((await vilnius()).title).toBe('Vilnius, as the colleague retitled it');
    fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Save' : '저장' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((await vilnius()).title).toBe('Vilnius, as typed here');
  });
});

describe('the participants editor whose list a colleague changed meanwhile, unannounced', () => {
  it('is refused by the store, says who the participants now are, and replaces them only when saved again', async () => {
    const brief = await store.bridge['meeting.brief']({ id: 1 });
    if (!brief.ok) throw new Error(brief.error.message);
    const opened: MeetingParticipant[] = brief.value.participants;
    const onDone = vi.fn();
    render(<ParticipantsEditor meetingId={1} participants={opened} onDone={onDone} />);
    const stoltenberg = opened.find((participant) => participant.name === 'Jens Stoltenberg');
    store.db.prepare('DELETE FROM meeting_participant WHERE meeting_id = 1 AND person_id = ?').run(stoltenberg?.personId);
    const yoonRow = opened.findIndex((participant) => participant.name === 'Yoon Suk Yeol') + 1;
    fireEvent.change(screen.getByLabelText(`Role, row ${yoonRow}`), { target: { value: 'Guest of honour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed elsewhere .* They are now: Yoon Suk Yeol/);
    expect(onDone).not.toHaveBeenCalled();
    expect(store.db.prepare('SELECT count(*) FROM meeting_participant WHERE meeting_id = 1').pluck().get()).toBe(opened.length - 1);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(store.db.prepare('SELECT count(*) FROM meeting_participant WHERE meeting_id = 1').pluck().get()).toBe(opened.length);
  });
});

describe('a meeting biography a colleague saved meanwhile, unannounced', () => {
  it('is refused by the store, says what it now reads, and is replaced only when saved again', async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <MeetingBiography meetingId={1} person={{ id: 2, name: 'Yoon Suk Yeol' }} classification="NATO UNCLASSIFIED" />
      </StoreQueries>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /Yoon Suk Yeol/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Mine' } });
    store.db.prepare("INSERT INTO meeting_biography (meeting_id, person_id, text) VALUES (1, 2, 'Written by the colleague')").run();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed elsewhere .* It now reads: “Written by the colleague”/);
    expect(store.db.prepare('SELECT text FROM meeting_biography').pluck().get()).toBe('Written by the colleague');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.db.prepare('SELECT text FROM meeting_biography').pluck().get()).toBe('Mine'));
  });
});

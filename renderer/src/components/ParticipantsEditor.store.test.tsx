// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingParticipant } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ParticipantsEditor } from './ParticipantsEditor.tsx';
import { UndoProvider } from './Undo.tsx';

// The participants editor against the real store: a list saved in another
// window while this one is open must not be dropped by this one's save unseen.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

async function participantsOf(meetingId: number): Promise<MeetingParticipant[]> {
  const brief = await store.bridge['meeting.brief']({ id: meetingId });
  if (!brief.ok) throw new Error(brief.error.message);
  return brief.value.participants;
}
const storedNames = async () => (await participantsOf(1)).map((participant) => participant.name);

describe('the participants editor open while another window changes the list', () => {
  it('says who the participants now are and replaces them only when saved again', async () => {
    const onDone = vi.fn();
    const editor = (list: MeetingParticipant[]) => <ParticipantsEditor meetingId={1} participants={list} onDone={onDone} />;
    const opened = await participantsOf(1);
    const view = render(editor(opened));
    // The other window takes Stoltenberg off the list.
    const otherWindow = opened.filter((participant) => participant.name !== 'Jens Stoltenberg');
    const other = await store.bridge['meeting.setParticipants']({
      id: 1,
      participants: otherWindow.map(({ personId, side, role }) => ({ personId, side, role })),
      // The other window is an editor too: it says what it opened.
      expected: opened.map(({ personId, side, role }) => ({ personId, side, role })),
    });
    expect(other.ok).toBe(true);
    view.rerender(editor(await participantsOf(1)));
    const yoonRow = opened.findIndex((participant) => participant.name === 'Yoon Suk Yeol') + 1;
    fireEvent.change(screen.getByLabelText(`Role, row ${yoonRow}`), { target: { value: 'Guest of honour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed elsewhere .* They are now: Yoon Suk Yeol \(윤석열\)\./);
    expect(await storedNames()).toEqual(['Yoon Suk Yeol']);
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    // The list saved on purpose is this window's: both people, Yoon with the new role.
    const saved = new Map((await participantsOf(1)).map((participant) => [participant.name, participant.role]));
    expect(saved).toEqual(
      new Map([...opened.map((participant) => [participant.name, participant.role] as const), ['Yoon Suk Yeol', 'Guest of honour']]),
    );
  });

  it('writes nothing when the list was left as it opened', async () => {
    const onDone = vi.fn();
    const opened = await participantsOf(1);
    const view = render(<ParticipantsEditor meetingId={1} participants={opened} onDone={onDone} />);
    await store.bridge['meeting.setParticipants']({ id: 1, participants: [], expected: null });
    view.rerender(<ParticipantsEditor meetingId={1} participants={[]} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(await storedNames()).toEqual([]);
  });
});

describe('the participants editor given the same person twice', () => {
  it('names the person and both rows, marks the rows, and writes nothing', async () => {
    const onDone = vi.fn();
    const opened = await participantsOf(1);
    render(<ParticipantsEditor meetingId={1} participants={opened} onDone={onDone} />);
    const yoon = opened.find((participant) => participant.name === 'Yoon Suk Yeol');
    if (!yoon) throw new Error('the sample meeting has Yoon Suk Yeol');
    const yoonRow = opened.indexOf(yoon) + 1;
    const added = opened.length + 1;
    fireEvent.click(screen.getByRole('button', { name: 'Add participant' }));
    fireEvent.change(screen.getByLabelText(`Person, row ${added}`), { target: { value: String(yoon.personId) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `Yoon Suk Yeol (윤석열) is in rows ${yoonRow} and ${added}: each person may appear once. Remove one of the rows.`,
    );
    expect(screen.getByLabelText(`Person, row ${yoonRow}`).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(`Person, row ${added}`).getAttribute('aria-invalid')).toBe('true');
    expect(await participantsOf(1)).toEqual(opened);
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('a participant removed and saved', () => {
  it('is said by name, and Undo puts them back with their side and role', async () => {
    const onDone = vi.fn();
    const opened = await participantsOf(1);
    render(
      <UndoProvider>
        <ParticipantsEditor meetingId={1} participants={opened} onDone={onDone} />
      </UndoProvider>,
    );
    const row = opened.findIndex((participant) => participant.name === 'Jens Stoltenberg') + 1;
    fireEvent.click(screen.getByRole('button', { name: `Remove row ${row}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Removed from the meeting: Jens Stoltenberg')).toBeTruthy();
    expect(await storedNames()).toEqual(['Yoon Suk Yeol']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Put back in the meeting: Jens Stoltenberg')).toBeTruthy();
    const asSaved = (list: MeetingParticipant[]) => list.map(({ name, side, role }) => [name, side, role]).sort();
    expect(asSaved(await participantsOf(1))).toEqual(asSaved(opened));
  });
});

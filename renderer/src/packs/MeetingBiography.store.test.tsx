// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxMeetingBiography } from '../../../shared/fieldRules.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBiography } from './MeetingBiography.tsx';

// A biography written for one meeting, against the real store: a refusal is
// told in the interface language, naming the field, and nothing is stored.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const stored = () => store.db.prepare('SELECT count(*) FROM meeting_biography').pluck().get();

describe('a biography for one meeting that cannot be saved', () => {
  it('says so in Korean, naming the field, never in the store’s English, and stores nothing', async () => {
    await i18n.changeLanguage('ko');
    render(<MeetingBiography meetingId={1} person={{ id: 2, name: 'Yoon Suk Yeol' }} classification="NATO UNCLASSIFIED" />);
    fireEvent.click(await screen.findByRole('button', { name: /Yoon Suk Yeol/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'pasted\u0001text' } });
    fireEvent.click(screen.getByRole('button', { name: '저장' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^“이 회담용 약력: Yoon Suk Yeol”을\(를\) 저장하지 않았습니다\. .*제어 문자/);
    expect(alert.textContent).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
    expect(stored()).toBe(0);
  });
});

describe('a biography written for one meeting, once saved', () => {
  it('shows the meeting’s portion mark beside it: the text is the meeting’s, not the person’s', async () => {
    // Written under the meeting's marking, above the person's (NATO UNCLASSIFIED): the text carries it from then on.
    store.db.prepare(`UPDATE meeting SET classification = 'NATO CONFIDENTIAL' WHERE id = 1`).run();
    await store.bridge['meeting.setBiography']({ meetingId: 1, personId: 2, text: 'Asked about the exercise plan.', expected: null });
    // A query cache of its own: the test above read this meeting's biographies before one was written.
    render(
      <StoreQueries client={createQueryClient()}>
        <MeetingBiography meetingId={1} person={{ id: 2, name: 'Yoon Suk Yeol' }} classification="NATO CONFIDENTIAL" />
      </StoreQueries>,
    );
    const heading = await screen.findByRole('heading', { name: /Yoon Suk Yeol/ });
    // Outside the settings the mark is spelled out; in the app it is the scheme’s short mark.
    expect(heading.textContent).toMatch(/^\(NATO CONFIDENTIAL\) /);
  });
});

describe('a long biography pasted for one meeting', () => {
  const write = async () => {
    render(
      <StoreQueries client={createQueryClient()}>
        <MeetingBiography meetingId={1} person={{ id: 2, name: 'Yoon Suk Yeol' }} classification="NATO UNCLASSIFIED" />
      </StoreQueries>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /Yoon Suk Yeol/ }));
    return screen.getByRole('textbox') as HTMLTextAreaElement;
  };

  it('is never cut by the field: one too long is refused with both lengths, and nothing is stored', async () => {
    const field = await write();
    // The field stopped at 20,000 characters and dropped the rest of a paste without a word.
    expect(field.maxLength).toBe(-1);
    fireEvent.change(field, { target: { value: 'Career diplomat. '.repeat(1_200) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('20400');
    expect(alert.textContent).toContain(String(maxMeetingBiography));
    expect(stored()).toBe(0);
  });

  it('is stored whole at the limit', async () => {
    const field = await write();
    fireEvent.change(field, { target: { value: 'x'.repeat(maxMeetingBiography) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.db.prepare('SELECT length(text) FROM meeting_biography').pluck().get()).toBe(maxMeetingBiography));
  });
});

describe('a biography typed through a Hangul input method', () => {
  it('stays open with its text when Escape ends the syllable being composed', async () => {
    render(<MeetingBiography meetingId={1} person={{ id: 2, name: 'Yoon Suk Yeol' }} classification="NATO UNCLASSIFIED" />);
    fireEvent.click(await screen.findByRole('button', { name: /Yoon Suk Yeol/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '2022년 5월 취임. 울란바토르 방문' } });
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Escape', isComposing: true });
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('2022년 5월 취임. 울란바토르 방문');
    expect(stored()).toBe(0);
  });
});

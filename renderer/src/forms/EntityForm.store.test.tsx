// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankBrief, type Summit } from '../../../shared/domain.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { EntityForm } from './EntityForm.tsx';
import { formSpecs } from './specs.ts';

// The form against the real store (as Actual Budget tests its UI against its
// server): the real dispatch, schemas and handlers over an in-memory SQLite
// database with the sample briefing. What the store refuses must come back to
// the field it names, and what the form refuses must never reach the store.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  // A form left unsaved keeps its draft for the tab: each test starts with none.
  window.sessionStorage.clear();
});

const writes = () => store.calls.filter((call) => /\.(create|update|delete)$/.test(call.channel));
const storedSummit = (id: number) => store.db.prepare('SELECT title, start_date AS startDate FROM summit WHERE id = ?').get(id);
// The first message a control is described by: its error, else its warning (a hint, if any, comes last).
const messageAt = (control: HTMLElement) =>
  document.getElementById(control.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent;

async function vilnius(): Promise<Summit> {
  const result = await store.bridge['summit.view']({ id: 1 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.summit;
}

describe('the record form against the real store', () => {
  it('refuses a pasted control character at its field, in the interface language, and sends nothing', async () => {
    const summit = await vilnius();
    const before = storedSummit(1);
    render(<EntityForm entity="summit" id={1} initial={formSpecs.summit.fromRecord({ ...summit })} />);
    const title = screen.getByLabelText('Title');
    fireEvent.change(title, { target: { value: 'NATO\u0001Summit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(messageAt(title)).toBe('Must be one line, without line breaks or control characters.');
    expect(writes()).toEqual([]);
    expect(storedSummit(1)).toEqual(before);
  });

  it('shows a refusal only the store can make (the summit deleted meanwhile) on the form, and nothing is saved', async () => {
    const values = {
      ...formSpecs.meeting.blank(),
      title: 'Orphaned pull-aside',
      date: '2023-07-11',
      timeZone: 'Europe/Vilnius',
      summitId: '1',
    };
    render(<EntityForm entity="meeting" initial={values} />);
    await screen.findByRole('option', { name: /NATO Summit, Vilnius 2023$/ });
    store.db.prepare('DELETE FROM summit WHERE id = 1').run();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const summit = screen.getByLabelText('Summit', { exact: true });
    await waitFor(() => expect(summit.getAttribute('aria-invalid')).toBe('true'));
    // Why, not a guess at line breaks or control characters in a choice from a list.
    expect(messageAt(summit)).toBe(
      'The record this refers to no longer exists (it may have been deleted in another window). Nothing was saved.',
    );
    expect(writes()).toEqual([expect.objectContaining({ channel: 'meeting.create', ok: false })]);
    expect(store.db.prepare("SELECT count(*) FROM meeting WHERE title = 'Orphaned pull-aside'").pluck().get()).toBe(0);
  });

  it('refuses a programme code already in use at its Code field, in English and Korean, and saves nothing', async () => {
    const programmes = () => store.db.prepare('SELECT count(*) FROM programme').pluck().get();
    const before = programmes();
    try {
      for (const [language, label, said] of [
        ['en', 'Code (e.g. ITPP)', 'Another record already uses this name or code. Nothing was changed.'],
        ['ko', '약칭(예: ITPP)', '다른 기록이 이미 이 이름이나 약칭을 쓰고 있습니다. 아무것도 바뀌지 않았습니다.'],
      ] as const) {
        await act(() => i18n.changeLanguage(language));
        render(<EntityForm entity="programme" initial={{ ...formSpecs.programme.blank(), code: 'ITPP', name: 'Kerja sama iklim' }} />);
        fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Create' : '만들기' }));
        const code = screen.getByLabelText(label);
        await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
        expect(messageAt(code)).toBe(said);
        cleanup();
      }
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
    expect(programmes()).toBe(before);
  });

  it('checks every field before sending, focuses the first one at fault, and sends nothing', async () => {
    render(<EntityForm entity="summit" initial={{ ...formSpecs.summit.blank(), timeZone: 'Europe/Nowhere' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.getByRole('alert').textContent).toMatch(/^Nothing was saved\. Check: Title, .*Time zone/);
    expect(screen.getByLabelText(/Time zone/).getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toEqual([]);
  });

  it('creates a summit the store then holds, and goes to its page', async () => {
    const initial = { ...formSpecs.summit.blank(), title: 'Washington Summit 2024', startDate: '2024-07-09', endDate: '2024-07-11' };
    render(<EntityForm entity="summit" initial={{ ...initial, timeZone: 'America/New_York' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/summit\/\d+$/));
    const id = Number(window.location.hash.split('/')[2]);
    expect(storedSummit(id)).toEqual({ title: 'Washington Summit 2024', startDate: '2024-07-09' });
  });

  it('leaves an officer who went elsewhere while it saved where they went', async () => {
    const initial = { ...formSpecs.summit.blank(), title: 'OSCE Ministerial Council, Valletta', startDate: '2028-12-04' };
    window.location.hash = '#/new/summit';
    render(<EntityForm entity="summit" initial={{ ...initial, timeZone: 'Europe/Malta' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    // Clicked on People before the store answered.
    window.location.hash = '#/people';
    const stored = () => store.db.prepare(`SELECT count(*) FROM summit WHERE title = 'OSCE Ministerial Council, Valletta'`).pluck().get();
    await waitFor(() => expect(stored()).toBe(1));
    // The answer has been handled once the form's draft is dropped and its saving state over.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create' }).hasAttribute('disabled')).toBe(false));
    expect(window.location.hash).toBe('#/people');
  });

  it('refuses a stored day that does not exist (30 February) at its field, in the interface language, and sends nothing', async () => {
    const summit = await vilnius();
    render(<EntityForm entity="summit" id={1} initial={formSpecs.summit.fromRecord({ ...summit, startDate: '2024-02-30' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const start = screen.getByLabelText('Start date');
    await waitFor(() => expect(start.getAttribute('aria-invalid')).toBe('true'));
    expect(messageAt(start)).toBe('Not a real date. Use YYYY-MM-DD, in the years 1 to 9999.');
    expect(writes()).toEqual([]);
  });

  it('refuses a meeting whose venue time is past year 9999 in UTC at the date, and sends nothing', async () => {
    const values = {
      ...formSpecs.meeting.blank(),
      title: 'Last call',
      date: '9999-12-31',
      startTimeKnown: true,
      time: '23:00',
      timeZone: 'Pacific/Honolulu',
    };
    render(<EntityForm entity="meeting" initial={values} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const date = screen.getByLabelText('Date (venue)');
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(messageAt(date)).toBe('Not a real date. Use YYYY-MM-DD, in the years 1 to 9999.');
    expect(writes()).toEqual([]);
  });
});

describe('dates the store accepts but that are most likely a slip', () => {
  const meetingOn = (date: string) => ({
    ...formSpecs.meeting.blank(),
    title: 'Pull-aside with the Secretary General',
    date,
    timeZone: 'Europe/Vilnius',
    summitId: '1',
  });

  it('takes a time typed on the 24-hour clock without its colon, in any browser language, and names the format it takes', async () => {
    // Round 34's trial in a US-English browser: Chromium's own time control wanted AM or PM, left "0930" incomplete and
    // refused it with words asking for HH:MM. The field is text now, read the same everywhere.
    render(<EntityForm entity="meeting" initial={{ ...meetingOn('2023-07-11'), summitId: '' }} />);
    const time = screen.getByLabelText('Time (venue)');
    expect(messageAt(time)).toBe('24-hour clock: 09:30 or 0930.');
    fireEvent.change(time, { target: { value: '2400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBe('true'));
    expect(messageAt(time)).toBe(
      'Not a time of day. Type hours and minutes on the 24-hour clock, from 00:00 to 23:59: 09:30, 0930 or 21:30.',
    );
    expect(writes()).toEqual([]);
    fireEvent.change(time, { target: { value: '0930' } });
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBe('false'));
    expect(screen.getByLabelText('Time of day is known')).toHaveProperty('checked', true);
    // What was typed stays until the caret leaves; then the field shows the time it read.
    expect(time).toHaveProperty('value', '0930');
    fireEvent.blur(time);
    expect(time).toHaveProperty('value', '09:30');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(writes().map((call) => call.channel)).toEqual(['meeting.create']));
    // 09:30 in Vilnius (summer time, UTC+3).
    expect(writes()[0]?.request).toMatchObject({ startsAt: '2023-07-11T06:30:00.000Z', startTimeKnown: true });
  });

  it('warns at the meeting’s date when it falls well outside its summit, and still saves it as typed', async () => {
    render(<EntityForm entity="meeting" initial={meetingOn('2023-07-11')} />);
    await screen.findByRole('option', { name: /NATO Summit, Vilnius 2023$/ });
    const date = screen.getByLabelText('Date (venue)');
    expect(screen.queryByRole('status')).toBeNull();
    // A day or two either side (arrival, side meetings) is usual: no warning.
    fireEvent.change(date, { target: { value: '2023-07-13' } });
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.change(date, { target: { value: '2023-08-11' } });
    expect(messageAt(date)).toBe(
      'Check the date: it is 31 days outside the summit’s dates (2023-07-11 to 2023-07-11). It will be saved as typed.',
    );
    expect(date.getAttribute('aria-invalid')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(writes().map((call) => call.channel)).toEqual(['meeting.create']));
  });

  it('warns at a time the clocks pass twice, naming both, in Korean too, and saves the later unless the first is chosen', async () => {
    const values = { ...meetingOn('2026-10-25'), summitId: '', timeZone: 'Europe/London', startTimeKnown: true, time: '00:30' };
    render(<EntityForm entity="meeting" initial={values} />);
    const time = screen.getByLabelText('Time (venue)');
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.change(time, { target: { value: '01:30' } });
    expect(messageAt(time)).toBe(
      'The clocks go back that night, so 01:30 happens twice: first in 01:30 BST, then an hour later in 01:30 GMT. Choose below which one the venue means.',
    );
    expect(screen.getByLabelText('Which of the two times')).toHaveProperty('value', 'later');
    expect(time.getAttribute('aria-invalid')).toBe('false');
    await act(() => i18n.changeLanguage('ko'));
    try {
      expect(messageAt(screen.getByLabelText('시각 (현지)'))).toContain('01:30 BST');
      expect(messageAt(screen.getByLabelText('시각 (현지)'))).toMatch(
        /한 시간 뒤 01:30 GMT\. 어느 쪽인지 현지에 확인하고 아래에서 고르세요/,
      );
      expect(screen.getByRole('option', { name: '첫 번째: 01:30 BST' })).toBeTruthy();
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
    // An hour that happens once says nothing.
    fireEvent.change(time, { target: { value: '02:30' } });
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.change(time, { target: { value: '01:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(writes().map((call) => call.channel)).toEqual(['meeting.create']));
    expect(writes()[0]?.request).toMatchObject({ startsAt: '2026-10-25T01:30:00.000Z' });
  });

  it('lets the desk choose the first of a time the clocks pass twice, with the true gap (Lord Howe goes back half an hour)', async () => {
    const values = { ...meetingOn('2027-04-04'), summitId: '', timeZone: 'Australia/Lord_Howe', startTimeKnown: true, time: '09:00' };
    render(<EntityForm entity="meeting" initial={values} />);
    // A time that happens once offers no choice.
    expect(screen.queryByLabelText('Which of the two times')).toBeNull();
    const time = screen.getByLabelText('Time (venue)');
    fireEvent.change(time, { target: { value: '01:45' } });
    expect(messageAt(time)).toBe(
      'The clocks go back 30 minutes that night, so 01:45 happens twice: first in 01:45 GMT+11, then 30 minutes later in 01:45 GMT+10:30. Choose below which one the venue means.',
    );
    const which = screen.getByLabelText('Which of the two times');
    expect(which).toHaveProperty('value', 'later');
    fireEvent.change(which, { target: { value: 'earlier' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(writes().map((call) => call.channel)).toEqual(['meeting.create']));
    // 01:45 Lord Howe daylight time (UTC+11), not the later 01:45 at UTC+10:30.
    expect(writes()[0]?.request).toMatchObject({ startsAt: '2027-04-03T14:45:00.000Z' });
    cleanup();

    // Opened again, the form shows the first as chosen, and an edit elsewhere leaves the time alone.
    const { id } = store.db.prepare('SELECT max(id) AS id FROM meeting').get() as { id: number };
    const created = await store.bridge['meeting.get']({ id });
    if (!created.ok) throw new Error(created.error.message);
    render(<EntityForm entity="meeting" id={created.value.id} initial={formSpecs.meeting.fromRecord({ ...created.value })} />);
    expect(screen.getByLabelText('Which of the two times')).toHaveProperty('value', 'earlier');
    fireEvent.change(screen.getByLabelText('Venue'), { target: { value: 'Lord Howe Island Board office' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes().map((call) => call.channel)).toEqual(['meeting.create', 'meeting.update']));
    expect(writes()[1]?.request).toMatchObject({ patch: { venue: 'Lord Howe Island Board office' } });
    expect(Object.keys((writes()[1]?.request as { patch: object } | undefined)?.patch ?? {})).toEqual(['venue']);
  });

  it('warns at a year before 1945 or after 2100, in Korean too', async () => {
    const summit = await vilnius();
    render(<EntityForm entity="summit" id={1} initial={formSpecs.summit.fromRecord({ ...summit })} />);
    const end = screen.getByLabelText('End date');
    fireEvent.change(end, { target: { value: '2203-07-12' } });
    expect(messageAt(end)).toBe('Check the year: 2203 is before 1945 or after 2100. It will be saved as typed.');
    await act(() => i18n.changeLanguage('ko'));
    try {
      expect(messageAt(screen.getByLabelText('종료일'))).toBe(
        '연도를 확인하세요: 2203년은 1945년 이전이거나 2100년 이후입니다. 입력한 대로 저장됩니다.',
      );
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
  });
  it('names a Buddhist Era year typed from Thai papers, with its Gregorian year, in Korean too', async () => {
    const summit = await vilnius();
    render(<EntityForm entity="summit" id={1} initial={formSpecs.summit.fromRecord({ ...summit })} />);
    const end = screen.getByLabelText('End date');
    fireEvent.change(end, { target: { value: '2567-10-11' } });
    expect(messageAt(end)).toBe(
      'Check the year: 2567 looks like a Buddhist Era year, which is 2024 in the calendar Sherpa uses. It will be saved as typed.',
    );
    await act(() => i18n.changeLanguage('ko'));
    try {
      expect(messageAt(screen.getByLabelText('종료일'))).toBe(
        '연도를 확인하세요: 2567년은 불기 연도로 보이며, Sherpa가 쓰는 서력으로는 2024년입니다. 입력한 대로 저장됩니다.',
      );
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
  });
});

describe('an edit form opened before another window saved the same record', () => {
  it('writes only the field the user changed, keeping what the other window saved in the others', async () => {
    const summit = await vilnius();
    render(<EntityForm entity="summit" id={1} initial={formSpecs.summit.fromRecord({ ...summit })} />);
    const other = await store.bridge['summit.update']({
      id: 1,
      patch: { city: 'Vilnius (Litexpo)', description: 'Changed in the other window' },
      expected: { city: summit.city, description: summit.description },
    });
    expect(other.ok).toBe(true);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'NATO Summit, Vilnius 2023 (retitled)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes()).toHaveLength(2));
    expect(store.db.prepare('SELECT title, city, description FROM summit WHERE id = 1').get()).toEqual({
      title: 'NATO Summit, Vilnius 2023 (retitled)',
      city: 'Vilnius (Litexpo)',
      description: 'Changed in the other window',
    });
  });
});

describe('a record form whose page reloads before it is saved', () => {
  const newPerson = () => <EntityForm entity="person" initial={formSpecs.person.blank()} />;
  /** A reload: the page goes without React unmounting anything (sessionStorage stays as it was), and a new page renders. */
  const reload = () => {
    const storage = window.sessionStorage;
    const kept = new Map<string, string>();
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null) kept.set(key, storage.getItem(key) ?? '');
    }
    cleanup();
    for (const [key, value] of kept) window.sessionStorage.setItem(key, value);
    render(newPerson());
  };

  it('finds what was typed again, says so, and saves it', async () => {
    window.location.hash = '#/new/person';
    render(newPerson());
    fireEvent.change(screen.getByLabelText('Name', { exact: true }), { target: { value: 'Maria da Conceição' } });
    fireEvent.change(screen.getByLabelText('Biography'), { target: { value: 'b'.repeat(10_000) } });
    reload();
    expect((screen.getByLabelText('Name', { exact: true }) as HTMLInputElement).value).toBe('Maria da Conceição');
    expect((screen.getByLabelText('Biography') as HTMLTextAreaElement).value).toHaveLength(10_000);
    expect(screen.getByRole('status').textContent).toContain(
      'Restored what you had typed here before you left this form or the page reloaded',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(store.db.prepare("SELECT count(*) FROM person WHERE name = 'Maria da Conceição'").pluck().get()).toBe(1));
  });

  it('keeps what was typed when Back leaves the form, saying so when it opens again', async () => {
    window.location.hash = '#/new/person';
    const left = render(newPerson());
    fireEvent.change(screen.getByLabelText('Name', { exact: true }), { target: { value: 'Left behind' } });
    // Back: the route changes and the form unmounts, with nothing saved.
    left.unmount();
    render(newPerson());
    expect((screen.getByLabelText('Name', { exact: true }) as HTMLInputElement).value).toBe('Left behind');
    expect(screen.getByRole('status').textContent).toContain('before you left this form');
  });

  it('starts empty after Cancel, and after "Discard it"', async () => {
    window.location.hash = '#/new/person';
    const cancelled = render(newPerson());
    fireEvent.change(screen.getByLabelText('Name', { exact: true }), { target: { value: 'Cancelled' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    cancelled.unmount();
    window.location.hash = '#/new/person';
    render(newPerson());
    expect((screen.getByLabelText('Name', { exact: true }) as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Name', { exact: true }), { target: { value: 'Thrown away' } });
    reload();
    fireEvent.click(screen.getByRole('button', { name: 'Discard it' }));
    expect((screen.getByLabelText('Name', { exact: true }) as HTMLInputElement).value).toBe('');
    reload();
    expect((screen.getByLabelText('Name', { exact: true }) as HTMLInputElement).value).toBe('');
  });
});

describe('a person’s title in Korean', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('is labelled as a job title (직함), while a summit’s title stays 제목', async () => {
    await i18n.changeLanguage('ko');
    render(<EntityForm entity="person" initial={formSpecs.person.blank()} />);
    expect(screen.getByLabelText('직함')).toBeTruthy();
    expect(screen.queryByLabelText('제목')).toBeNull();
    cleanup();
    render(<EntityForm entity="summit" initial={formSpecs.summit.blank()} />);
    expect(screen.getByLabelText('제목')).toBeTruthy();
  });
});

describe('a follow-up action moved to another summit’s meeting', () => {
  it('chooses the summit, then its meeting, and saves only the move', async () => {
    const santiago = await store.bridge['summit.create']({
      title: 'Ministerial de seguimiento Santiago 2027',
      city: 'Santiago de Chile',
      countryId: null,
      startDate: '2027-04-02',
      endDate: '2027-04-05',
      timeZone: 'America/Santiago',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    if (!santiago.ok) throw new Error(santiago.error.message);
    const meeting = await store.bridge['meeting.create']({
      ...blankBrief,
      summitId: santiago.value.id,
      title: 'Reunión bilateral con Chile',
      format: 'bilateral',
      startsAt: '2027-04-03T21:00:00.000Z',
      startTimeKnown: true,
      durationMinutes: 60,
      timeZone: 'America/Santiago',
      venue: '',
      interpreters: '',
      press: 'closed',
      status: 'planned',
      counterpartId: null,
      classification: 'NATO UNCLASSIFIED',
      sourceId: null,
    });
    if (!meeting.ok) throw new Error(meeting.error.message);
    const vilniusMeeting = store.db.prepare('SELECT min(id) AS id FROM meeting WHERE summit_id = 1').get() as { id: number };
    const action = await store.bridge['followUp.create']({
      meetingId: vilniusMeeting.id,
      description: 'Send the note on financing',
      owner: 'AU desk',
      dueOn: null,
      status: 'open',
      classification: 'NATO UNCLASSIFIED',
    });
    if (!action.ok) throw new Error(action.error.message);

    // A cache of its own: the page's holds other tests' stores, whose summits had the same ids.
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <EntityForm entity="followUp" id={action.value.id} initial={formSpecs.followUp.fromRecord({ ...action.value })} />
        </SettingsProvider>
      </StoreQueries>,
    );
    const summit = screen.getByLabelText('Summit of the meeting');
    await waitFor(() => expect(summit).toHaveProperty('value', '1'));
    fireEvent.change(summit, { target: { value: String(santiago.value.id) } });
    const chosen = screen.getByLabelText('Meeting');
    await waitFor(() => expect(chosen.textContent).toContain('(NU) Reunión bilateral con Chile — Sat, 3 Apr 2027'));
    fireEvent.change(chosen, { target: { value: String(meeting.value.id) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes().map((call) => call.channel)).toContain('followUp.update'));
    expect(writes().at(-1)?.request).toMatchObject({ patch: { meetingId: meeting.value.id }, expected: { meetingId: vilniusMeeting.id } });
    expect(store.db.prepare('SELECT meeting_id AS meetingId FROM follow_up WHERE id = ?').get(action.value.id)).toEqual({
      meetingId: meeting.value.id,
    });
  });
});

describe('a new follow-up action opened from its meeting', () => {
  it('takes what is typed at once in its description, not in the meeting’s summit', async () => {
    render(<EntityForm entity="followUp" initial={{ ...formSpecs.followUp.blank(), meetingId: '1' }} />);
    expect(document.activeElement).toBe(screen.getByLabelText('Description'));
  });
});

describe('a date typed in the desk’s habit, day first, into a control that reads month first', () => {
  const hintAt = (control: HTMLElement) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .find((element) => element?.className === 'field-hint')?.textContent;

  it('says in words which day the control read, so 05/11 read as 11 May shows before saving', async () => {
    render(
      <EntityForm entity="summit" initial={{ ...formSpecs.summit.blank(), title: 'Cumbre Mercosur', timeZone: 'America/Montevideo' }} />,
    );
    const start = screen.getByLabelText('Start date');
    expect(hintAt(start)).toBeUndefined();
    // What Chromium's en-US control holds after "05/11/2026" typed for 5 November.
    fireEvent.change(start, { target: { value: '2026-05-11' } });
    expect(hintAt(start)).toBe('Reads as Monday, 11 May 2026.');
    const end = screen.getByLabelText('End date');
    fireEvent.change(end, { target: { value: '2026-10-27' } });
    expect(hintAt(end)).toBe('Leave blank for a one-day summit. Reads as Tuesday, 27 October 2026.');
  });

  it('refuses the overflowing year "24/10/2026" leaves, naming the order the control reads, and sends nothing', async () => {
    render(
      <EntityForm entity="summit" initial={{ ...formSpecs.summit.blank(), title: 'Cumbre Mercosur', timeZone: 'America/Montevideo' }} />,
    );
    const start = screen.getByLabelText('Start date');
    // "24/10/2026" typed into the en-US control: month 2, day 4, then the year takes "102026".
    fireEvent.change(start, { target: { value: '102026-02-04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(start.getAttribute('aria-invalid')).toBe('true'));
    expect(messageAt(start)).toBe(
      'Not a real date: the year must be 1 to 9999. This field reads a typed date as MM/DD/YYYY, so a date typed in another order lands in the wrong places.',
    );
    expect(writes()).toEqual([]);
  });
});

describe('a refused field corrected before the next Create', () => {
  it('drops its message once its value is acceptable, and says the new problem while it is not', async () => {
    render(
      <EntityForm entity="summit" initial={{ ...formSpecs.summit.blank(), title: 'Cumbre Mercosur', timeZone: 'America/Montevideo' }} />,
    );
    const start = screen.getByLabelText('Start date');
    fireEvent.change(start, { target: { value: '102026-02-04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(start.getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(start, { target: { value: '' } });
    expect(messageAt(start)).toBe('This field is required.');
    fireEvent.change(start, { target: { value: '2026-10-23' } });
    expect(start.getAttribute('aria-invalid')).toBe('false');
    expect(messageAt(start)).toBe('Reads as Friday, 23 October 2026.');
    // Another field's refusal is not touched by this one's correction.
    const title = screen.getByLabelText('Title');
    fireEvent.change(title, { target: { value: '' } });
    expect(title.getAttribute('aria-invalid')).toBe('false');
    expect(writes()).toEqual([]);
  });
});

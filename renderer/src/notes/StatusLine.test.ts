import { describe, expect, it } from 'vitest';
import { BridgeError } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { statusText } from './StatusLine.tsx';
import { DraftJournalFull, NoteTextHasDirectionOverride, NoteTextTooLong } from './saveQueue.ts';

// A pasted control character, or a text past the limit, is refused by the
// store with its own English words; the note's status line must name the
// field as the user sees it, in the interface language, instead.
const refusedBody = new BridgeError({ code: 'invalid_request', field: 'body', message: 'body: must not contain control characters' });
const labels = (field: string) => ({ body: field === 'body' ? 'Note text' : undefined })[field];

describe('a note the store refused to save', () => {
  it('names the field by its label in English, without the store’s text', () => {
    const text = statusText({ state: 'failed', error: refusedBody }, i18n.getFixedT('en'), labels);
    expect(text).toContain('Not saved');
    expect(text).toContain('“Note text” was not accepted');
    expect(text).not.toMatch(/body:|must not contain/);
  });

  it('says so in Korean, without the store’s English', () => {
    const text = statusText({ state: 'failed', error: refusedBody }, i18n.getFixedT('ko'), () => '메모 내용');
    expect(text).toContain('저장되지 않음');
    expect(text).toContain('“메모 내용”');
    expect(text).not.toMatch(/[a-z]{3,}/);
  });

  it('says a full draft journal in the interface language', () => {
    expect(statusText({ state: 'failed', error: new DraftJournalFull() }, i18n.getFixedT('ko'), labels)).not.toMatch(/journal/);
  });

  it('says a text over the limit by its length and the limit, in English and in Korean', () => {
    const over = { state: 'failed' as const, error: new NoteTextTooLong(1_048_576, 100_000) };
    expect(statusText(over, i18n.getFixedT('en'), labels)).toBe(
      'Not saved: “Note text” is too long: 1,048,576 characters, at most 100,000. Shorten it or split it into several notes; the text is still here.',
    );
    const korean = statusText(over, i18n.getFixedT('ko'), () => '메모 내용');
    expect(korean).toContain('“메모 내용”');
    expect(korean).toContain('1,048,576');
    expect(korean).not.toMatch(/[a-z]{3,}/);
  });

  it('says a text that holds a direction override, naming the field, in English and in Korean', () => {
    const turned = { state: 'failed' as const, error: new NoteTextHasDirectionOverride() };
    const english = statusText(turned, i18n.getFixedT('en'), labels);
    expect(english).toMatch(/^Not saved: “Note text” holds an invisible character that turns the text round/);
    expect(english).toContain('the text is still here');
    const korean = statusText(turned, i18n.getFixedT('ko'), () => '메모 내용');
    expect(korean).toContain('“메모 내용”');
    expect(korean).not.toMatch(/[a-z]{3,}/);
  });
});

// A note typed and then reloaded before its first save comes back as recovered text beside the stored version: the
// status line said "this note was changed elsewhere" though no other window or desk had touched it.
describe('text recovered after a reload, set beside the stored note', () => {
  const stored = {
    id: 1,
    sectorEntryId: null,
    summitId: null,
    sectorId: null,
    meetingId: null,
    title: 'Notizen Pretoria',
    body: '',
    tags: [],
    classification: '',
    version: 1,
    createdAt: '2027-03-14T08:00:00.000Z',
    updatedAt: '2027-03-14T08:00:00.000Z',
    deletedAt: null,
  };
  const recovered = { state: 'conflict' as const, recovered: true, mine: { ...stored, body: 'Van der Merwe: SA will' }, theirs: stored };

  it('says the text was never saved, not that the note was changed elsewhere, in English and in Korean', () => {
    const english = statusText(recovered, i18n.getFixedT('en'), labels);
    expect(english).toBe('Not saved yet: text typed here never reached the store. Choose the text to keep below.');
    const korean = statusText(recovered, i18n.getFixedT('ko'), labels);
    expect(korean).not.toBe(statusText({ ...recovered, recovered: false }, i18n.getFixedT('ko'), labels));
    expect(korean).not.toMatch(/[a-z]{3,}/);
    expect(statusText({ ...recovered, recovered: false }, i18n.getFixedT('en'), labels)).toMatch(/changed elsewhere/);
  });
});

import { describe, expect, it } from 'vitest';
import { createDraftJournal } from '../notes/draftJournal.ts';
import { memoryStorage } from '../notes/memoryStorage.ts';
import { importJournalKey, openSealedStorage } from './sealedStorage.ts';

const keyOf = async (byte: number) => importJournalKey(btoa(String.fromCharCode(...new Uint8Array(32).fill(byte))));
const draft = (body: string) => ({
  noteId: 7,
  baseVersion: 1,
  content: { title: 'Readout', body, tags: [], classification: 'NATO RESTRICTED' },
  writtenAt: '2023-07-11T08:00:00.000Z',
});
const everything = (storage: Storage) =>
  Array.from({ length: storage.length }, (_, index) => `${storage.key(index)}=${storage.getItem(storage.key(index) ?? '')}`).join('\n');

describe('the sealed draft journal', () => {
  it('keeps no draft text in the backing storage, and opens again with the same key', async () => {
    const backing = memoryStorage();
    const sealed = await openSealedStorage(backing, await keyOf(1), 'sherpa.draft.');
    expect(createDraftJournal(sealed, 'page-1').write(draft('Canary-Osprey 물수리'))).toBe(true);
    await sealed.settled();
    expect(everything(backing)).not.toMatch(/Canary|물수리|Readout/);
    sealed.close();
    expect(sealed.length).toBe(0);
    const reopened = await openSealedStorage(backing, await keyOf(1), 'sherpa.draft.');
    expect(
      createDraftJournal(reopened, 'page-2')
        .list()
        .map((found) => found.content.body),
    ).toEqual(['Canary-Osprey 물수리']);
  });

  it('another key reads nothing and deletes nothing', async () => {
    const backing = memoryStorage();
    const sealed = await openSealedStorage(backing, await keyOf(1), 'sherpa.draft.');
    createDraftJournal(sealed, 'page-1').write(draft('Canary-Osprey'));
    await sealed.settled();
    const other = await openSealedStorage(backing, await keyOf(2), 'sherpa.draft.');
    expect(other.length).toBe(0);
    expect(backing.length).toBe(1);
  });

  it('seals drafts an older Sherpa wrote in plaintext as soon as it opens', async () => {
    const backing = memoryStorage();
    createDraftJournal(backing, 'old-page').write(draft('Canary-Plover'));
    expect(everything(backing)).toContain('Canary-Plover');
    const sealed = await openSealedStorage(backing, await keyOf(1), 'sherpa.draft.');
    expect(everything(backing)).not.toContain('Canary-Plover');
    expect(
      createDraftJournal(sealed, 'page-2')
        .list()
        .map((found) => found.content.body),
    ).toEqual(['Canary-Plover']);
  });

  it('only the newest of quick successive writes is kept', async () => {
    const backing = memoryStorage();
    const sealed = await openSealedStorage(backing, await keyOf(1), 'sherpa.draft.');
    const journal = createDraftJournal(sealed, 'page-1');
    for (const body of ['a', 'ab', 'abc']) journal.write(draft(body));
    await sealed.settled();
    const reopened = await openSealedStorage(backing, await keyOf(1), 'sherpa.draft.');
    expect(createDraftJournal(reopened, 'page-1').read(7)?.content.body).toBe('abc');
  });
});

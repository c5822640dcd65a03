import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/domain.ts';
import { type FileStore, openFileStore } from '../../../testing/fileStore.ts';

// Thai, Lao and Khmer prose marks where a line may break with zero-width spaces, and a biography or note keeps them
// (prose allows them). Copied from such a text into the search box, the words were refused as holding "an invisible
// character that reorders or hides text", though search reads a word with one inside whole (shared/searchFold.ts).
let store: FileStore;
beforeEach(() => {
  store = openFileStore();
});
afterEach(() => store.close());

const person = {
  name: 'Sonexay Siphandone',
  nativeName: '',
  title: 'Prime Minister',
  countryId: null,
  biography: 'ນາຍົກລັດຖະມົນຕີ ສອນ\u200bໄຊ ສີພັນດອນ; met the co\u200bordinating desk.',
  classification: 'NATO UNCLASSIFIED',
  sourceId: null,
};

describe('search.query', () => {
  it('finds words pasted with a zero-width space or a word joiner inside them, as the text they were copied from holds them', async () => {
    const created = await store.call('person.create', person);
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    for (const text of ['ສອນ\u200bໄຊ', 'co\u200bordinating desk', 'co\u2060ordinating', '\ufeffcoordinating']) {
      const answer = await store.call('search.query', { text, limit: 10 });
      expect(answer.ok, JSON.stringify(text)).toBe(true);
      expect(
        (answer.ok ? (answer.value as SearchHit[]) : []).map((hit) => hit.id),
        JSON.stringify(text),
      ).toContain(id);
    }
  });

  it('still refuses a direction override, which would turn round the words shown in the box and the results', async () => {
    expect(await store.call('search.query', { text: '\u202eksed', limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'text' },
    });
  });
});

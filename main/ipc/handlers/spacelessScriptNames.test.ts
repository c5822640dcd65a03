import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person, SearchHit } from '../../../shared/domain.ts';
import { type FileStore, openFileStore } from '../../../testing/fileStore.ts';

// Lao, Thai, Khmer and Burmese put no space between words, and a ministry's document in them carries a zero-width
// space between words where a line may break. A name pasted from one was refused as holding "an invisible
// character", for what is normal in its script; inside a Latin name the same character still hides a look-alike.
let store: FileStore;
beforeEach(() => {
  store = openFileStore();
});
afterEach(() => store.close());

const person = (name: string, nativeName: string) => ({
  name,
  nativeName,
  title: 'ລັດຖະມົນຕີ\u200bວ່າການ',
  countryId: null,
  biography: '',
  classification: 'NATO UNCLASSIFIED',
  sourceId: null,
});

describe('a name pasted from a Lao, Thai, Khmer or Burmese document', () => {
  it('is kept with its zero-width space as pasted, and found by the name typed without it', async () => {
    const created = await store.call('person.create', person('Somsak', 'ສົມ\u200bສັກ'));
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as Person).id;
    expect(created.value).toMatchObject({ nativeName: 'ສົມ\u200bສັກ', title: 'ລັດຖະມົນຕີ\u200bວ່າການ' });
    for (const text of ['ສົມສັກ', 'ສົມ\u200bສັກ']) {
      const answer = await store.call('search.query', { text, limit: 10 });
      expect(answer.ok ? (answer.value as SearchHit[]).map((hit) => hit.id) : answer, JSON.stringify(text)).toContain(id);
    }
    for (const [name, nativeName] of [
      ['Somsak Thai', 'สม\u200bศักดิ์'],
      ['Hun Manet', 'ហ៊ុន\u200bម៉ាណែត'],
      ['Aung San', 'အောင်\u200bဆန်း'],
    ] as const)
      expect(await store.call('person.create', person(name, nativeName)), nativeName).toMatchObject({ ok: true });
  });

  it('is still refused where the zero-width space stands inside or beside a Latin word, and nothing is saved', async () => {
    const before = await store.call('person.list', {});
    for (const [name, nativeName] of [
      ['Pu\u200btin', ''],
      ['Somsak', 'ສົມ\u200b ສັກ'],
      ['Somsak', 'ສົມ\u200bSak'],
    ] as const) {
      const answer = await store.call('person.create', person(name, nativeName));
      expect(answer, JSON.stringify(name + nativeName)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', field: name === 'Somsak' ? 'nativeName' : 'name' },
      });
    }
    expect(await store.call('person.list', {})).toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import type { PackDefinition } from '../../shared/domain.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { gatherPackContent } from './packContent.ts';
import { samplePackDefinition } from './samplePack.ts';
import { latinAndHangul, sampleStoreEachTest } from './unprintable.testing.ts';
import { unprintableRecords } from './unprintable.ts';

// The cover prints the summit's title, dates and city, and the principal's name, native name and title: nothing
// else of either record. A Francophonie desk's summit description with a Khmer line was named after export as
// “Printed with empty boxes … Summit “…”: Khmer”, though no page holds it, and a careful officer went looking.

// Latin, punctuation and Hangul (the sample's Korean names) draw; Khmer does not.
const coverage = latinAndHangul;
const store = sampleStoreEachTest();

const unprintable = (definition: PackDefinition = samplePackDefinition(store())) =>
  unprintableRecords(
    gatherPackContent(store(), definition, { scheme: presetSchemes.nato, homeTimeZone: 'America/Toronto', preparedOn: '2026-10-20' }),
    coverage,
  );

describe('the cover’s summit and principal, in a script no installed font draws', () => {
  it('does not name the summit for its description, which no page prints', () => {
    store().prepare('UPDATE summit SET description = ?').run('សន្និសីទកំពូលហ្វ្រង់កូហ្វូនី។');
    expect(unprintable()).toEqual([]);
  });

  it('names the summit for its city, which the cover prints', () => {
    store().prepare('UPDATE summit SET city = ?').run('សៀមរាប');
    expect(unprintable().map((record) => [record.kind, record.scripts])).toEqual([['summit', ['Khmr']]]);
  });

  it('does not name the principal for a biography the cover does not print', () => {
    // A pack of its cover and sources only: nothing prints the principal but the cover.
    const definition: PackDefinition = { ...samplePackDefinition(store()), sections: [{ kind: 'sources' }] };
    expect(definition.principalId).not.toBeNull();
    store().prepare('UPDATE person SET biography = ? WHERE id = ?').run('ជា សុវណ្ណរិទ្ធ', definition.principalId);
    expect(unprintable(definition)).toEqual([]);
    store().prepare('UPDATE person SET title = ? WHERE id = ?').run('អគ្គលេខាធិការ', definition.principalId);
    expect(unprintable(definition).map((record) => [record.kind, record.scripts])).toEqual([['person', ['Khmr']]]);
  });
});

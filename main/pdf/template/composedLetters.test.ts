import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { gatherPackContent } from '../packContent.ts';
import { samplePackDefinition } from '../samplePack.ts';
import { composedLetters } from './composedLetters.ts';
import { renderPackHtml } from './packDocument.ts';
import { footerTemplate, headerTemplate } from './pageFurniture.ts';

// A venue pasted decomposed ("I" and U+0307, as macOS and some PDFs give it) printed as "Iṡtanbul": Noto Sans CJK
// set the loose dot over the next letter. The pack's HTML carries each such letter composed, which the pack's
// faces for Latin, Greek and Cyrillic draw whole (alphabets.test.ts shows which font Chromium draws them with).

const decomposed = 'I\u0307stanbul, S\u030cefc\u030covic\u030c, Κυρια\u0301κος, Е\u0308лка';

describe('letters pasted decomposed, printed', () => {
  it('are composed in Latin, Greek and Cyrillic, and nothing else changes', () => {
    expect(composedLetters(`<p title="${decomposed}">${decomposed}</p>`)).toBe(
      '<p title="İstanbul, Šefčovič, Κυριάκος, Ёлка">İstanbul, Šefčovič, Κυριάκος, Ёлка</p>',
    );
    // A compatibility ideograph of a Korean name, Hangul written as jamo and a Thai word keep their own characters.
    const kept = '\uf9e1 \u1112\u1161\u11ab \u0e2a\u0e33\u0e04\u0e31\u0e0d';
    expect(composedLetters(kept)).toBe(kept);
  });

  it('print composed in the pack, its running header and its footer', () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    db.prepare('UPDATE meeting SET venue = ?').run(decomposed);
    const pack = gatherPackContent(db, samplePackDefinition(db), {
      scheme: presetSchemes.nato,
      homeTimeZone: 'America/Toronto',
      preparedOn: '2026-07-01',
    });
    const html = renderPackHtml(pack, { author: 'Ankara desk' });
    expect(html).toContain('İstanbul, Šefčovič, Κυριάκος, Ёлка');
    expect(html).not.toMatch(/\p{L}[\u0300-\u036f]/u);
    const furniture = {
      banner: 'NATO RESTRICTED',
      packTitle: decomposed,
      titleMark: '(NR)',
      preparedOn: '2026-07-01',
      language: 'en' as const,
      copy: null,
    };
    expect(headerTemplate({ ...furniture, copy: { recipient: decomposed, number: 1, issuedOn: '2026-07-01' } })).not.toMatch(
      /\p{L}[\u0300-\u036f]/u,
    );
    expect(footerTemplate({ ...furniture, banner: 'NON PROTE\u0301GE\u0301' })).toContain('NON PROTÉGÉ');
    db.close();
  });
});

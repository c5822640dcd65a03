import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { gatherPackContent } from '../packContent.ts';
import { samplePackDefinition } from '../samplePack.ts';
import { frenchSpacing } from './frenchSpacing.ts';
import { renderPackHtml } from './packDocument.ts';

describe('the spaces French writes before : ; ! ? and inside guillemets, in the printed HTML', () => {
  it('are no-break spaces in the text, so the mark never starts a line', () => {
    expect(frenchSpacing('<body><h1>Sommet 2026 : dossier ; « Angkor » ! Prêt ?</h1></body>')).toBe(
      '<body><h1>Sommet 2026\u00a0: dossier\u00a0; «\u00a0Angkor\u00a0»\u00a0! Prêt\u00a0?</h1></body>',
    );
  });

  it('leaves the head, tags and English text as they were', () => {
    const html =
      '<html><head><title>Sommet 2026 : dossier</title></head><body class="a b" data-x="y :z"><p>Points: one; two?</p></body></html>';
    expect(frenchSpacing(html)).toBe(html);
  });

  const db = openScratchDatabase(':memory:');
  beforeEach(() => loadSampleIfEmpty(db));
  afterEach(() => undefined);

  it('keeps a French cover title’s colon with the word before it in the pack', () => {
    const content = gatherPackContent(
      db,
      { ...samplePackDefinition(db), title: 'Sommet de la Francophonie 2026 : dossier de la ministre' },
      { scheme: presetSchemes.nato, homeTimeZone: 'America/Toronto', preparedOn: '2026-10-20' },
    );
    const html = renderPackHtml(content, { author: 'Pupitre' });
    const body = html.slice(html.indexOf('<body'));
    expect(body).toContain('Sommet de la Francophonie 2026\u00a0: dossier de la ministre');
    expect(body).not.toContain('2026 : dossier');
  });
});

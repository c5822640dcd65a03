import { describe, expect, it } from 'vitest';
import { headerTemplate } from './pageFurniture.ts';

// The recipient is text typed into the pack, like its title: wherever it prints it carries the
// title's portion mark, on the copy stamp of every page as on the cover.
describe('the copy stamp in every page’s header', () => {
  it('prints the recipient with its portion mark', () => {
    const html = headerTemplate({
      banner: 'NATO RESTRICTED',
      packTitle: 'Vilnius pack',
      titleMark: '(NR)',
      preparedOn: '2026-12-01',
      language: 'en',
      copy: { recipient: 'Ambassador Kim', number: 3, issuedOn: '2026-12-01' },
    });
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Copy 3 · for (NR) Ambassador Kim · 1\u00a0December\u00a02026');
  });
});

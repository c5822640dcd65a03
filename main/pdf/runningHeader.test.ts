import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { exportPack } from './exportPack.ts';
import { printScratch } from './printScratch.testing.ts';
import { pageMargins } from './template/printCss.ts';

// A pack's title is typed by the desk and may be long ("OSCE Ministerial Council, Vienna, 3–4 December 2026: the
// bilateral with Georgia, side meetings in Tbilisi and Ankara, ..."). The running header printed it on one line
// past the page's right margin, cut mid-word by the paper's edge, with its rule and banner pushed right.

const { folder, engine } = printScratch('sherpa-running-header-');
const pointsPerMm = 72 / 25.4;
const longTitle =
  'OSCE Ministerial Council, Vienna, 3–4 December 2026: the bilateral with Georgia, side meetings in Tbilisi and Ankara, and the arms control and conflict prevention sector briefs';

/** The words printed in the top margin of the first page, with their right edges, in points. */
function headerWords(file: string): { text: string; xMax: number }[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return Array.from(xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g))
    .filter(([, , yMin]) => Number(yMin) < pageMargins.top * pointsPerMm)
    .map(([, , , xMax, text]) => ({ text: text ?? '', xMax: Number(xMax) }));
}

describe('the running header', () => {
  it('keeps a long title inside the page margins, cut with an ellipsis, and the banner centred', async () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    const definition: PackDefinition = {
      title: longTitle,
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'meeting', meetingId: 1, form: 'pocket' }],
    };
    const file = path.join(folder, 'long-title.pdf');
    await exportPack(db, engine, { packName: 'Long title', definition, outPath: file, clock: () => new Date('2026-12-01T08:00:00Z') });
    const words = headerWords(file);
    const pageWidth = 210 * pointsPerMm;
    const rightMargin = pageWidth - pageMargins.right * pointsPerMm;
    expect(words.map((word) => word.text).join(' ')).toContain('OSCE Ministerial Council');
    for (const word of words) expect(word.xMax, `“${word.text}” ends inside the right margin`).toBeLessThanOrEqual(rightMargin + 1);
    expect(words.at(-1)?.text).toMatch(/…$/);
    const banner = words.filter((word) => word.text === 'NATO' || word.text === 'UNCLASSIFIED');
    const bannerEnd = Math.max(...banner.map((word) => word.xMax));
    // Centred: as far from the right margin as its start is from the left one (within a few points).
    const bannerStart = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).match(
      /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">NATO<\/word>/,
    )?.[1];
    expect(Math.abs(Number(bannerStart) - pageMargins.left * pointsPerMm - (rightMargin - bannerEnd))).toBeLessThan(4);
  });
});

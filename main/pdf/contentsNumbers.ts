import type { PageStamp } from './documentInfo.ts';
import type { PrintedLayout } from './readBack.ts';

// A pack used to be printed twice: once to learn where each section lands,
// once more with those pages in the contents. The contents page reserves a
// fixed-width cell for each number, so the numbers move nothing: the pack is
// printed once with the cells left blank, each section's page is read from
// that PDF, and the numbers are drawn into their cells in the same
// incremental update that adds the bookmarks (documentInfo.ts).

/** Hides the placeholders in the contents' number cells; the cells keep their size. */
export function blankContentsNumbers(html: string): string {
  return html.replace('</head>', '<style>.toc .toc-page { visibility: hidden; }</style></head>');
}

/** Width of a digit in Helvetica-Bold (all ten are equal), in thousandths of the font size. */
const digitWidth = 556;
/** The contents' text colour (#111), as the print CSS sets it. */
const textGrey = (0x11 / 0xff).toFixed(3);

/**
 * The page numbers for every contents entry, right-aligned in its cell on the
 * row's baseline, one stamp per contents page. Null when an entry's row was
 * not found in the print: then the pack is printed again with the numbers in
 * its HTML instead.
 */
export function contentsNumberStamps(layout: PrintedLayout, sectionPages: ReadonlyMap<string, number>): PageStamp[] | null {
  const byPage = new Map<number, PageStamp>();
  for (const [anchor, page] of sectionPages) {
    const entry = layout.contentsEntries.get(anchor);
    if (!entry) return null;
    const digits = String(page);
    const x = entry.right - (digits.length * digitWidth * entry.fontSize) / 1000;
    // An artifact: the number is drawn for the eye, outside the tagged structure the print carries.
    const operators = `/Artifact BMC q ${textGrey} g BT /SherpaNumbers ${entry.fontSize.toFixed(2)} Tf ${x.toFixed(2)} ${entry.baseline.toFixed(2)} Td (${digits}) Tj ET Q EMC`;
    const stamp = byPage.get(entry.pageRef.num);
    if (stamp) stamp.content += `\n${operators}`;
    else byPage.set(entry.pageRef.num, { page: entry.pageRef, content: operators });
  }
  return [...byPage.values()];
}

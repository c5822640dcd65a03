import zlib from 'node:zlib';
import type { PageContent } from './contentsNumbers.ts';
import type { PdfObjectRef } from './readBack.ts';

// Two things Chromium's PDF lacks are added here as one PDF incremental update
// (new objects, a new catalog, an xref section and a trailer pointing back at
// the old one), which every reader honours and which leaves the printed bytes
// untouched: the document's author (Chromium writes only the title), and
// bookmarks with exact titles (Chromium's own outline sometimes doubles a
// heading's text, e.g. "ContentsContents"); and the contents pages' content
// with their page numbers written in (contentsNumbers.ts).

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  creator: string;
  producer: string;
  created: Date;
}

export interface Bookmark {
  title: string;
  page: PdfObjectRef;
  /** Top of the target in PDF units from the bottom of the page; null for the page's top. */
  top: number | null;
}

/** The page object, drawing `contentNum` instead of what it drew. Skia writes a page with one content stream. */
function pageDrawing(pageText: string, contentNum: number): string {
  const dictionary = /<<([\s\S]*)>>/.exec(pageText)?.[0];
  if (dictionary === undefined || !/\/Contents\s+\d+\s+\d+\s+R/.test(dictionary))
    throw new UnreadablePdfError('a page without the expected contents');
  return dictionary.replace(/\/Contents\s+\d+\s+\d+\s+R/, `/Contents ${contentNum} 0 R`);
}

/** A PDF text string in UTF-16BE with byte-order mark, so Hangul titles survive. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  return `(D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}

class UnreadablePdfError extends Error {
  constructor(what: string) {
    super(`The engine wrote a PDF Sherpa cannot add its title, author and bookmarks to (${what}).`);
  }
}

/** The byte offset of object `num` from the classic cross-reference table Skia writes. */
function objectOffset(pdf: Buffer, xrefOffset: number, num: number): number {
  const table = pdf.subarray(xrefOffset, Math.min(pdf.length, xrefOffset + 64 + (num + 1) * 20)).toString('latin1');
  const header = /^xref\s+(\d+)\s+(\d+)\s*\r?\n/.exec(table);
  if (!header) throw new UnreadablePdfError('no cross-reference table');
  const first = Number(header[1]);
  const entry = table.slice(header[0].length + (num - first) * 20, header[0].length + (num - first + 1) * 20);
  const match = /^(\d{10}) \d{5} n/.exec(entry);
  if (!match || num < first) throw new UnreadablePdfError(`object ${num} not in the table`);
  return Number(match[1]);
}

export function finishDocument(pdf: Buffer, info: DocumentInfo, bookmarks: Bookmark[], contents: readonly PageContent[] = []): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1');
  const trailer = tail.slice(tail.lastIndexOf('trailer'));
  const previousXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!previousXref || !size || !root || tail.lastIndexOf('trailer') < 0) throw new UnreadablePdfError('no trailer');
  const rootNum = Number(root[1]);

  const catalogStart = objectOffset(pdf, Number(previousXref), rootNum);
  const catalogText = pdf.subarray(catalogStart, pdf.indexOf('endobj', catalogStart)).toString('latin1');
  const dictionary = /<<([\s\S]*)>>/.exec(catalogText)?.[1];
  if (dictionary === undefined) throw new UnreadablePdfError('no catalog');
  const keptEntries = dictionary.replace(/\/Outlines\s+\d+\s+\d+\s+R/, '').replace(/\/PageMode\s+\/\w+/, '');

  const next = Number(size);
  const infoNum = next;
  const outlinesNum = next + 1;
  const itemNum = (index: number) => next + 2 + index;
  const objects = new Map<number, string>();
  objects.set(
    infoNum,
    `<</Title ${textString(info.title)} /Author ${textString(info.author)} /Subject ${textString(info.subject)}` +
      ` /Creator ${textString(info.creator)} /Producer ${textString(info.producer)} /CreationDate ${pdfDate(info.created)} /ModDate ${pdfDate(info.created)}>>`,
  );
  if (bookmarks.length > 0) {
    objects.set(
      outlinesNum,
      `<</Type /Outlines /First ${itemNum(0)} 0 R /Last ${itemNum(bookmarks.length - 1)} 0 R /Count ${bookmarks.length}>>`,
    );
    bookmarks.forEach((bookmark, index) => {
      const links = [
        index > 0 ? `/Prev ${itemNum(index - 1)} 0 R` : '',
        index < bookmarks.length - 1 ? `/Next ${itemNum(index + 1)} 0 R` : '',
      ]
        .filter(Boolean)
        .join(' ');
      const top = bookmark.top === null ? 'null' : bookmark.top.toFixed(2);
      objects.set(
        itemNum(index),
        `<</Title ${textString(bookmark.title)} /Parent ${outlinesNum} 0 R ${links} /Dest [${bookmark.page.num} ${bookmark.page.gen} R /XYZ null ${top} null]>>`,
      );
    });
  }
  objects.set(rootNum, `<<${keptEntries}${bookmarks.length > 0 ? ` /Outlines ${outlinesNum} 0 R /PageMode /UseOutlines` : ''}>>`);

  // Rewritten pages (the contents, numbered): a new content stream each, the page pointed at it.
  const rewritten = new Map<number, number>();
  // Numbered straight after the bookmarks: the new objects' numbers must run without a gap.
  const firstContentNum = bookmarks.length > 0 ? itemNum(bookmarks.length) : infoNum + 1;
  contents.forEach((page, index) => {
    const contentNum = firstContentNum + index;
    const compressed = zlib.deflateSync(page.content).toString('latin1');
    objects.set(contentNum, `<</Filter /FlateDecode /Length ${compressed.length}>>\nstream\n${compressed}\nendstream`);
    const pageStart = objectOffset(pdf, Number(previousXref), page.page.num);
    const pageText = pdf.subarray(pageStart, pdf.indexOf('endobj', pageStart)).toString('latin1');
    objects.set(page.page.num, pageDrawing(pageText, contentNum));
    rewritten.set(page.page.num, page.page.gen);
  });

  let body = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const [num, content] of objects) {
    offsets.set(num, pdf.length + Buffer.byteLength(body, 'latin1'));
    body += `${num} ${num === rootNum ? root[2] : (rewritten.get(num) ?? 0)} obj\n${content}\nendobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(body, 'latin1');
  const generation = (num: number) => (num === rootNum ? Number(root[2]) : (rewritten.get(num) ?? 0));
  const entry = (num: number) => `${String(offsets.get(num)).padStart(10, '0')} ${String(generation(num)).padStart(5, '0')} n \n`;
  const replaced = [rootNum, ...rewritten.keys()].sort((a, b) => a - b);
  const newNums = [...objects.keys()].filter((num) => num >= next).sort((a, b) => a - b);
  const xref = `xref\n${replaced.map((num) => `${num} 1\n${entry(num)}`).join('')}${next} ${newNums.length}\n${newNums.map(entry).join('')}`;
  const end = `trailer\n<</Size ${next + newNums.length} /Root ${rootNum} ${root[2]} R /Info ${infoNum} 0 R /Prev ${previousXref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body + xref + end, 'latin1')]);
}

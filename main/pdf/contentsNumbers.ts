import zlib from 'node:zlib';
import { linksOf, objectOffsets, type PdfObjectRef, type PrintedLayout } from './readBack.ts';
import { placeholderDigits } from './template/toc.ts';

// A pack used to be printed twice: once to learn where each section lands,
// once more with those pages in the contents. The contents page reserves a
// fixed-width cell for each number, so the numbers move nothing: the pack is
// printed once with placeholder digits in the cells, each section's page is
// read from that PDF, and each placeholder's glyphs are swapped for its
// number's in the page's own content stream. The numbers are then the
// print's own text: its embedded font, inside the contents entry's tagged
// structure, read by screen readers and copied as text like the titles.

/** A page's content, rewritten; documentInfo.ts writes it in the incremental update. */
export interface PageContent {
  page: PdfObjectRef;
  /** Uncompressed content-stream operators. */
  content: Buffer;
}

interface PrintedFont {
  codeOf: Map<string, number>;
  charOf: Map<number, string>;
  /** Advance of a code, in thousandths of the font size. */
  width(code: number): number;
}

/** One text object drawing a placeholder: where it is in the stream and how it placed its glyphs. */
interface PlaceholderRun {
  start: number;
  end: number;
  text: string;
  font: string;
  size: number;
  matrix: number[];
  /** Where its last glyph ends, in text space from the matrix's origin. */
  right: number;
}

class PdfFile {
  readonly #bytes: Buffer;
  readonly #offsets: Map<number, number>;
  constructor(pdf: Buffer) {
    this.#bytes = pdf;
    this.#offsets = objectOffsets(pdf);
  }
  get offsets(): Map<number, number> {
    return this.#offsets;
  }
  /** The object's dictionary, as text (its stream excluded). */
  dictionary(num: number): string | null {
    const start = this.#offsets.get(num);
    if (start === undefined) return null;
    const end = this.#bytes.indexOf('endobj', start);
    const streamAt = this.#bytes.indexOf('stream', start);
    return this.#bytes.subarray(start, streamAt >= 0 && streamAt < end ? streamAt : end).toString('latin1');
  }
  /** The object's stream, decoded when Flate-compressed (the only filter Skia uses for content and CMaps). */
  stream(num: number): Buffer | null {
    const dictionary = this.dictionary(num);
    const start = this.#offsets.get(num);
    if (dictionary === null || start === undefined) return null;
    const length = Number(/\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dictionary)?.[1] ?? Number.NaN);
    let dataStart = start + dictionary.length + 'stream'.length;
    if (this.#bytes[dataStart] === 0x0d) dataStart += 1;
    if (this.#bytes[dataStart] === 0x0a) dataStart += 1;
    if (Number.isNaN(length)) return null;
    const data = this.#bytes.subarray(dataStart, dataStart + length);
    if (!/\/Filter\s*\/FlateDecode/.test(dictionary)) return /\/Filter/.test(dictionary) ? null : data;
    try {
      return zlib.inflateSync(data);
    } catch {
      return null;
    }
  }
}

const hexCode = (hex: string) => Number.parseInt(hex, 16);
const fromUtf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map(hexCode));

/** A font of the page: which code draws which character (its ToUnicode map), and each code's width. */
function readFont(file: PdfFile, num: number): PrintedFont | null {
  const font = file.dictionary(num);
  const toUnicode = font && /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(font)?.[1];
  const cmap = toUnicode ? file.stream(Number(toUnicode))?.toString('latin1') : undefined;
  if (!font || !cmap) return null;
  const charOf = new Map<number, string>();
  for (const [, block = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code = '', text = ''] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      charOf.set(hexCode(code), fromUtf16(text));
  for (const [, block = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, low = '', high = '', text = ''] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      for (let code = hexCode(low); code <= hexCode(high); code += 1)
        charOf.set(code, String.fromCharCode(hexCode(text) + code - hexCode(low)));
  const codeOf = new Map([...charOf].map(([code, char]) => [char, code]));
  const firstChar = Number(/\/FirstChar\s+(\d+)/.exec(font)?.[1] ?? 0);
  const widths = (/\/Widths\s*\[([^\]]*)\]/.exec(font)?.[1] ?? '').trim().split(/\s+/).map(Number);
  return { codeOf, charOf, width: (code) => widths[code - firstChar] ?? Number.NaN };
}

/**
 * The text objects of a content stream that draw nothing but a placeholder's
 * digits, as Skia writes a run of text: a font, a matrix, then each glyph
 * with `Tj`, moved along with `Td`. Anything else is not a placeholder.
 */
function placeholderRuns(content: string, fonts: Map<string, PrintedFont>): PlaceholderRun[] {
  const runs: PlaceholderRun[] = [];
  for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
    let font: string | null = null;
    let size = 0;
    let matrix: number[] | null = null;
    let x = 0;
    let right = 0;
    let text = '';
    let understood = true;
    for (const token of (block[1] ?? '').matchAll(
      /\/(\S+)\s+([-\d.]+)\s+Tf|((?:[-\d.]+\s+){6})Tm|([-\d.]+)\s+([-\d.]+)\s+Td|<([0-9A-Fa-f]*)>\s*Tj|(\S+)/g,
    )) {
      const [, fontName, fontSize, tm, dx, dy, hex] = token;
      if (fontName !== undefined && font === null) {
        font = fontName;
        size = Number(fontSize);
      } else if (tm !== undefined && matrix === null) matrix = tm.trim().split(/\s+/).map(Number);
      else if (dx !== undefined && Number(dy) === 0) x += Number(dx);
      else if (hex !== undefined && font !== null && matrix !== null) {
        const printed = fonts.get(font);
        for (const code of (hex.match(/../g) ?? []).map(hexCode)) {
          text += printed?.charOf.get(code) ?? '\u0000';
          right = x + ((printed?.width(code) ?? Number.NaN) * size) / 1000;
        }
        if (hex.length !== 2) understood = false;
      } else understood = false;
    }
    if (understood && font !== null && matrix?.length === 6 && /^\d{5}$/.test(text) && !Number.isNaN(right)) {
      runs.push({ start: block.index, end: block.index + block[0].length, text, font, size, matrix, right });
    }
  }
  return runs;
}

/** The placeholder's text object redrawn with `digits`, right-aligned where the placeholder ended, in its font. */
function numberRun(run: PlaceholderRun, font: PrintedFont, digits: string): string | null {
  const codes = [...digits].map((digit) => font.codeOf.get(digit));
  if (codes.some((code) => code === undefined)) return null;
  const advances = (codes as number[]).map((code) => (font.width(code) * run.size) / 1000);
  const start = run.right - advances.reduce((sum, advance) => sum + advance, 0);
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = run.matrix;
  const glyphs = (codes as number[])
    .map(
      (code, index) =>
        `${index > 0 ? `${(advances[index - 1] ?? 0).toFixed(4)} 0 Td ` : ''}<${code.toString(16).padStart(2, '0').toUpperCase()}> Tj`,
    )
    .join(' ');
  const origin = `${(e + a * start).toFixed(4)} ${(f + b * start).toFixed(4)}`;
  return `BT /${run.font} ${run.size} Tf ${a} ${b} ${c} ${d} ${origin} Tm ${glyphs} ET`;
}

/** A contents page as printed: its content stream, its fonts, and the placeholders drawn in it. */
interface ContentsPage {
  pageRef: PdfObjectRef;
  content: string;
  fonts: Map<string, PrintedFont>;
  runs: PlaceholderRun[];
}

/**
 * Each contents page's content with the placeholders' digits swapped for the
 * section's page, or null when any entry's placeholder is not found as
 * expected (or its font lacks a digit): then the pack is printed again with
 * the numbers in its HTML instead.
 *
 * Entries and placeholders are both in the contents' order, page after page,
 * so the n-th placeholder is the n-th entry's. An entry is matched by its
 * link's first appearance: an entry broken over two pages (the template keeps
 * each whole, another engine might not) has a link on both and its number on one.
 */
export function swapContentsNumbers(
  pdf: Buffer,
  layout: PrintedLayout,
  sectionPages: ReadonlyMap<string, number>,
  anchors: readonly string[],
): PageContent[] | null {
  const file = new PdfFile(pdf);
  const indexOf = new Map(anchors.map((anchor, index) => [anchor, index]));
  const firstSection = Math.min(...[...sectionPages.values()]);
  const entries: string[] = [];
  const seen = new Set<string>();
  const pages: ContentsPage[] = [];
  for (const pageRef of layout.pageRefs.slice(0, firstSection - 1)) {
    // This page's contents entries, top to bottom, each counted on the first page it appears.
    const links = linksOf(pdf, file.offsets, pageRef)
      .filter((link) => indexOf.has(link.dest))
      .sort((one, other) => (other.rect[3] ?? 0) - (one.rect[3] ?? 0));
    if (links.length === 0) continue;
    for (const { dest } of links) {
      if (!seen.has(dest)) entries.push(dest);
      seen.add(dest);
    }
    const page = file.dictionary(pageRef.num);
    const contentNum = page && /\/Contents\s+(\d+)\s+\d+\s+R/.exec(page)?.[1];
    const content = contentNum ? file.stream(Number(contentNum))?.toString('latin1') : undefined;
    const fontList = page && /\/Font\s*<<([^>]*)>>/.exec(page)?.[1];
    if (!content || !fontList) return null;
    const fonts = new Map<string, PrintedFont>();
    for (const [, name = '', num] of fontList.matchAll(/\/(\S+)\s+(\d+)\s+\d+\s+R/g)) {
      const font = readFont(file, Number(num));
      if (font) fonts.set(name, font);
    }
    pages.push({ pageRef, content, fonts, runs: placeholderRuns(content, fonts) });
  }
  if (entries.length !== sectionPages.size || pages.reduce((sum, page) => sum + page.runs.length, 0) !== entries.length) return null;

  const rewritten: PageContent[] = [];
  let entry = 0;
  for (const { pageRef, content, fonts, runs } of pages) {
    let swapped = '';
    let from = 0;
    for (const run of runs) {
      const anchor = entries[entry] ?? '';
      entry += 1;
      const page = sectionPages.get(anchor);
      const font = fonts.get(run.font);
      if (page === undefined || !font || run.text !== placeholderDigits(indexOf.get(anchor) ?? -1)) return null;
      const redrawn = numberRun(run, font, String(page));
      if (redrawn === null) return null;
      swapped += content.slice(from, run.start) + redrawn;
      from = run.end;
    }
    if (runs.length > 0) rewritten.push({ page: pageRef, content: Buffer.from(swapped + content.slice(from), 'latin1') });
  }
  return rewritten;
}

import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Reading exported PDFs back the way a person's reader does: poppler for the
// text as laid out on each page, pdfjs for links, bookmarks and page sizes.

/** The text of each page, in layout order (poppler separates pages with a form feed). */
export function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

export function nonEmptyLines(pageText: string): string[] {
  return pageText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .flatMap((line) => (/^([^:]+):\s*(.*)$/.exec(line) ? [[line.split(':')[0], line.slice(line.indexOf(':') + 1).trim()]] : [])),
  );
}

export interface PdfStructure {
  pageCount: number;
  /** Top-level bookmarks and their children's titles. */
  outline: { title: string; page: number; children: string[] }[];
  /** Every internal link: the page it is on and the page it goes to. */
  links: { onPage: number; toPage: number; rect: number[] }[];
  pageSizes: { width: number; height: number }[];
}

export async function readStructure(pdf: Uint8Array): Promise<PdfStructure> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const pageOf = async (destination: unknown): Promise<number> => {
      const explicit = typeof destination === 'string' ? await document.getDestination(destination) : (destination as unknown[] | null);
      const target = explicit?.[0] as { num: number; gen: number } | undefined;
      return target ? (await document.getPageIndex(target)) + 1 : -1;
    };
    const outline = await Promise.all(
      ((await document.getOutline()) ?? []).map(async (item) => ({
        title: item.title,
        page: await pageOf(item.dest),
        children: item.items.map((child) => child.title),
      })),
    );
    const links: PdfStructure['links'] = [];
    const pageSizes: PdfStructure['pageSizes'] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pageSizes.push({ width: x1 - x0, height: y1 - y0 });
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype === 'Link' && annotation.dest)
          links.push({ onPage: number, toPage: await pageOf(annotation.dest), rect: annotation.rect });
      }
    }
    return { pageCount: document.numPages, outline, links, pageSizes };
  } finally {
    await document.destroy();
  }
}

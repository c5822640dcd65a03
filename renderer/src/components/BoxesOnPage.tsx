import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coverageOfRanges, type FontCoverage, missingCharacters, scriptOf } from '../../../shared/fontCoverage.ts';
import { scriptNames } from '../packs/UnprintableInPack.tsx';
import { useQuery } from '../useQuery.ts';
import { whenIdle } from './lazyView.ts';

/**
 * The characters no installed font draws in the page's text, but the warning's own (which names the very
 * characters it warns of), kept per text node and brought up to date from the page's mutations: a key typed
 * changes a node or two, and reading every text node of a long page again (a list of notes, a brief) after
 * each was the largest part of the page's work while typing (traced typing into a new note on the benchmark's
 * quick store: a quarter to a third of its script time, in the frame of each key). Text nodes never share a
 * letter, so the page's missing characters are its nodes' together.
 *
 * A form's fields count too: what is typed into a field is its value, no text node, so a Thai name typed into a new
 * person's form showed as boxes with no word of why until it was saved. A field's value changes without a mutation
 * (a key typed, a form reset by React), so every field on the page is read again at each check: a page holds a few.
 */
class MissingOnPage {
  /** Only nodes with missing characters: on most pages none. */
  private readonly missing = new Map<Node, string[]>();
  /** The text fields on the page, each with the value last read: read again at every check, cut up only when changed. */
  private readonly fields = new Map<TextField, string>();

  private readonly page: HTMLElement;
  private readonly warning: () => HTMLElement | null;
  private readonly coverage: FontCoverage;

  constructor(page: HTMLElement, warning: () => HTMLElement | null, coverage: FontCoverage) {
    this.page = page;
    this.warning = warning;
    this.coverage = coverage;
    this.read(page);
  }

  /** Reads again what the mutations touched (added subtrees, changed texts) and forgets what left the page. */
  update(records: readonly MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.read(record.target);
      else for (const added of record.addedNodes) this.read(added);
    }
    for (const field of this.fields.keys()) {
      if (this.counts(field)) this.readValue(field);
      else this.fields.delete(field);
    }
    for (const node of this.missing.keys()) if (!this.counts(node)) this.missing.delete(node);
  }

  /** In the order the page shows them, as one read of its whole text gave them. */
  characters(): string {
    const nodes = [...this.missing.keys()].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return [...new Set(nodes.flatMap((node) => this.missing.get(node) ?? []))].join('');
  }

  private counts(node: Node): boolean {
    return this.page.contains(node) && !this.warning()?.contains(node);
  }

  private read(root: Node): void {
    if (!this.counts(root)) return;
    if (root.nodeType === Node.TEXT_NODE) {
      this.readText(root as Text);
      return;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // A text area's own text node is the value it started with, not what it holds now: its value is read instead.
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!isTextField(node.parentNode)) this.readText(node as Text);
    if (root instanceof Element) {
      for (const field of [root, ...root.querySelectorAll('input, textarea')]) {
        if (isTextField(field)) this.readValue(field);
      }
    }
    // The warning's own text, if the walk went through it.
    const warning = this.warning();
    if (warning && root.contains(warning)) for (const node of this.missing.keys()) if (warning.contains(node)) this.missing.delete(node);
  }

  private readText(node: Text): void {
    this.note(node, node.nodeValue ?? '');
  }

  private readValue(field: TextField): void {
    // A long note in Thai is cut into letters only when it changed, not at every check of the page.
    if (this.fields.get(field) === field.value) return;
    this.fields.set(field, field.value);
    this.note(field, field.value);
  }

  private note(node: Node, text: string): void {
    const missing = missingCharacters(text, this.coverage);
    if (missing.length > 0) this.missing.set(node, missing);
    else this.missing.delete(node);
  }
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** A field whose value is text a record prints: not a password (a passphrase is never repeated on screen), a date or a number. */
function isTextField(node: Node | null): node is TextField {
  if (node instanceof HTMLTextAreaElement) return true;
  return node instanceof HTMLInputElement && (node.type === 'text' || node.type === 'search');
}

/**
 * Says when text on the page is in a script no installed font draws (a name in
 * Ge'ez, a title in Thai), which the window shows, and a pack prints, as empty
 * boxes: the same check the pack builder, the export and the command line make
 * (shared/fontCoverage.ts), of whatever the page shows, so every record page
 * warns without each naming its texts. Silent where the fonts cannot be asked.
 */
export function BoxesOnPage({ page }: { page: RefObject<HTMLElement | null> }) {
  // Asked once the page is idle after its first view: reading the fonts is a program run and a parse of every
  // font's characters in the store's process (main/pdf/fontCoverage.ts), which at a start took a core for
  // 100 ms or more beside Today's first render and held up the store's other answers.
  const [asking, setAsking] = useState(false);
  useEffect(() => whenIdle(() => setAsking(true)), []);
  return asking ? <BoxesWarning page={page} /> : <div />;
}

function BoxesWarning({ page }: { page: RefObject<HTMLElement | null> }) {
  const { t, i18n } = useTranslation();
  const fonts = useQuery('fonts.coverage', {});
  const ranges = fonts.status === 'ready' ? (fonts.value?.ranges ?? null) : null;
  const coverage = useMemo<FontCoverage | null>(() => (ranges ? coverageOfRanges(ranges) : null), [ranges]);
  const warning = useRef<HTMLDivElement>(null);
  const [missing, setMissing] = useState('');

  useEffect(() => {
    const element = page.current;
    if (!coverage || !element) return;
    const onPage = new MissingOnPage(element, () => warning.current, coverage);
    let pending: MutationRecord[] = [];
    let cancel: (() => void) | null = null;
    // Read when the page is idle, not in the frame a key or a list's render is painted in: the warning can
    // wait a moment, the caret cannot. One read for all the changes meanwhile.
    const check = () => {
      cancel = null;
      onPage.update(pending);
      pending = [];
      setMissing(onPage.characters());
    };
    const observer = new MutationObserver((records) => {
      pending.push(...records);
      cancel ??= whenIdle(check);
    });
    observer.observe(element, { subtree: true, childList: true, characterData: true });
    // A key typed into a field changes its value, which no mutation reports.
    const typed = () => {
      cancel ??= whenIdle(check);
    };
    element.addEventListener('input', typed);
    setMissing(onPage.characters());
    return () => {
      observer.disconnect();
      element.removeEventListener('input', typed);
      cancel?.();
    };
  }, [coverage, page]);

  const characters = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(missing)].map(({ segment }) => segment);
  return (
    <div ref={warning}>
      {characters.length > 0 ? (
        <div className="unmarked-in-pack" role="status">
          <strong>{t('app.boxesTitle')}</strong>
          <p className="unmarked-in-pack-text">
            <bdi>
              {t('app.boxesOnPage', {
                scripts: scriptNames(i18n.language, [...new Set(characters.map(scriptOf))]),
                characters: characters.slice(0, 12).join(''),
                interpolation: { escapeValue: false },
              })}
            </bdi>
          </p>
        </div>
      ) : null}
    </div>
  );
}

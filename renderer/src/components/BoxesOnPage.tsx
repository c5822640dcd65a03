import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coverageOfRanges, type FontCoverage, missingCharacters, scriptOf } from '../../../shared/fontCoverage.ts';
import { scriptNames } from '../packs/UnprintableInPack.tsx';
import { useQuery } from '../useQuery.ts';
import { whenIdle } from './lazyView.ts';

/** Every text node of the page but the warning's own, which names the very characters it warns of. */
function pageText(page: HTMLElement, warning: HTMLElement | null): string {
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (warning?.contains(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return parts.join('\n');
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
    let frame = 0;
    // Read once a frame at most, whatever the number of changes in it: a list rendering row by row is one read.
    const check = () => {
      frame = 0;
      setMissing(missingCharacters(pageText(element, warning.current), coverage).join(''));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(check);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(element, { subtree: true, childList: true, characterData: true });
    check();
    return () => {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
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

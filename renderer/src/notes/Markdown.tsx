import type { TFunction } from 'i18next';
import { createElement, memo, type ReactNode, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxProse } from '../../../shared/fieldRules.ts';
import { noteMarkdownToReact } from '../../../shared/noteMarkdown.ts';

// The Markdown is rendered by shared/noteMarkdown.ts (the pack prints notes
// through the same module); this file says how the app shows what never
// renders as itself: links, images and headings.

/** The URL of a link, shown as text only: a note never navigates anywhere. */
function LinkText({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span className="note-link" title={href ? t('notes.linkTo', { href }) : t('notes.link')}>
      {children}
      {href ? <span className="note-link-url"> ⟨{href}⟩</span> : null}
    </span>
  );
}

export function markdownToReact(markdown: string, t: TFunction): ReactNode {
  return noteMarkdownToReact(markdown, {
    link: (href, children, key) => (
      <LinkText key={key} href={href}>
        {children}
      </LinkText>
    ),
    // Images would be a request; the alt text says what was there.
    image: (alt, key) => (
      <span key={key} className="note-image">
        {t('notes.image', { alt })}
      </span>
    ),
    heading: (level, children, key) => createElement(`h${level}`, { key, dir: 'auto' }, ...children),
  });
}

/** How long the text must rest before the preview is rebuilt. */
export const previewQuietMs = 250;

/**
 * `value` once it has not changed for `quietMs`; the first value at once. A
 * change while the timer runs only notes the time: the timer, when it fires,
 * waits out the rest, so typing costs no timer per key.
 */
function useSettled<T>(value: T, quietMs: number): T {
  const [settled, setSettled] = useState(value);
  const latest = useRef({ value, at: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = { value, at: Date.now() };
    if (Object.is(value, settled) || timer.current !== null) return;
    const wake = () => {
      // At most quietMs: a clock set back must not hold the preview.
      const rest = Math.min(quietMs, latest.current.at + quietMs - Date.now());
      if (rest > 0) {
        timer.current = setTimeout(wake, rest);
        return;
      }
      timer.current = null;
      startTransition(() => setSettled(latest.current.value));
    };
    timer.current = setTimeout(wake, quietMs);
  }, [value, settled, quietMs]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return settled;
}

/**
 * A note's live preview. It is rebuilt when the typing rests, not at every
 * key: a long note's Markdown takes longer than a frame to parse, and a key
 * must reach the field within one.
 */
export const MarkdownPreview = memo(function MarkdownPreview({ markdown, label }: { markdown: string; label?: string }) {
  const { t } = useTranslation();
  const shown = useSettled(markdown, previewQuietMs);
  // A text over the note's limit is refused and never printed: previewing the whole of it (a 1 MB report pasted
  // into a note) held the page for 7–8 s of layout. The part that could be kept is shown, and the rest said.
  const overLimit = shown.length > maxProse;
  const preview = useMemo(
    () => (shown.trim() ? markdownToReact(overLimit ? shown.slice(0, maxProse) : shown, t) : null),
    [shown, overLimit, t],
  );
  return (
    <figure className="note-preview prose" aria-label={label ?? t('notes.preview')}>
      {preview ?? <p className="muted">{t('notes.nothingYet')}</p>}
      {overLimit ? (
        <p className="muted">
          {t('notes.previewCut', { limit: maxProse.toLocaleString('en'), length: shown.length.toLocaleString('en') })}
        </p>
      ) : null}
    </figure>
  );
});

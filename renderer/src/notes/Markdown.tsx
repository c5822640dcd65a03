import type { TFunction } from 'i18next';
import { micromark } from 'micromark';
import { createElement, Fragment, memo, type ReactNode, startTransition, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Markdown is turned into HTML by micromark (raw HTML escaped, dangerous
// protocols dropped), then that HTML is read back and rebuilt as React
// elements from an allow-list. Nothing is ever set as innerHTML, so no
// attribute, script or handler survives, whatever micromark lets through.

const kept = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

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

function toReact(node: Node, key: number, t: TFunction): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  const children = Array.from(element.childNodes, (child, index) => toReact(child, index, t));
  if (tag === 'a') {
    return (
      <LinkText key={key} href={element.getAttribute('href') ?? ''}>
        {children}
      </LinkText>
    );
  }
  if (tag === 'img') {
    // Images would be a request; the alt text says what was there.
    return (
      <span key={key} className="note-image">
        {t('notes.image', { alt: element.getAttribute('alt') ?? '' })}
      </span>
    );
  }
  if (!kept.has(tag)) return createElement(Fragment, { key }, ...children);
  return createElement(tag, { key }, ...(children.length > 0 ? children : []));
}

export function markdownToReact(markdown: string, t: TFunction, parser: DOMParser = new DOMParser()): ReactNode {
  const html = micromark(markdown);
  const body = parser.parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
  return Array.from(body.childNodes, (node, index) => toReact(node, index, t));
}

/** How long the text must rest before the preview is rebuilt. */
export const previewQuietMs = 250;

/** `value` once it has not changed for `quietMs`; the first value at once. */
function useSettled<T>(value: T, quietMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => startTransition(() => setSettled(value)), quietMs);
    return () => clearTimeout(timer);
  }, [value, settled, quietMs]);
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
  const preview = useMemo(() => (shown.trim() ? markdownToReact(shown, t) : null), [shown, t]);
  return (
    <figure className="note-preview prose" aria-label={label ?? t('notes.preview')}>
      {preview ?? <p className="muted">{t('notes.nothingYet')}</p>}
    </figure>
  );
});

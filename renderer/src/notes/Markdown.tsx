import type { TFunction } from 'i18next';
import { createElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
    heading: (level, children, key) => createElement(`h${level}`, { key }, ...children),
  });
}

/** A note's live preview. */
export function MarkdownPreview({ markdown, label }: { markdown: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <figure className="note-preview prose" aria-label={label ?? t('notes.preview')}>
      {markdown.trim() ? markdownToReact(markdown, t) : <p className="muted">{t('notes.nothingYet')}</p>}
    </figure>
  );
}

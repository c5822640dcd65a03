import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PackContent, SectionContent } from '../packContent.ts';
import { BiographiesSection, NotesSection, SourcesSection, TimelineSection } from './annexSections.ts';
import { composedLetters } from './composedLetters.ts';
import { Cover } from './cover.ts';
import { frenchSpacing } from './frenchSpacing.ts';
import { keptKoreanWords } from './koreanWords.ts';
import { MeetingSection } from './meetingSection.ts';
import { PackWordsContext, packWords } from './packWords.ts';
import { printCss } from './printCss.ts';
import { SectorSection } from './sectorSection.ts';
import { TableOfContents } from './toc.ts';

// The one print template. Components are plain React (createElement, so the
// command line runs them in Node without a JSX step) rendered to static HTML:
// every piece of user text is a text node, escaped by React.

/** No script of any kind may run in a printed pack, and nothing may be fetched. */
const printPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

function Section({ section, homeTimeZone }: { section: SectionContent; homeTimeZone: string }): ReactNode {
  switch (section.kind) {
    case 'meeting':
      return h(MeetingSection, { section, homeTimeZone });
    case 'sector':
      return h(SectorSection, { section });
    case 'timeline':
      return h(TimelineSection, { section });
    case 'biographies':
      return h(BiographiesSection, { section });
    case 'sources':
      return h(SourcesSection, { section });
    case 'notes':
      return h(NotesSection, { section });
  }
}

export interface DocumentOptions {
  author: string;
}

function PackDocument({ pack, options }: { pack: PackContent; options: DocumentOptions }): ReactNode {
  return h(
    'html',
    { lang: pack.language },
    h(
      'head',
      null,
      h('meta', { charSet: 'utf-8' }),
      h('meta', { httpEquiv: 'Content-Security-Policy', content: printPolicy }),
      h('title', null, pack.title),
      h('meta', { name: 'author', content: options.author }),
      // React writes a style element's text as it is: only our own constant stylesheet goes here.
      h('style', null, printCss(pack.paper)),
    ),
    h(
      'body',
      { className: `paper-${pack.paper}` },
      h(
        PackWordsContext.Provider,
        { value: packWords[pack.language] },
        h(Cover, { pack }),
        h(TableOfContents, { sections: pack.sections, mark: pack.contentsMark }),
        pack.sections.map((section) => h(Section, { key: section.anchor, section, homeTimeZone: pack.homeTimeZone })),
      ),
    ),
  );
}

export function renderPackHtml(pack: PackContent, options: DocumentOptions): string {
  return `<!DOCTYPE html>${keptKoreanWords(frenchSpacing(composedLetters(renderToStaticMarkup(h(PackDocument, { pack, options })))))}`;
}

/**
 * The first pass only finds where each heading lands. Hidden text lays out
 * exactly as shown text but costs the engine almost nothing to print, and the
 * headings' link targets are still recorded.
 */
export function draftHtml(html: string): string {
  return html.replace('</head>', '<style>* { visibility: hidden !important; }</style></head>');
}

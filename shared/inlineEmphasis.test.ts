import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emphasisToReact, emphasisTree, withoutEmphasisMarks } from './inlineEmphasis.ts';

const html = (text: string) => renderToStaticMarkup(emphasisToReact(text));

describe('emphasis in a brief section', () => {
  it('reads **bold**, *italic* and _italic_ without their marks', () => {
    expect(emphasisTree('**Do not** mention the *draft* or _the annex_.')).toEqual([
      { tag: 'strong', children: ['Do not'] },
      ' mention the ',
      { tag: 'em', children: ['draft'] },
      ' or ',
      { tag: 'em', children: ['the annex'] },
      '.',
    ]);
    expect(html('***Never*** say it')).toBe('<strong><em>Never</em></strong> say it');
  });

  it('reads one kind inside the other', () => {
    expect(html('**Do not _ever_ confirm**')).toBe('<strong>Do not <em>ever</em> confirm</strong>');
    expect(html('*only **if** asked*')).toBe('<em>only <strong>if</strong> asked</em>');
  });

  it('keeps an asterisk or underscore that emphasises nothing as typed', () => {
    for (const typed of [
      '5 * 3 = 15',
      '5*3*2 = 30',
      'Agreed in principle*',
      '* see annex B',
      '*see annex B',
      'Reply to desk_officer_name by noon',
      'a ** lone pair',
      '** spaced **',
      '****four****',
      '',
    ])
      expect(emphasisTree(typed).join(''), typed).toBe(typed);
    expect(html('Growth of 5 * 3 per cent*')).toBe('Growth of 5 * 3 per cent*');
  });

  it('never crosses a line, and keeps the line breaks', () => {
    expect(html('**Do not\nmention** it')).toBe('**Do not\nmention** it');
    expect(html('**One**\n*two*')).toBe('<strong>One</strong>\n<em>two</em>');
    // Text without emphasis stays one text node: a screen reader or a selection reads it as before.
    expect(emphasisToReact('- one\n- two * three')).toEqual(['- one\n- two * three']);
  });

  it('reads emphasis in Arabic and Korean text', () => {
    expect(html('لا **تذكر** المسودة')).toBe('لا <strong>تذكر</strong> المسودة');
    expect(html('*비공개* 논의')).toBe('<em>비공개</em> 논의');
  });

  it('prints markup typed in the text as text', () => {
    expect(html('**<b>x</b>**')).toBe('<strong>&lt;b&gt;x&lt;/b&gt;</strong>');
  });
});

describe('a text shown plain, without its emphasis marks', () => {
  it('drops the marks read as emphasis and keeps those that stay as typed', () => {
    expect(withoutEmphasisMarks('**Do not** mention the *draft*,\n_the annex_ or ***ever***.')).toBe(
      'Do not mention the draft,\nthe annex or ever.',
    );
    for (const text of ['5 * 3 = 15', '5*3', 'snake_case_name', 'agreed* (see annex)', 'a lone ** here', '* see annex'])
      expect(withoutEmphasisMarks(text)).toBe(text);
  });

  it('keeps a search match’s marks where they stand, inside emphasis or round it', () => {
    expect(withoutEmphasisMarks('**\uE000Do\uE001 not** say *\uE000draft\uE001*')).toBe('\uE000Do\uE001 not say \uE000draft\uE001');
  });
});
